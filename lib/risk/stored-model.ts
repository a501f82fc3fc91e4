// A risk model as risk_models stores it and back: the coefficients in `features`, the training rows' counts per
// code and the entities' histories in `encodings`, the unit-value medians in `unit_value_reference`, the options
// with the fit's iterations in `options`. Models stored before the factors of risk-features.ts (no `version` in
// their encodings) cannot score any more: they stay listed with their evaluation, and a new training replaces them.
import type { Prisma, RiskModel } from "@prisma/client";
import { AppError } from "@/lib/kernel/app-error";
import type { RiskModelParameters } from "@/lib/risk/risk-model";
import type { FeatureState } from "@/lib/risk/risk-features";

export const MODEL_FORMAT = 2;

type StoredEncodings = { version: number } & Omit<FeatureState, "unitValueReference">;

const json = (v: unknown) => v as Prisma.InputJsonValue;

export function storedModelColumns(model: RiskModelParameters) {
  const { unitValueReference, ...encodings } = model.state;
  return {
    rows: model.rows,
    positives: model.positives,
    intercept: model.intercept,
    features: json(model.features),
    encodings: json({ version: MODEL_FORMAT, ...encodings } satisfies StoredEncodings),
    unitValueReference: json(unitValueReference),
    options: json({ ...model.options, iterations: model.iterations, converged: model.converged }),
  };
}

export function isCurrentFormat(encodings: unknown): boolean {
  return (encodings as { version?: number } | null)?.version === MODEL_FORMAT;
}

export function storedModelParameters(row: RiskModel): RiskModelParameters {
  if (!isCurrentFormat(row.encodings))
    throw new AppError("INVALID", `risk model ${row.id} was trained by an earlier version: train a new model`);
  const { version: _version, ...encodings } = row.encodings as unknown as StoredEncodings;
  const options = row.options as unknown as RiskModelParameters["options"] & { iterations: number; converged: boolean };
  const { iterations, converged, ...modelOptions } = options;
  return {
    options: modelOptions,
    rows: row.rows,
    positives: row.positives,
    prior: encodings.prior,
    state: {
      ...encodings,
      unitValueReference: row.unitValueReference as unknown as FeatureState["unitValueReference"],
    },
    features: row.features as unknown as RiskModelParameters["features"],
    intercept: row.intercept,
    iterations,
    converged,
  };
}
