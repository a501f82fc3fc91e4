// What the risk screen shows, from stored rows only: the trained models, one model's evaluation (risk_models.metrics
// as risk.train stored it) and factors, and the highest scores of the latest period it scored, each with the
// factors that raised it. Scores are narrowed to the user's offices (scopeForUser); models and their evaluations
// hold no declaration and are shown to every user of the area.
import "server-only";
import type { RiskModel } from "@prisma/client";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { scopeForUser } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import type { RiskEvaluation } from "@/lib/risk/evaluate-risk-model";
import type { ModelFeature, RiskFactor } from "@/lib/risk/risk-model";
import type { EncodedKey, LevelTable } from "@/lib/risk/risk-features";
import type { OptionSelection } from "@/lib/risk/time-split-selection";
import { isCurrentFormat } from "@/lib/risk/stored-model";
import { TOP_SHARE } from "@/lib/risk/population-stability";
import { DOMINANCE } from "@/lib/risk/selection-metrics";
import type { Split } from "@/lib/risk/training-split";
import { isoDate } from "@/lib/kernel/calendar";

export type ModelSummary = {
  id: string;
  createdAt: Date;
  trainFrom: string;
  trainTo: string;
  rows: number;
  positives: number;
  testRows: number | null;
  precisionAt5: number | null;
};

export type ModelDetail = ModelSummary & {
  intercept: number;
  // False for a model stored before the current factors: listed, but it scores nothing.
  current: boolean;
  features: (ModelFeature & { levels: number | null })[];
  evaluation: (RiskEvaluation & { split: Split }) | null;
  options: { m?: number; l2?: number; interactions?: string };
  selection: OptionSelection | null;
  // The main factors of the training rows' top 5 %: what the drift panel compares each month with.
  driftTopFactors: Record<string, number> | null;
  sources: { inspections: number; caseFindings: number };
  trainingSeconds: number;
};

export type StoredFactor = {
  factor: RiskFactor;
  value: string | number | null;
  rate?: number | null;
  contribution: number;
};

// The table of codes behind each categorical factor (how many codes the training rows had).
const FACTOR_TABLE: Partial<Record<RiskFactor, EncodedKey>> = {
  declarant: "declarant",
  importer: "importer",
  hs6: "hs6",
  hs6Origin: "hs6Origin",
  hs6Route: "hs6Route",
  origin: "origin",
  office: "office",
};

export type ScoredDeclaration = {
  declId: string;
  officeCode: string;
  regTs: string;
  score: number;
  factors: StoredFactor[];
};

function summary(m: RiskModel): ModelSummary {
  const evaluation = m.metrics as (RiskEvaluation & { split: Split }) | null;
  return {
    id: m.id,
    createdAt: m.createdAt,
    trainFrom: isoDate(m.trainFrom),
    trainTo: isoDate(m.trainTo),
    rows: m.rows,
    positives: m.positives,
    testRows: evaluation?.test.rows ?? null,
    precisionAt5: evaluation?.test.perN.find((r) => r.n === 5)?.model.precision ?? null,
  };
}

export async function listRiskModels(limit = 20): Promise<ModelSummary[]> {
  const models = await db.riskModel.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    omit: { encodings: true, unitValueReference: true },
  });
  return models.map((m) => summary(m as RiskModel));
}

export async function getRiskModelOrThrow(modelId: string): Promise<ModelDetail> {
  const m = await db.riskModel.findUnique({ where: { id: modelId }, omit: { unitValueReference: true } });
  if (!m) throw new AppError("NOT_FOUND", "No such risk model");
  // Only the number of codes of each encoding is shown, not the codes (the tables can be large).
  const current = isCurrentFormat(m.encodings);
  const tables = current ? (m.encodings as { tables: Record<EncodedKey, LevelTable> }).tables : null;
  const levels = (factor: RiskFactor) => {
    const key = FACTOR_TABLE[factor];
    return tables && key ? Object.keys(tables[key] ?? {}).length : null;
  };
  return {
    ...summary(m as RiskModel),
    intercept: m.intercept,
    current,
    features: (m.features as ModelFeature[]).map((f) => ({ ...f, levels: levels(f.factor) })),
    evaluation: m.metrics as (RiskEvaluation & { split: Split }) | null,
    options: m.options as ModelDetail["options"],
    selection: (m.selection ?? null) as OptionSelection | null,
    driftTopFactors: (m.driftReference as { topFactors?: Record<string, number> } | null)?.topFactors ?? null,
    sources: m.sources as { inspections: number; caseFindings: number },
    trainingSeconds: m.trainingSeconds,
  };
}

