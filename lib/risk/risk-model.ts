// The explainable risk score ("Risk feedback"): each labelled declaration is described by factors an analyst can read
// (risk-features.ts: the declarant's and the importer's offence rate and history, the product and its origin and
// route, the office, the unit value, the taxes and the weight against the value), standardized and combined by
// L2-regularised logistic regression (logistic-regression.ts).
// A score is explained by the contribution of each factor, coefficient × standardized feature: the log-odds it adds
// to (or takes from) an average declaration of the training set; intercept + Σ contributions = logit(score), exactly.
// Pure and deterministic: the same rows and options give the same model, bit for bit.
import { fitLogistic, sigmoid } from "@/lib/risk/logistic-regression";
import {
  RISK_FACTORS,
  factorsFor,
  featureScorer,
  trainingFeatures,
  type FeatureState,
  type Interactions,
  type OwnRow,
  type RiskFactor,
  type RiskInput,
} from "@/lib/risk/risk-features";

export { RISK_FACTORS, type RiskFactor, type RiskInput, type Interactions };

export type LabelledInput = RiskInput & { illicit: number; revenue: number };

export type RiskModelOptions = {
  // m of the m-estimate: a level needs about m declarations before its own rate outweighs its parent's.
  m: number;
  // λ of the L2 penalty on the standardized coefficients.
  l2: number;
  // Which product interactions enter the model (risk-features.ts).
  interactions: Interactions;
  folds: number;
  seed: number;
  minUnitValueGroup: number;
};

// The values used when the training window is too short to choose by time (time-split-selection.ts chooses m, l2
// and interactions otherwise; folds, seed and the unit-value group size are fixed).
export const DEFAULT_RISK_OPTIONS: RiskModelOptions = {
  m: 1,
  l2: 1,
  interactions: "hs6Route",
  folds: 5,
  seed: 20200101,
  minUnitValueGroup: 5,
};

// min and max: the range of the training values; a later value beyond it is read as the nearest end, so that a
// history longer than any the model saw (months since first seen keep growing) does not extrapolate the line.
export type ModelFeature = {
  factor: RiskFactor;
  mean: number;
  sd: number;
  min?: number;
  max?: number;
  coefficient: number;
};

export type RiskModelParameters = {
  options: RiskModelOptions;
  rows: number;
  positives: number;
  prior: number;
  state: FeatureState;
  features: ModelFeature[];
  intercept: number;
  iterations: number;
  converged: boolean;
};

export type FactorContribution = {
  factor: RiskFactor;
  // What the analyst reads (risk-features.ts): a code, a count, a ratio…
  value: string | number | null;
  // For a category: its offence rate, shrunk towards the level above.
  rate: number | null;
  feature: number;
  contribution: number;
};

export type RiskScore = { score: number; logit: number; contributions: FactorContribution[] };

// Mean, standard deviation and range over the values present; a missing value is later read as the mean (it then
// contributes nothing). A constant feature is kept with sd 1 and contributes nothing either.
export function meanSd(values: readonly (number | null)[]): { mean: number; sd: number; min: number; max: number } {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = n ? sum / n : 0;
  let ss = 0;
  for (const v of values) if (v !== null) ss += (v - mean) ** 2;
  const variance = n ? ss / n : 0;
  return { mean, sd: variance > 1e-12 ? Math.sqrt(variance) : 1, min: n ? min : 0, max: n ? max : 0 };
}

export const standardize = (v: number | null, mean: number, sd: number) => (v === null ? 0 : (v - mean) / sd);

// A later declaration's standardized value of one factor, within the training range.
export function featureValue(f: Pick<ModelFeature, "mean" | "sd" | "min" | "max">, raw: number | null): number {
  if (raw === null) return 0;
  const clamped = Math.min(f.max ?? Infinity, Math.max(f.min ?? -Infinity, raw));
  return (clamped - f.mean) / f.sd;
}

export type FittedColumns = {
  features: ModelFeature[];
  intercept: number;
  iterations: number;
  converged: boolean;
};

// Standardizes the chosen columns and fits the regression.
export function fitColumns(
  columns: Record<RiskFactor, (number | null)[]>,
  labels: readonly number[],
  factors: readonly RiskFactor[],
  l2: number,
): FittedColumns {
  const stats = factors.map((f) => meanSd(columns[f]));
  const x = labels.map((_, i) => factors.map((f, j) => standardize(columns[f][i]!, stats[j]!.mean, stats[j]!.sd)));
  const fit = fitLogistic(x, labels, { l2 });
  return {
    features: factors.map((factor, j) => ({ factor, ...stats[j]!, coefficient: fit.coefficients[j]! })),
    intercept: fit.intercept,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

export function trainRiskModel(
  rows: readonly LabelledInput[],
  options: RiskModelOptions = DEFAULT_RISK_OPTIONS,
): RiskModelParameters {
  if (!rows.length) throw new Error("no labelled declarations to train on");
  const labels = rows.map((r) => (r.illicit ? 1 : 0));
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  const { columns, state } = trainingFeatures(rows, labels, options);
  const fit = fitColumns(columns, labels, factorsFor(options.interactions), options.l2);
  return {
    options,
    rows: rows.length,
    positives,
    prior: state.prior,
    state,
    features: fit.features,
    intercept: fit.intercept,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

// Scoring encodes with every training row (no folds): the model's encodings as stored. `own` scores a training row
// as if it were new (its own declaration left out of the counts).
export type RiskScorer = (input: RiskInput, options?: OwnRow) => RiskScore;

export function riskScorer(model: Pick<RiskModelParameters, "state" | "features" | "intercept">): RiskScorer {
  const describe = featureScorer(model.state);
  return (input, options) => {
    const described = describe(input, options);
    const contributions = model.features.map((f) => {
      const { factor, coefficient } = f;
      const d = described[factor];
      const feature = featureValue(f, d.raw);
      return { factor, value: d.value, rate: d.rate, feature, contribution: coefficient * feature };
    });
    const z = model.intercept + contributions.reduce((s, c) => s + c.contribution, 0);
    return { score: sigmoid(z), logit: z, contributions };
  };
}

// The factors that raised a score, largest first ("raised by: declarant (+1.2), HS6 (+0.8)").
export function raisingFactors(contributions: readonly FactorContribution[], min = 0.05): FactorContribution[] {
  return contributions.filter((c) => c.contribution >= min).sort((a, b) => b.contribution - a.contribution);
}

// The factor that raised a score most (null when none raised it): what "the main factor" of a declaration means on
// the drift panel and in the office warning.
export function mainFactor(contributions: readonly { factor: RiskFactor; contribution: number }[]): RiskFactor | null {
  let best: { factor: RiskFactor; contribution: number } | null = null;
  for (const c of contributions) if (c.contribution > 0 && (!best || c.contribution > best.contribution)) best = c;
  return best?.factor ?? null;
}
