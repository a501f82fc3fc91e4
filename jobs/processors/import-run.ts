// import.run: imports one registered batch (an uploaded zip, a folder, or a KCS file) under the lease of its row.
import "server-only";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processImportRun(batchId: number, report: ProgressReporter): Promise<{ batchId: number }> {
  await runImportBatch(batchId, report);
  return { batchId };
}