// The months the model scored declarations of the user's offices in, latest first.
export async function scoredMonths(viewer: Viewer, modelId: string): Promise<string[]> {
  const office = scoreOffice(viewer);
  if (office === undefined) return [];
  const { rows } = await pool.query<{ month: string }>(
    `SELECT DISTINCT to_char(reg_ts, 'YYYY-MM') AS month FROM risk_scores WHERE model_id = $1 AND ($2::text IS NULL OR office_code = $2) ORDER BY 1 DESC`,
    [modelId, office],
  );
  return rows.map((r) => r.month);
}

// null = every office; undefined = none (an officer).
function scoreOffice(viewer: Viewer): string | null | undefined {
  const scope = scopeForUser(viewer);
  if (scope.kind === "officer" || scope.kind === "none") return undefined;
  return scope.kind === "office" ? scope.officeCode : null;
}

// The highest scores of one month the model scored (the latest unless asked), in the user's offices.
export async function topScores(
  viewer: Viewer,
  modelId: string,
  options: { month?: string; limit?: number } = {},
): Promise<{ month: string | null; total: number; rows: ScoredDeclaration[] }> {
  const office = scoreOffice(viewer);
  if (office === undefined) return { month: null, total: 0, rows: [] };
  let month = options.month ?? null;
  if (!month) {
    const latest = await pool.query<{ month: string | null }>(
      `SELECT to_char(max(reg_ts), 'YYYY-MM') AS month FROM risk_scores WHERE model_id = $1 AND ($2::text IS NULL OR office_code = $2)`,
      [modelId, office],
    );
    month = latest.rows[0]?.month ?? null;
  }
  if (!month) return { month: null, total: 0, rows: [] };
  const { rows } = await pool.query<{
    decl_id: string;
    office_code: string;
    reg_ts: string;
    score: number;
    factors: StoredFactor[];
    total: number;
  }>(
    `SELECT decl_id, office_code, reg_ts, score, factors, count(*) OVER ()::int AS total
       FROM risk_scores
      WHERE model_id = $1 AND ($2::text IS NULL OR office_code = $2)
        AND reg_ts >= to_date($3, 'YYYY-MM') AND reg_ts < to_date($3, 'YYYY-MM') + interval '1 month'
      ORDER BY score DESC, decl_id
      LIMIT $4`,
    [modelId, office, month, options.limit ?? 25],
  );
  return {
    month,
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      declId: r.decl_id,
      officeCode: r.office_code,
      regTs: r.reg_ts,
      score: r.score,
      factors: r.factors,
    })),
  };
}

export type OfficeConcentration = {
  month: string;
  total: number;
  top: number;
  offices: { officeCode: string; rows: number; selected: number; officeFactorFirst: number; dominates: boolean }[];
};

// Which offices fill the top TOP_SHARE % of one scored month, and how often the office factor raised those scores
// most (a declaration's stored factors are sorted by contribution, so its first factor is its main one). The same
// test as the evaluation's (selection-metrics.ts officeDominance). National staff see every office, an office's
// staff their own office's row; the top is always the whole month's, as the selection is national.
export async function officeConcentration(
  viewer: Viewer,
  modelId: string,
  month: string,
): Promise<OfficeConcentration | null> {
  const office = scoreOffice(viewer);
  if (office === undefined) return null;
  const { rows } = await pool.query<{
    office_code: string;
    rows: number;
    selected: number;
    office_first: number;
    total: number;
    top: number;
  }>(
    `WITH ranked AS (
       SELECT office_code, factors, row_number() OVER (ORDER BY score DESC, decl_id) AS rn, count(*) OVER () AS n
         FROM risk_scores
        WHERE model_id = $1 AND reg_ts >= to_date($2, 'YYYY-MM') AND reg_ts < to_date($2, 'YYYY-MM') + interval '1 month')
     SELECT office_code, count(*)::int AS rows,
            count(*) FILTER (WHERE rn <= round(n * $3 / 100.0))::int AS selected,
            count(*) FILTER (WHERE rn <= round(n * $3 / 100.0) AND factors -> 0 ->> 'factor' = 'office'
                                   AND (factors -> 0 ->> 'contribution')::float8 > 0)::int AS office_first,
            max(n)::int AS total, max(round(n * $3 / 100.0))::int AS top
       FROM ranked GROUP BY office_code ORDER BY office_code`,
    [modelId, month, TOP_SHARE],
  );
  if (!rows.length) return null;
  const total = rows[0]!.total;
  const top = rows[0]!.top;
  return {
    month,
    total,
    top,
    offices: rows
      .filter((r) => office === null || r.office_code === office)
      .map((r) => {
        const shareOfTop = top ? r.selected / top : 0;
        return {
          officeCode: r.office_code,
          rows: r.rows,
          selected: r.selected,
          officeFactorFirst: r.office_first,
          dominates:
            shareOfTop >= DOMINANCE.minShareOfTop &&
            shareOfTop >= DOMINANCE.overRepresentation * (r.rows / total) &&
            r.office_first > DOMINANCE.officeFactorFirst * r.selected,
        };
      }),
  };
}
