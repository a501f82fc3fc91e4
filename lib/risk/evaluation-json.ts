// The output of `pmc risk evaluate` (docs/cli.md): the windows with their row counts, the ROC AUC and, for each n,
// k = round(test rows × n / 100), the precision and the recall of the top k by score (ties by declaration id).
// Values unrounded; precision is null when k = 0, recall when the test window has no positive.
import type { RiskEvaluation } from "@/lib/risk/evaluate-risk-model";
import type { Split } from "@/lib/risk/training-split";

export type EvaluationJson = {
  train: { from: string; to: string; rows: number };
  test: { from: string; to: string; rows: number; positives: number };
  auc: number | null;
  perN: { pct: number; k: number; precision: number | null; recall: number | null }[];
};

export function evaluationJson(metrics: RiskEvaluation & { split: Split }): EvaluationJson {
  const test = metrics.split.test;
  if (!test) throw new Error("the model has no evaluation window");
  return {
    train: { from: metrics.split.train.from, to: metrics.split.train.to, rows: metrics.train.rows },
    test: { from: test.from, to: test.to, rows: metrics.test.rows, positives: metrics.test.illicit },
    auc: metrics.test.auc,
    perN: metrics.test.perN.map((r) => ({
      pct: r.n,
      k: r.k,
      precision: r.model.precision,
      recall: r.model.recall,
    })),
  };
}
