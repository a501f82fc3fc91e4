// risk.drift's work: for each month after a model's training window, score the month's labelled declarations with
// the model and compare them with the training rows (population-stability.ts): the PSI of the scores against the
// training deciles, the PSI of the main factors of the top 5 %, and the precision that top actually had. Like with
// like: the training rows are labelled declarations too, so a month is judged on the declarations whose inspection
// (or case finding) is recorded; a month with fewer than MIN_ROWS of them is stored but not judged.
// A month that drifted (PSI ≥ 0.25) raises a RISK_DRIFT flag for the integrity unit, about the model, one per model
// and month; a later check that finds the month stable again retires it (active = false, never deleted: a case may
// rest on it). Checking a month again overwrites its row. Defaults: the latest model, every month after its window.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { writeAudit } from "@/lib/audit";
import { addMonths, monthPeriod } from "@/lib/kernel/calendar";
import { labelledMonths, loadLabelledOutcomes } from "@/lib/risk/labelled-outcomes";
import { mainFactor, riskScorer } from "@/lib/risk/risk-model";
import { isCurrentFormat, storedModelParameters } from "@/lib/risk/stored-model";
import {
  compareWithReference,
  PSI_LEVELS,
  TOP_SHARE,
  type DriftLevel,
  type DriftReference,
} from "@/lib/risk/population-stability";
import { rankingPrecision } from "@/lib/risk/selection-metrics";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export const MIN_ROWS = 100;
export const DRIFT_FLAG_METHOD = "RISK_DRIFT";

export const RiskDriftParams = z
  .object({
    modelId: z
      .string()
      .regex(/^rm-[0-9a-f]{16}$/)
      .optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  })
  .strict();

