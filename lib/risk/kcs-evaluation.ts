// The risk model evaluated on the KCS synthetic declarations as the data set's authors split them (README of
// Seondong/Customs-Declaration-Datasets: the first 12 months for training, the next 3 for validation, the last 3 for
// test; this folder holds the first 15): train on df_syn_train_eng.csv (2020-01-01
// to 2020-12-31), score df_syn_valid_eng.csv (2021-01-01 to 2021-03-31), the only later months we have.
// The files are read directly (kcs-dataset.ts, the import's own parsing), not an imported database: the result
// depends on the files, the options and the seeds only (docs/decisions/025-selectivity-and-risk-feedback.md).
import path from "node:path";
import { readKcsDataset } from "@/lib/risk/kcs-dataset";
import { RANDOM_SELECTION_SEED, trainAndEvaluate } from "@/lib/risk/evaluate-risk-model";
import { DEFAULT_RISK_OPTIONS, type RiskModelOptions } from "@/lib/risk/risk-model";
import type { SelectionResult } from "@/lib/risk/selection-metrics";
import { INTERACTIONS } from "@/lib/risk/risk-features";

export const KCS_TRAIN_FILE = "df_syn_train_eng.csv";
export const KCS_TEST_FILE = "df_syn_valid_eng.csv";

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
const percentages = (r: SelectionResult) => ({
  k: r.k,
  illicit: r.illicit,
  precisionPct: pct(r.precision),
  recallPct: pct(r.recall),
  revenuePct: pct(r.revenue),
  revenueWithoutLargestPct: pct(r.revenueWithoutLargest),
});

function dateRange(rows: { regDate: string }[]) {
  const dates = rows.map((r) => r.regDate).sort();
  return { from: dates[0] ?? null, to: dates.at(-1) ?? null };
}

export async function evaluateOnKcs(dir: string, options: RiskModelOptions = DEFAULT_RISK_OPTIONS) {
  const started = performance.now();
  const [train, test] = await Promise.all([
    readKcsDataset(path.join(dir, KCS_TRAIN_FILE)),
    readKcsDataset(path.join(dir, KCS_TEST_FILE)),
  ]);
  const readSeconds = (performance.now() - started) / 1000;
  const { model, selection, evaluation, trainingSeconds } = trainAndEvaluate(train.rows, test.rows, options);
  const t = evaluation!.test;
  const chosen = selection.candidates.find(
    (c) =>
      c.m === selection.chosen?.m && c.l2 === selection.chosen?.l2 && c.interactions === selection.chosen?.interactions,
  );
  return {
    dataset: "Korea Customs Service synthetic import declarations (Jeong et al., arXiv:2208.02484)",
    split: {
      protocol: "train on the earlier months, score the later months (the authors' time split)",
      train: {
        file: KCS_TRAIN_FILE,
        ...dateRange(train.rows),
        rows: train.rows.length,
        rejected: train.rejected,
        fraud: model.positives,
      },
      test: {
        file: KCS_TEST_FILE,
        ...dateRange(test.rows),
        rows: test.rows.length,
        rejected: test.rejected,
        fraud: t.illicit,
      },
    },
    label: "Fraud = 1 (the imported inspection's result offence; Critical Fraud only sets its offence code)",
    revenue:
      "taxes of a fraudulent row (Item Price × Tax Rate / 100), 0 otherwise: the duty at stake, as KCS has no surtax column",
    selection:
      "top round(N · n / 100) test rows by score (ties by declaration id); random = a seeded shuffle's first rows",
    intervals: "95 % Wilson score interval of precision@n (binomial: k inspected, illicit found)",
    revenueWithoutLargest: `revenue@n with the ${t.largest.rows} test rows of largest revenue (the top 1 % by revenue) left out of the top and of the total`,
    baseRatePct: pct(t.baseRate),
    auc: t.auc,
    largestRows: { rows: t.largest.rows, revenueSharePct: pct(t.largest.revenueShare) },
    randomSeed: RANDOM_SELECTION_SEED,
    options: model.options,
    optionSelection: {
      criterion: selection.criterion,
      folds: selection.folds,
      chosen: selection.chosen,
      chosenPrecisionAt5Pct: chosen?.precisionAt5.map(pct) ?? null,
      chosenAuc: chosen?.auc ?? null,
      candidates: selection.candidates.length,
      // The best setting of each kind of interaction: what the product interactions bring, on the folds alone.
      bestByInteractions: INTERACTIONS.map((interactions) => {
        const best = selection.candidates
          .filter((c) => c.interactions === interactions)
          .reduce((b, c) => (c.meanPrecisionAt5 > b.meanPrecisionAt5 ? c : b));
        return {
          interactions,
          m: best.m,
          l2: best.l2,
          precisionAt5Pct: best.precisionAt5.map(pct),
          meanPrecisionAt5Pct: pct(best.meanPrecisionAt5),
        };
      }),
    },
    model: {
      intercept: model.intercept,
      coefficients: Object.fromEntries(model.features.map((f) => [f.factor, f.coefficient])),
      iterations: model.iterations,
      converged: model.converged,
    },
    perN: t.perN.map((r) => ({
      n: r.n,
      k: r.k,
      model: {
        ...percentages(r.model),
        precisionInterval95Pct: r.precisionInterval ? r.precisionInterval.map((v) => pct(v)) : null,
      },
      random: percentages(r.random),
      expectedRandom: {
        precisionPct: pct(r.expectedRandom.precision),
        recallPct: pct(r.expectedRandom.recall),
        revenuePct: pct(r.expectedRandom.revenue),
      },
      liftOverBaseRate: r.model.precision === null ? null : Math.round((r.model.precision / t.baseRate) * 100) / 100,
    })),
    seconds: { read: readSeconds, training: trainingSeconds },
  };
}

export type KcsEvaluationResult = Awaited<ReturnType<typeof evaluateOnKcs>>;
