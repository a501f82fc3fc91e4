// contracts.refresh-indicators: every signed contract's stored indicators brought up to date.
import "server-only";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import { dispatchAnalysisRuns } from "@/lib/kpis/queue-recomputation";
import type { ParsedJobPayload, ProgressReporter } from "@/lib/queue/job-payloads";
import type { JOB_NAMES } from "@/lib/queue/job-names";

export async function processContractsRefreshIndicators(
  p: ParsedJobPayload<typeof JOB_NAMES.contractsRefreshIndicators>,
  report: ProgressReporter,
) {
  const result = await refreshContractIndicators();
  await dispatchAnalysisRuns(p.analysisRuns ?? []);
  await report(100);
  return result;
}
