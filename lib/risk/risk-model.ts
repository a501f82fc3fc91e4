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

export type ModelFeature = { factor: RiskFactor; mean: number; sd: number; coefficient: number };

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

// Mean and standard deviation over the values present; a missing value is later read as the mean (it then
// contributes nothing). A constant feature is kept with sd 1 and contributes nothing either.
export function meanSd(values: readonly (number | null)[]): { mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (v === null) continue;
    n++;
    sum += v;
  }
  const mean = n ? sum / n : 0;
  let ss = 0;
  for (const v of values) if (v !== null) ss += (v - mean) ** 2;
  const variance = n ? ss / n : 0;
  return { mean, sd: variance > 1e-12 ? Math.sqrt(variance) : 1 };
}

export const standardize = (v: number | null, mean: number, sd: number) => (v === null ? 0 : (v - mean) / sd);

export type FittedColumns = {
  features: ModelFeature[];
  intercept: number;
  iterations: number;
  converged: boolean;
  // Each row's log-odds on the columns it was fitted on (out of fold for the encodings).
  logits: number[];
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
  const logits = x.map((row) => row.reduce((z, v, j) => z + v * fit.coefficients[j]!, fit.intercept));
  return {
    features: factors.map((factor, j) => ({ factor, ...stats[j]!, coefficient: fit.coefficients[j]! })),
    intercept: fit.intercept,
    iterations: fit.iterations,
    converged: fit.converged,
    logits,
  };
}

export type TrainedRiskModel = { model: RiskModelParameters; trainingLogits: number[]; trainingColumns: Columns };
type Columns = Record<RiskFactor, (number | null)[]>;

export function trainRiskModel(
  rows: readonly LabelledInput[],
  options: RiskModelOptions = DEFAULT_RISK_OPTIONS,
): TrainedRiskModel {
  if (!rows.length) throw new Error("no labelled declarations to train on");
  const labels = rows.map((r) => (r.illicit ? 1 : 0));
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  const { columns, state } = trainingFeatures(rows, labels, options);
  const fit = fitColumns(columns, labels, factorsFor(options.interactions), options.l2);
  return {
    model: {
      options,
      rows: rows.length,
      positives,
      prior: state.prior,
      state,
      features: fit.features,
      intercept: fit.intercept,
      iterations: fit.iterations,
      converged: fit.converged,
    },
    trainingLogits: fit.logits,
    trainingColumns: columns,
  };
}

// Scoring encodes with every training row (no folds): the model's encodings as stored.
export type RiskScorer = (input: RiskInput) => RiskScore;

export function riskScorer(model: Pick<RiskModelParameters, "state" | "features" | "intercept">): RiskScorer {
  const describe = featureScorer(model.state);
  return (input) => {
    const described = describe(input);
    const contributions = model.features.map(({ factor, mean, sd, coefficient }) => {
      const d = described[factor];
      const feature = standardize(d.raw, mean, sd);
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

export function mainFactorOfColumns(
  features: readonly ModelFeature[],
  columns: Columns,
  row: number,
): RiskFactor | null {
  return mainFactor(
    features.map((f) => ({
      factor: f.factor,
      contribution: f.coefficient * standardize(columns[f.factor][row]!, f.mean, f.sd),
    })),
  );
}
