// risk.train: a risk model trained on the labelled outcomes and evaluated on the months after
// (lib/risk/train-risk-model.ts); a new model then scores the latest month (risk.score,
// lib/risk/score-declarations.ts) and has its drift checked on the months after its window (risk.drift,
// lib/risk/risk-drift.ts), which also runs on the 1st of every month for the latest model.
import "server-only";
import { executeRun, requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import { trainAndStoreRiskModel } from "@/lib/risk/train-risk-model";
import { scoreAndStoreDeclarations } from "@/lib/risk/score-declarations";
import { checkRiskDrift } from "@/lib/risk/risk-drift";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processRiskTrain(runId: number, report: ProgressReporter) {
  return executeRun(runId, "RISK_TRAIN", report, async (params, progress) => {
    // The evaluation is stored with the model; the run keeps what identifies it.
    const { metrics: _metrics, ...outcome } = await trainAndStoreRiskModel(params, progress);
    const score = await requestAnalysisRun("RISK_SCORE", { modelId: outcome.modelId });
    const drift = await requestAnalysisRun("RISK_DRIFT", { modelId: outcome.modelId });
    return { ...outcome, scoreRunId: score.runId, driftRunId: drift.runId };
  });
}

export async function processRiskScore(runId: number, report: ProgressReporter) {
  return executeRun(runId, "RISK_SCORE", report, (params, progress) => scoreAndStoreDeclarations(params, progress));
}

export async function processRiskDrift(runId: number, report: ProgressReporter) {
  return executeRun(runId, "RISK_DRIFT", report, (params, progress) => checkRiskDrift(params, progress));
}

// The monthly schedule only asks for a check of the latest model, which its own job then carries out.
export async function processRiskDriftMonthly() {
  return requestAnalysisRun("RISK_DRIFT", {});
}
