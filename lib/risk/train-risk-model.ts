// risk.train's work, and `pmc risk evaluate`'s: read the labelled outcomes of the training window and of the
// evaluation window after it, choose the options by time inside the training window, train, evaluate on the later
// window (evaluate-risk-model.ts, the literature's time split), store the model. The model id comes from the hash
// of the training data, options and windows: training again on the same data finds the model already stored and
// stores nothing new.
// Default windows: training-split.ts.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import {
  modelIdFromHash,
  trainAndEvaluate,
  trainingDataHash,
  type RiskEvaluation,
} from "@/lib/risk/evaluate-risk-model";
import { labelledMonths, loadLabelledOutcomes, type LabelSources } from "@/lib/risk/labelled-outcomes";
import { DEFAULT_RISK_OPTIONS } from "@/lib/risk/risk-model";
import { storedModelColumns } from "@/lib/risk/stored-model";
import { defaultSplit, type Split } from "@/lib/risk/training-split";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "not a date");

export const RiskTrainParams = z
  .object({
    trainFrom: Day,
    trainTo: Day,
    testFrom: Day.nullable(),
    testTo: Day.nullable(),
    // Which labels count (labelled-outcomes.ts): the portal learns from inspections and closed cases' findings;
    // `pmc risk evaluate` from inspections only, as its definition of a positive says.
    labels: z.enum(["inspections", "inspections+cases"]),
  })
  .partial()
  .refine((p) => !p.trainFrom || !p.trainTo || p.trainFrom <= p.trainTo, { message: "trainFrom after trainTo" })
  .refine((p) => !p.testFrom || !p.testTo || p.testFrom <= p.testTo, { message: "testFrom after testTo" })
  .refine((p) => !p.testFrom || !p.trainTo || p.testFrom > p.trainTo, {
    message: "the evaluation must come after the training window",
  });
export type RiskTrainParams = z.infer<typeof RiskTrainParams>;

export async function resolveSplit(params: RiskTrainParams): Promise<Split | null> {
  if (params.trainFrom && params.trainTo) {
    const test = params.testFrom && params.testTo ? { from: params.testFrom, to: params.testTo } : null;
    return { train: { from: params.trainFrom, to: params.trainTo }, test };
  }
  return defaultSplit(await labelledMonths());
}

export type TrainOutcome = {
  modelId: string;
  created: boolean;
  split: Split;
  rows: number;
  testRows: number;
};

export type StoredMetrics = RiskEvaluation & { split: Split };

export async function trainAndStoreRiskModel(
  raw: unknown,
  progress: ProgressReporter,
): Promise<TrainOutcome & { metrics: StoredMetrics | null }> {
  const params = RiskTrainParams.parse(raw);
  const split = await resolveSplit(params);
  if (!split) throw new Error("no labelled declarations (inspections or confirmed case findings) to train on");
  await progress(5);
  const sources: LabelSources = params.labels ?? "inspections+cases";
  const train = await loadLabelledOutcomes(split.train, { sources });
  if (!train.length)
    throw new Error(`no labelled declarations registered between ${split.train.from} and ${split.train.to}`);
  const test = split.test ? await loadLabelledOutcomes(split.test, { sources }) : [];
  await progress(20);
  const base = DEFAULT_RISK_OPTIONS;
  const dataHash = trainingDataHash(train, test, base, { ...split, sources });
  const modelId = modelIdFromHash(dataHash);
  const outcome = { modelId, split, rows: train.length, testRows: test.length };
  const existing = await db.riskModel.findUnique({ where: { id: modelId }, select: { metrics: true } });
  if (existing) return { ...outcome, created: false, metrics: existing.metrics as StoredMetrics | null };

  const trained = trainAndEvaluate(train, test, base);
  await progress(90);
  const metrics = trained.evaluation ? { split, ...trained.evaluation } : null;
  const json = (v: unknown) => v as Prisma.InputJsonValue;
  const { count } = await db.riskModel.createMany({
    data: [
      {
        id: modelId,
        dataHash,
        trainFrom: new Date(`${split.train.from}T00:00:00Z`),
        trainTo: new Date(`${split.train.to}T00:00:00Z`),
        ...storedModelColumns(trained.model),
        metrics: metrics ? json(metrics) : undefined,
        sources: json({
          labels: sources,
          inspections: train.filter((r) => r.fromInspection).length,
          caseFindings: train.filter((r) => r.fromCase).length,
        }),
        selection: json(trained.selection),
        driftReference: json(trained.driftReference),
        trainingSeconds: trained.trainingSeconds,
      },
    ],
    skipDuplicates: true,
  });
  return { ...outcome, created: count === 1, metrics };
}
