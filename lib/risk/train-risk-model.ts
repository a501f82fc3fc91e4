// risk.train's work: read the labelled outcomes of the training window and of the evaluation window after it,
// train on the first and evaluate on the second (evaluate-risk-model.ts, the literature's time split), store the
// model. The model id comes from the hash of the training data, options and windows: training again on the same
// data finds the model already stored and stores nothing new.
// Default windows: training-split.ts.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { modelIdFromHash, trainAndEvaluate, trainingDataHash } from "@/lib/risk/evaluate-risk-model";
import { labelledMonths, loadLabelledOutcomes } from "@/lib/risk/labelled-outcomes";
import { DEFAULT_RISK_OPTIONS } from "@/lib/risk/risk-model";
import { defaultSplit, type Split } from "@/lib/risk/training-split";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RiskTrainParams = z
  .object({ trainFrom: Day, trainTo: Day, testFrom: Day.nullable(), testTo: Day.nullable() })
  .partial()
  .refine((p) => !p.trainFrom || !p.trainTo || p.trainFrom <= p.trainTo, { message: "trainFrom after trainTo" })
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

export type TrainOutcome = { modelId: string; created: boolean; split: Split; rows: number; testRows: number };

export async function trainAndStoreRiskModel(raw: unknown, progress: ProgressReporter): Promise<TrainOutcome> {
  const params = RiskTrainParams.parse(raw);
  const split = await resolveSplit(params);
  if (!split) throw new Error("no labelled declarations (inspections or confirmed case findings) to train on");
  await progress(5);
  const train = await loadLabelledOutcomes(split.train);
  if (!train.length)
    throw new Error(`no labelled declarations registered between ${split.train.from} and ${split.train.to}`);
  const test = split.test ? await loadLabelledOutcomes(split.test) : [];
  await progress(30);
  const options = DEFAULT_RISK_OPTIONS;
  const dataHash = trainingDataHash(train, test, options, split);
  const modelId = modelIdFromHash(dataHash);
  const outcome = { modelId, split, rows: train.length, testRows: test.length };
  if (await db.riskModel.findUnique({ where: { id: modelId }, select: { id: true } }))
    return { ...outcome, created: false };

  const { model, evaluation, trainingSeconds } = trainAndEvaluate(train, test, options);
  await progress(90);
  const json = (v: unknown) => v as Prisma.InputJsonValue;
  const { count } = await db.riskModel.createMany({
    data: [
      {
        id: modelId,
        dataHash,
        trainFrom: new Date(`${split.train.from}T00:00:00Z`),
        trainTo: new Date(`${split.train.to}T00:00:00Z`),
        rows: model.rows,
        positives: model.positives,
        intercept: model.intercept,
        features: json(model.features),
        encodings: json(model.encodings),
        unitValueReference: json(model.unitValueReference),
        options: json({ ...options, iterations: model.iterations, converged: model.converged }),
        metrics: evaluation ? json({ split, ...evaluation }) : undefined,
        sources: json({
          inspections: train.filter((r) => r.fromInspection).length,
          caseFindings: train.filter((r) => r.fromCase).length,
        }),
        trainingSeconds,
      },
    ],
    skipDuplicates: true,
  });
  return { ...outcome, created: count === 1 };
}
