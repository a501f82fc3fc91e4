"use server";
// Server actions of the risk screen: train a model (risk.train, which then scores the latest month and checks its
// drift), score a month with a chosen model (risk.score) and check a model's drift again (risk.drift). Windows are checked by the job's own schema before anything is queued.
import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { z } from "zod";
import { requireArea } from "@/lib/auth/guards";
import { requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import { mayRequestAnalysisRuns } from "@/lib/risk/run-access";
import { RiskTrainParams } from "@/lib/risk/train-risk-model";
import { RiskScoreParams } from "@/lib/risk/score-declarations";
import { RiskDriftParams } from "@/lib/risk/risk-drift";
import { monthPeriod } from "@/lib/kernel/calendar";
import type { RiskActionState } from "@/lib/risk/risk-action-state";

async function requireRunner() {
  const user = await requireArea("analysis");
  if (!mayRequestAnalysisRuns(user)) forbidden();
  return user;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export async function trainRiskModelAction(_previous: RiskActionState, form: FormData): Promise<RiskActionState> {
  const user = await requireRunner();
  const [trainFrom, trainTo, testFrom, testTo] = ["trainFrom", "trainTo", "testFrom", "testTo"].map((n) =>
    text(form, n),
  );
  if (Boolean(trainFrom) !== Boolean(trainTo)) return { error: "trainWindow", runId: null };
  if (Boolean(testFrom) !== Boolean(testTo) || (testFrom && !trainFrom)) return { error: "testWindow", runId: null };
  const raw = trainFrom ? { trainFrom, trainTo, testFrom: testFrom || null, testTo: testTo || null } : {};
  const parsed = RiskTrainParams.safeParse(raw);
  if (!parsed.success) return { error: "order", runId: null };
  const { runId } = await requestAnalysisRun("RISK_TRAIN", parsed.data, { requestedById: user.id });
  revalidatePath("/analysis/risk");
  return { error: null, runId };
}

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export async function scoreRiskAction(_previous: RiskActionState, form: FormData): Promise<RiskActionState> {
  const user = await requireRunner();
  const month = text(form, "month");
  if (month && !Month.safeParse(month).success) return { error: "month", runId: null };
  const params = RiskScoreParams.parse({
    modelId: text(form, "modelId") || undefined,
    ...(month ? monthPeriod(month) : {}),
  });
  const { runId } = await requestAnalysisRun("RISK_SCORE", params, { requestedById: user.id });
  revalidatePath("/analysis/risk");
  return { error: null, runId };
}

export async function checkDriftAction(_previous: RiskActionState, form: FormData): Promise<RiskActionState> {
  const user = await requireRunner();
  const parsed = RiskDriftParams.safeParse({ modelId: text(form, "modelId") || undefined });
  if (!parsed.success) return { error: "month", runId: null };
  const { runId } = await requestAnalysisRun("RISK_DRIFT", parsed.data, { requestedById: user.id });
  revalidatePath("/analysis/risk");
  return { error: null, runId };
}
