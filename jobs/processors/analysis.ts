// trs.compute and mirror.compute: one analysis run each (lib/analysis/analysis-runs.ts), whose table is stored in
// trs_results or mirror_results in place of the period's or year's previous one. A year without an exchange rate can
// never succeed: not retried.
import "server-only";
import { AppError } from "@/lib/kernel/app-error";
import { executeRun } from "@/lib/analysis/analysis-runs";
import { MirrorRunParams, TrsRunParams } from "@/lib/analysis/analysis-run-params";
import { computeAndStoreTrs } from "@/lib/trs/store-trs";
import { computeAndStoreMirror } from "@/lib/mirror/store-mirror";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

const isInvalid = (error: unknown) => error instanceof AppError && error.code === "INVALID";

export async function processTrsCompute(runId: number, report: ProgressReporter) {
  return executeRun(
    runId,
    "TRS_COMPUTE",
    report,
    (params, progress) => computeAndStoreTrs(TrsRunParams.parse(params), (fraction) => progress(fraction * 100)),
    { isPermanent: isInvalid },
  );
}

export async function processMirrorCompute(runId: number, report: ProgressReporter) {
  return executeRun(
    runId,
    "MIRROR_COMPUTE",
    report,
    (params, progress) => computeAndStoreMirror(MirrorRunParams.parse(params), (fraction) => progress(fraction * 100)),
    { isPermanent: isInvalid },
  );
}
