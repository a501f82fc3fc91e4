// The explainable risk score ("Risk feedback"): for each labelled declaration, smoothed target encodings
// (target-encoding.ts) of its declarant, importer, HS6, origin and office, and the deviation of its unit value from
// the HS6 × origin median (unit-value.ts), standardized and combined by L2-regularised logistic regression
// (logistic-regression.ts). Categorical encodings enter as log-odds, logit((k + m·prior)/(n + m)), so a factor's
// coefficient reads like a weight of evidence.
// A score is explained by the contribution of each factor, coefficient × standardized feature: the log-odds it adds
// to (or takes from) an average declaration of the training set; intercept + Σ contributions = logit(score).
// Pure and deterministic: the same rows and options give the same model, bit for bit.
import { assignFolds, countLevels, encodeValue, outOfFoldEncoding, type LevelCounts } from "@/lib/risk/target-encoding";
import { fitLogistic, sigmoid } from "@/lib/risk/logistic-regression";
import {
  buildUnitValueReference,
  logUnitValue,
  unitValueDeviation,
  type UnitValueReference,
} from "@/lib/risk/unit-value";

export const CATEGORICAL_FACTORS = ["declarant", "importer", "hs6", "origin", "office"] as const;
export type CategoricalFactor = (typeof CATEGORICAL_FACTORS)[number];
export const RISK_FACTORS = [...CATEGORICAL_FACTORS, "unitValue"] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

// The fields of one declaration the model reads (its main item: the one of highest customs value).
export type RiskInput = {
  declId: string;
  declarant: string | null;
  importer: string | null;
  hs6: string | null;
  origin: string | null;
  office: string | null;
  cifValue: number | null;
  netKg: number | null;
};

export type LabelledInput = RiskInput & { illicit: number; revenue: number };

export type RiskModelOptions = {
  // m of the m-estimate: a level needs about m declarations before its own rate outweighs the prior.
  m: number;
  folds: number;
  l2: number;
  seed: number;
  minUnitValueGroup: number;
};

// m = 2 was chosen on the KCS training year alone (train January–September 2020, validate October–December: m = 2,
// 5, 10, 20, 50 gave precision@5 of 60.6, 56.3, 53.7, 50.9, 47.7 %), never on the months the evaluation reports.
export const DEFAULT_RISK_OPTIONS: RiskModelOptions = { m: 2, folds: 5, l2: 1, seed: 20200101, minUnitValueGroup: 5 };

export type FactorEncoding = { m: number; prior: number; levels: Record<string, [n: number, positives: number]> };

export type ModelFeature = { factor: RiskFactor; mean: number; sd: number; coefficient: number };

export type RiskModelParameters = {
  options: RiskModelOptions;
  rows: number;
  positives: number;
  prior: number;
  encodings: Record<CategoricalFactor, FactorEncoding>;
  unitValueReference: UnitValueReference;
  features: ModelFeature[];
  intercept: number;
  iterations: number;
  converged: boolean;
};

export type FactorContribution = {
  factor: RiskFactor;
  value: string | number | null;
  feature: number;
  contribution: number;
};

export type RiskScore = { score: number; logit: number; contributions: FactorContribution[] };

const EPSILON = 1e-6;
const logit = (p: number) => {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
};

function toRecord(counts: LevelCounts): Record<string, [number, number]> {
  return Object.fromEntries(
    [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([v, c]) => [v, [c.n, c.positives]]),
  );
}

function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  // A constant feature (one office only) is kept with sd 1: it then contributes nothing.
  return { mean, sd: variance > 1e-12 ? Math.sqrt(variance) : 1 };
}

export function trainRiskModel(
  rows: readonly LabelledInput[],
  options: RiskModelOptions = DEFAULT_RISK_OPTIONS,
): RiskModelParameters {
  if (!rows.length) throw new Error("no labelled declarations to train on");
  const labels = rows.map((r) => (r.illicit ? 1 : 0));
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  const prior = positives / rows.length;
  const folds = assignFolds(rows.length, options.folds, options.seed);
  const unitValueReference = buildUnitValueReference(rows, options.minUnitValueGroup);

  const columns: number[][] = CATEGORICAL_FACTORS.map((factor) =>
    outOfFoldEncoding(
      rows.map((r) => r[factor]),
      labels,
      folds,
      options.folds,
      options.m,
    ).map(logit),
  );
  columns.push(rows.map((r) => unitValueDeviation(unitValueReference, r)));
  const stats = columns.map(meanSd);
  const x = rows.map((_, i) => columns.map((col, j) => (col[i]! - stats[j]!.mean) / stats[j]!.sd));
  const fit = fitLogistic(x, labels, { l2: options.l2 });

  const encodings = Object.fromEntries(
    CATEGORICAL_FACTORS.map((factor) => [
      factor,
      {
        m: options.m,
        prior,
        levels: toRecord(
          countLevels(
            rows.map((r) => r[factor]),
            labels,
          ),
        ),
      },
    ]),
  ) as Record<CategoricalFactor, FactorEncoding>;
  return {
    options,
    rows: rows.length,
    positives,
    prior,
    encodings,
    unitValueReference,
    features: RISK_FACTORS.map((factor, j) => ({
      factor,
      mean: stats[j]!.mean,
      sd: stats[j]!.sd,
      coefficient: fit.coefficients[j]!,
    })),
    intercept: fit.intercept,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

// Scoring encodes with every training row (no folds): the model's encodings as stored.
export type RiskScorer = (input: RiskInput) => RiskScore;

export function riskScorer(model: RiskModelParameters): RiskScorer {
  const counts = Object.fromEntries(
    CATEGORICAL_FACTORS.map((f) => [
      f,
      new Map(Object.entries(model.encodings[f].levels).map(([v, [n, positives]]) => [v, { n, positives }])),
    ]),
  ) as Record<CategoricalFactor, LevelCounts>;
  return (input) => {
    const contributions = model.features.map(({ factor, mean, sd, coefficient }) => {
      let raw: number;
      let value: string | number | null;
      if (factor === "unitValue") {
        raw = unitValueDeviation(model.unitValueReference, input);
        value = logUnitValue(input.cifValue, input.netKg) === null ? null : raw;
      } else {
        const e = model.encodings[factor];
        value = input[factor];
        raw = logit(encodeValue(counts[factor], value, e.prior, e.m));
      }
      const feature = (raw - mean) / sd;
      return { factor, value, feature, contribution: coefficient * feature };
    });
    const z = model.intercept + contributions.reduce((s, c) => s + c.contribution, 0);
    return { score: sigmoid(z), logit: z, contributions };
  };
}

// The factors that raised a score, largest first ("raised by: declarant (+1.2), HS6 (+0.8)").
export function raisingFactors(contributions: readonly FactorContribution[], min = 0.05): FactorContribution[] {
  return contributions.filter((c) => c.contribution >= min).sort((a, b) => b.contribution - a.contribution);
}
