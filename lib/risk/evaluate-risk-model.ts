// Train on the earlier months, score the later ones, and measure the ranking as a selection (selection-metrics.ts):
// the evaluation protocol of the customs fraud-detection literature (DATE, KDD 2020; the KCS data set's authors
// split it by time: 12 months of training, then 3 of validation and 3 of test). The model's options are chosen by
// time inside the training rows only (time-split-selection.ts), so the later months are never used to tune it.
// Pure: the KCS benchmark (bench/risk.ts), `pmc risk evaluate` and the risk.train job all call this one function.
import { createHash } from "node:crypto";
import {
  DEFAULT_RISK_OPTIONS,
  mainFactor,
  riskScorer,
  trainRiskModel,
  type LabelledInput,
  type RiskModelOptions,
  type RiskModelParameters,
} from "@/lib/risk/risk-model";
import { evaluateRanking, type RankingEvaluation } from "@/lib/risk/selection-metrics";
import { selectOptions, type OptionSelection } from "@/lib/risk/time-split-selection";
import { driftReference, type DriftReference } from "@/lib/risk/population-stability";

export const RANDOM_SELECTION_SEED = 7;

export type RiskEvaluation = { train: { rows: number; positives: number }; test: RankingEvaluation };

export type TrainedAndEvaluated = {
  model: RiskModelParameters;
  selection: OptionSelection;
  evaluation: RiskEvaluation | null;
  driftReference: DriftReference;
  trainingSeconds: number;
};

const byId = (a: { declId: string }, b: { declId: string }) => (a.declId < b.declId ? -1 : a.declId > b.declId ? 1 : 0);

export function trainAndEvaluate(
  train: readonly LabelledInput[],
  test: readonly LabelledInput[],
  base: RiskModelOptions = DEFAULT_RISK_OPTIONS,
  randomSeed = RANDOM_SELECTION_SEED,
): TrainedAndEvaluated {
  // Declaration order, whatever order the rows came in (a file's, a query's): the folds are dealt by position, so
  // the same rows always make the same folds and the same model.
  const rows = [...train].sort(byId);
  const started = performance.now();
  const selection = selectOptions(rows, base);
  const options = selection.chosen ? { ...base, ...selection.chosen } : base;
  const model = trainRiskModel(rows, options);
  const trainingSeconds = (performance.now() - started) / 1000;
  const score = riskScorer(model);
  // The drift reference: the training rows scored as a later month is, each without its own declaration in the
  // counts and with the histories of the window's last day, so that a month like the training ones reads as stable.
  const lastDay = rows.reduce((last, r) => (r.regDate > last ? r.regDate : last), rows[0]!.regDate);
  const asNew = rows.map((r) => score({ ...r, regDate: lastDay }, { own: { label: r.illicit } }));
  const reference = driftReference(
    rows,
    asNew.map((s) => s.logit),
    asNew.map((s) => mainFactor(s.contributions)),
  );
  if (!test.length) return { model, selection, evaluation: null, driftReference: reference, trainingSeconds };
  const ordered = [...test].sort(byId);
  const scored = ordered.map((row) => score(row));
  return {
    model,
    selection,
    driftReference: reference,
    evaluation: {
      train: { rows: model.rows, positives: model.positives },
      // Ranked by log-odds: the same order as the score, without the ties of probabilities rounded to 1.
      test: evaluateRanking(
        ordered,
        scored.map((s) => s.logit),
        randomSeed,
        { offices: ordered.map((r) => r.office), mainFactors: scored.map((s) => mainFactor(s.contributions)) },
      ),
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
  hash.update(JSON.stringify({ version: 2, options, window }));
  for (const [name, rows] of [
    ["train", train],
    ["test", test],
  ] as const) {
    hash.update(`\n${name}\n`);
    for (const r of [...rows].sort(byId)) {
      hash.update(
        JSON.stringify([
          r.declId,
          r.regDate,
          r.declarant,
          r.importer,
          r.hs6,
          r.origin,
          r.departure,
          r.office,
          r.cifValue,
          r.netKg,
          r.taxes,
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
