// selectivity.compute: the selectivity tables rewritten from the clearance data
// (lib/selectivity/compute-selectivity.ts),
// as one analysis run.
import "server-only";
import { executeRun } from "@/lib/analysis/analysis-runs";
import { computeSelectivity } from "@/lib/selectivity/compute-selectivity";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processSelectivityCompute(runId: number, report: ProgressReporter) {
  return executeRun(runId, "SELECTIVITY_COMPUTE", report, async (_params, progress) => computeSelectivity(progress));
}
