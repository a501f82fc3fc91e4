// A dashboard that found contract values missing or older than the latest import asks the refresh job for them.
// The jobId is derived from what was missing, so every page load that sees the same gap is one job; a queue that
// cannot be reached leaves the page as it is (it already says the values are pending).
import "server-only";
import crypto from "node:crypto";
import { enqueue } from "@/lib/queue/enqueue";
import { JOB_NAMES } from "@/lib/queue/job-names";
import { cellKey, type CellRequest } from "@/lib/contracts/load-kpi-cells";
import { logger } from "@/lib/logger";

export async function queueContractRefresh(latestImportId: number | null, stale: CellRequest[]): Promise<void> {
  const digest = crypto
    .createHash("sha1")
    .update(`${latestImportId}|${stale.map(cellKey).sort().join(";")}`)
    .digest("hex")
    .slice(0, 16);
  try {
    await enqueue(JOB_NAMES.contractsRefreshIndicators, { reason: `dashboard-${digest}` });
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "could not queue the contract indicators refresh");
  }
}
