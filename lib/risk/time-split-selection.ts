// Options chosen by time, inside the training window only: the smoothing m, the L2 penalty and which interactions
// enter the model are those that would have ranked best in the past months, each month scored by a model trained on
// the months before it (rolling-origin validation, as the model is used). The months after the training window are
// never looked at, so an evaluation on them stays honest.
//
// Folds: the window's months with labels, cut into validation blocks of `block` months at its end, block = a quarter
// of the months, at least one and at most three (a calendar quarter, the size of the evaluation the literature
// reports); up to three folds, each trained on every month before its block. A fold needs labelled rows of both
// kinds on each side, or it is skipped; with no fold left the defaults are kept.
// Criterion: mean precision at 5 % inspected over the folds (the figure the unit works with), then mean ROC AUC, then
// the grid's order (simpler first), so the same rows always choose the same options.
import { factorsFor, INTERACTIONS, trainingFeatures, featureScorer, type Interactions } from "@/lib/risk/risk-features";
import { featureValue, fitColumns, type LabelledInput, type RiskModelOptions } from "@/lib/risk/risk-model";
import { rankingPrecision, rocAuc } from "@/lib/risk/selection-metrics";

export const OPTION_GRID = {
  m: [0.5, 1, 2, 5, 10],
  l2: [1, 30],
  interactions: INTERACTIONS,
} as const;

export const SELECTION_SHARE = 5;
const MAX_FOLDS = 3;

type Month = string;
export type ValidationFold = {
  train: { from: Month; to: Month; rows: number };
  valid: { from: Month; to: Month; rows: number; positives: number };
};
export type CandidateResult = {
  m: number;
  l2: number;
  interactions: Interactions;
  precisionAt5: number[];
  auc: (number | null)[];
  meanPrecisionAt5: number;
  meanAuc: number | null;
};
export type OptionSelection = {
  criterion: string;
  folds: ValidationFold[];
  candidates: CandidateResult[];
  chosen: { m: number; l2: number; interactions: Interactions } | null;
};

const monthOf = (r: { regDate: string }) => r.regDate.slice(0, 7);

export function rollingFolds(months: readonly Month[]): { trainMonths: Month[]; validMonths: Month[] }[] {
  const block = Math.max(1, Math.min(3, Math.floor(months.length / 4)));
  const folds: { trainMonths: Month[]; validMonths: Month[] }[] = [];
  for (let f = MAX_FOLDS; f >= 1; f--) {
    const start = months.length - f * block;
    if (start < 1) continue;
    folds.push({ trainMonths: months.slice(0, start), validMonths: months.slice(start, start + block) });
  }
  return folds;
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

export function selectOptions(rows: readonly LabelledInput[], base: RiskModelOptions): OptionSelection {
  const criterion = `mean precision@${SELECTION_SHARE} % over rolling time folds, then mean ROC AUC`;
  const months = [...new Set(rows.map(monthOf))].sort();
  const folds = rollingFolds(months)
    .map(({ trainMonths, validMonths }) => {
      const first = new Set(trainMonths);
      const later = new Set(validMonths);
      return { train: rows.filter((r) => first.has(monthOf(r))), valid: rows.filter((r) => later.has(monthOf(r))) };
    })
    .filter(({ train, valid }) => [train, valid].every((s) => s.some((r) => r.illicit) && s.some((r) => !r.illicit)));

  const candidates: CandidateResult[] = [];
  for (const m of OPTION_GRID.m)
    for (const interactions of OPTION_GRID.interactions)
      for (const l2 of OPTION_GRID.l2)
        candidates.push({ m, l2, interactions, precisionAt5: [], auc: [], meanPrecisionAt5: 0, meanAuc: null });

  for (const { train, valid } of folds) {
    const labels = train.map((r) => (r.illicit ? 1 : 0));
    const validLabels = valid.map((r) => (r.illicit ? 1 : 0));
    for (const m of OPTION_GRID.m) {
      // The features depend on m only: built once, then every interaction set and penalty is fitted on them.
      const { columns, state } = trainingFeatures(train, labels, { ...base, m });
      const describe = featureScorer(state);
      const validRaw = valid.map((r) => describe(r));
      for (const candidate of candidates.filter((c) => c.m === m)) {
        const fit = fitColumns(columns, labels, factorsFor(candidate.interactions), candidate.l2);
        const scores = validRaw.map((d) =>
          fit.features.reduce((z, f) => z + f.coefficient * featureValue(f, d[f.factor].raw), fit.intercept),
        );
        candidate.precisionAt5.push(rankingPrecision(valid, validLabels, scores, SELECTION_SHARE));
        candidate.auc.push(rocAuc(validLabels, scores));
      }
    }
  }
  for (const c of candidates) {
    c.meanPrecisionAt5 = c.precisionAt5.length ? mean(c.precisionAt5) : 0;
    const aucs = c.auc.filter((a): a is number => a !== null);
    c.meanAuc = aucs.length ? mean(aucs) : null;
  }
  const foldSummaries: ValidationFold[] = folds.map(({ train, valid }) => ({
    train: { from: minMonth(train), to: maxMonth(train), rows: train.length },
    valid: {
      from: minMonth(valid),
      to: maxMonth(valid),
      rows: valid.length,
      positives: valid.filter((r) => r.illicit).length,
    },
  }));
  if (!folds.length) return { criterion, folds: [], candidates: [], chosen: null };
  let best = candidates[0]!;
  for (const c of candidates)
    if (
      c.meanPrecisionAt5 > best.meanPrecisionAt5 ||
      (c.meanPrecisionAt5 === best.meanPrecisionAt5 && (c.meanAuc ?? 0) > (best.meanAuc ?? 0))
    )
      best = c;
  return {
    criterion,
    folds: foldSummaries,
    candidates,
    chosen: { m: best.m, l2: best.l2, interactions: best.interactions },
  };
}

function minMonth(rows: readonly { regDate: string }[]): Month {
  return rows.reduce((lo, r) => (monthOf(r) < lo ? monthOf(r) : lo), monthOf(rows[0]!));
}
function maxMonth(rows: readonly { regDate: string }[]): Month {
  return rows.reduce((hi, r) => (monthOf(r) > hi ? monthOf(r) : hi), monthOf(rows[0]!));
}
