// Train on the earlier months, score the later ones, and measure the ranking as a selection (selection-metrics.ts):
// the evaluation protocol of the customs fraud-detection literature (DATE, KDD 2020; the KCS data set's authors
// split it by time: 12 months of training, then 3 of validation and 3 of test). Pure: the KCS benchmark
// (bench/risk.ts), its integration test and the risk.train job all call this one function.
import { createHash } from "node:crypto";
import {
  riskScorer,
  trainRiskModel,
  type LabelledInput,
  type RiskModelOptions,
  type RiskModelParameters,
} from "@/lib/risk/risk-model";
import { evaluateRanking, type RankingEvaluation } from "@/lib/risk/selection-metrics";

export const RANDOM_SELECTION_SEED = 7;

export type RiskEvaluation = { train: { rows: number; positives: number }; test: RankingEvaluation };

export type TrainedAndEvaluated = {
  model: RiskModelParameters;
  evaluation: RiskEvaluation | null;
  trainingSeconds: number;
};

export function trainAndEvaluate(
  train: readonly LabelledInput[],
  test: readonly LabelledInput[],
  options: RiskModelOptions,
  randomSeed = RANDOM_SELECTION_SEED,
): TrainedAndEvaluated {
  // Declaration order, whatever order the rows came in (a file's, a query's): the folds are dealt by position, so
  // the same rows always make the same folds and the same model.
  const byId = (a: LabelledInput, b: LabelledInput) => (a.declId < b.declId ? -1 : a.declId > b.declId ? 1 : 0);
  const started = performance.now();
  const model = trainRiskModel([...train].sort(byId), options);
  const trainingSeconds = (performance.now() - started) / 1000;
  if (!test.length) return { model, evaluation: null, trainingSeconds };
  const score = riskScorer(model);
  const ordered = [...test].sort(byId);
  const scores = ordered.map((row) => score(row).score);
  return {
    model,
    evaluation: {
      train: { rows: model.rows, positives: model.positives },
      test: evaluateRanking(ordered, scores, randomSeed),
    },
    trainingSeconds,
  };
}

// The hash of everything a model is made from (rows in declaration order with their labels, the test rows, the
// options): the same data and options give the same model id, so training twice stores one model.
export function trainingDataHash(
  train: readonly LabelledInput[],
  test: readonly LabelledInput[],
  options: RiskModelOptions,
  window: object,
): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ options, window }));
  for (const [name, rows] of [
    ["train", train],
    ["test", test],
  ] as const) {
    hash.update(`\n${name}\n`);
    const sorted = [...rows].sort((a, b) => (a.declId < b.declId ? -1 : a.declId > b.declId ? 1 : 0));
    for (const r of sorted) {
      hash.update(
        JSON.stringify([
          r.declId,
          r.declarant,
          r.importer,
          r.hs6,
          r.origin,
          r.office,
          r.cifValue,
          r.netKg,
          r.illicit,
          r.revenue,
        ]),
      );
      hash.update("\n");
    }
  }
  return hash.digest("hex");
}

export function modelIdFromHash(dataHash: string): string {
  return `rm-${dataHash.slice(0, 16)}`;
}