export type MonthCheck = {
  month: string;
  rows: number;
  level: DriftLevel | "insufficient";
  scorePsi: number;
  factorPsi: number;
};
export type DriftOutcome = { modelId: string | null; months: MonthCheck[]; flagged: number; retired: number };

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export async function checkRiskDrift(raw: unknown, progress: ProgressReporter): Promise<DriftOutcome> {
  const params = RiskDriftParams.parse(raw);
  const models = await db.riskModel.findMany({
    where: params.modelId ? { id: params.modelId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 20,
  });
  const row = models.find((m) => m.driftReference !== null && isCurrentFormat(m.encodings));
  if (!row) {
    if (params.modelId) throw new Error(`risk model ${params.modelId} has no drift reference: train a new model`);
    return { modelId: null, months: [], flagged: 0, retired: 0 };
  }
  const reference = row.driftReference as unknown as DriftReference;
  const after = addMonths(row.trainTo.toISOString().slice(0, 7), 1);
  const months = params.month
    ? [params.month].filter((m) => m >= after)
    : (await labelledMonths()).filter((m) => m >= after);
  const score = riskScorer(storedModelParameters(row));
  const checks: MonthCheck[] = [];
  let flagged = 0;
  let retired = 0;
  for (const [index, month] of months.entries()) {
    const labelled = await loadLabelledOutcomes(monthPeriod(month));
    const scored = labelled.map((r) => score(r));
    const logits = scored.map((s) => s.logit);
    const comparison = compareWithReference(
      reference,
      labelled,
      logits,
      scored.map((s) => mainFactor(s.contributions)),
    );
    const level = labelled.length < MIN_ROWS ? "insufficient" : comparison.level;
    const precisionAt5 = labelled.length
      ? rankingPrecision(
          labelled,
          labelled.map((r) => r.illicit),
          logits,
          TOP_SHARE,
        )
      : null;
    const check = {
      modelId: row.id,
      month: new Date(`${month}-01T00:00:00Z`),
      rows: labelled.length,
      illicit: labelled.reduce((s, r) => s + r.illicit, 0),
      scorePsi: round(comparison.scorePsi),
      factorPsi: round(comparison.factorPsi),
      level,
      shares: comparison.shares as Prisma.InputJsonValue,
      topFactors: comparison.topFactors as Prisma.InputJsonValue,
      precisionAt5,
    };
    await db.riskDriftCheck.upsert({
      where: { modelId_month: { modelId: row.id, month: check.month } },
      create: check,
      update: { ...check, checkedAt: new Date() },
    });
    const flag = await storeDriftFlag(row.id, month, level === "drift", {
      score: comparison.factorsJudged ? Math.max(check.scorePsi, check.factorPsi) : check.scorePsi,
      rows: check.rows,
      stats: {
        scorePsi: check.scorePsi,
        factorPsi: check.factorPsi,
        precisionAt5,
        illicit: check.illicit,
        topFactors: comparison.topFactors,
        referenceTopFactors: reference.topFactors,
        trainFrom: row.trainFrom.toISOString().slice(0, 10),
        trainTo: row.trainTo.toISOString().slice(0, 10),
      },
    });
    if (flag === "raised") flagged++;
    if (flag === "retired") retired++;
    checks.push({ month, rows: check.rows, level, scorePsi: check.scorePsi, factorPsi: check.factorPsi });
    await progress(((index + 1) / months.length) * 100);
  }
  return { modelId: row.id, months: checks, flagged, retired };
}

// One flag per model and month (the flags' unique key): raised or refreshed when the month drifted, retired when a
// later check finds it did not. Returns what changed.
async function storeDriftFlag(
  modelId: string,
  month: string,
  drifted: boolean,
  figures: { score: number; rows: number; stats: Record<string, unknown> },
): Promise<"raised" | "refreshed" | "retired" | null> {
  const period = monthPeriod(month);
  if (!drifted) {
    const { rows } = await pool.query<{ id: number }>(
      `UPDATE flags SET active = false
        WHERE method = $1 AND subject_type = 'risk_model' AND subject_id = $2 AND period_from = $3::date
          AND period_to = $4::date AND active
        RETURNING id`,
      [DRIFT_FLAG_METHOD, modelId, period.from, period.to],
    );
    return rows.length ? "retired" : null;
  }
  const { rows } = await pool.query<{ id: number; created: boolean }>(
    `INSERT INTO flags (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to, score, n, stats,
                        rule, office_code, active, first_detected_at, last_detected_at)
     VALUES ($1, '', 'risk_model', $2, '', $3::date, $4::date, $5, $6, $7::jsonb, $8::jsonb, NULL, true, now(), now())
     ON CONFLICT (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to) DO UPDATE
        SET score = EXCLUDED.score, n = EXCLUDED.n, stats = EXCLUDED.stats, rule = EXCLUDED.rule, active = true,
            last_detected_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [
      DRIFT_FLAG_METHOD,
      modelId,
      period.from,
      period.to,
      figures.score,
      figures.rows,
      JSON.stringify(figures.stats),
      JSON.stringify({ method: DRIFT_FLAG_METHOD, params: { ...PSI_LEVELS, minRows: MIN_ROWS, topShare: TOP_SHARE } }),
    ],
  );
  const flag = rows[0]!;
  if (!flag.created) return "refreshed";
  await writeAudit({
    actorId: null,
    action: "flag.raised",
    entityType: "flag",
    entityId: String(flag.id),
    data: { method: DRIFT_FLAG_METHOD, modelId, month, score: figures.score } as Prisma.InputJsonValue,
  });
  return "raised";
}

export type DriftCheckView = {
  month: string;
  rows: number;
  illicit: number;
  scorePsi: number;
  factorPsi: number;
  level: string;
  topFactors: Record<string, number>;
  precisionAt5: number | null;
  checkedAt: Date;
};

// A model's checks, latest month first, for the drift panel (national figures, no declaration in them).
export async function driftChecks(modelId: string): Promise<DriftCheckView[]> {
  const rows = await db.riskDriftCheck.findMany({ where: { modelId }, orderBy: { month: "desc" } });
  return rows.map((r) => ({
    month: r.month.toISOString().slice(0, 7),
    rows: r.rows,
    illicit: r.illicit,
    scorePsi: r.scorePsi,
    factorPsi: r.factorPsi,
    level: r.level,
    topFactors: r.topFactors as Record<string, number>,
    precisionAt5: r.precisionAt5,
    checkedAt: r.checkedAt,
  }));
}
