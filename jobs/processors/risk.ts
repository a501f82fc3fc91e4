// risk.train: a risk model trained on the labelled outcomes and evaluated on the months after
// (lib/risk/train-risk-model.ts);
// a new model then scores the latest month (risk.score, lib/risk/score-declarations.ts).
import "server-only";
import { executeRun, requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import { trainAndStoreRiskModel } from "@/lib/risk/train-risk-model";
import { scoreAndStoreDeclarations } from "@/lib/risk/score-declarations";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processRiskTrain(runId: number, report: ProgressReporter) {
  return executeRun(runId, "RISK_TRAIN", report, async (params, progress) => {
    const outcome = await trainAndStoreRiskModel(params, progress);
    const score = await requestAnalysisRun("RISK_SCORE", { modelId: outcome.modelId });
    return { ...outcome, scoreRunId: score.runId };
  });
}

export async function processRiskScore(runId: number, report: ProgressReporter) {
  return executeRun(runId, "RISK_SCORE", report, (params, progress) => scoreAndStoreDeclarations(params, progress));
}
