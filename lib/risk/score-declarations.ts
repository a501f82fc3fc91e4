// risk.score's work: every declaration registered in the period (not cancelled) that has no label yet — no
// inspection, no confirmed case finding — scored by one stored model, with the contribution of each factor, upserted
// into risk_scores (one row per model and declaration: scoring again overwrites). Declarations are read in pages of
// PAGE_SIZE in declaration-id order, so memory stays flat whatever the period's size. A declaration scored before
// and labelled since loses its score: it is no longer a candidate for selection.
// Defaults: the latest model, the latest month with declarations.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { monthPeriod } from "@/lib/kernel/calendar";
import { caseFeedbackLabels } from "@/lib/risk/case-labels";
import { MAIN_ITEM_SQL } from "@/lib/risk/labelled-outcomes";
import { riskScorer, type RiskInput } from "@/lib/risk/risk-model";
import { storedModelParameters } from "@/lib/risk/stored-model";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

const PAGE_SIZE = 5_000;
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RiskScoreParams = z.object({
  modelId: z
    .string()
    .regex(/^rm-[0-9a-f]{16}$/)
    .optional(),
  from: Day.optional(),
  to: Day.optional(),
});

// $1 from, $2 to, $3 the last declaration id of the previous page ('' first), $4 page size, $5 case-labelled ids.
const UNLABELLED_SQL = `
  SELECT d.decl_id, d.reg_ts, to_char(d.reg_ts, 'YYYY-MM-DD') AS reg_date, d.office_code, d.broker_id, d.importer_id,
         d.export_country, mi.hs6, mi.origin_country, mi.cif_value, mi.net_kg, mi.taxes
    FROM declarations d
    ${MAIN_ITEM_SQL}
   WHERE d.status <> 'cancelled' AND d.reg_ts >= $1::date AND d.reg_ts < $2::date + 1 AND d.decl_id > $3
     AND NOT EXISTS (SELECT 1 FROM inspections x WHERE x.decl_id = d.decl_id)
     AND NOT d.decl_id = ANY ($5::text[])
   ORDER BY d.decl_id
   LIMIT $4`;

type UnlabelledRow = {
  decl_id: string;
  reg_ts: string;
  reg_date: string;
  office_code: string;
  broker_id: string | null;
  importer_id: string | null;
  export_country: string | null;
  hs6: string | null;
  origin_country: string | null;
  cif_value: number | null;
  net_kg: number | null;
  taxes: number | null;
};

const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;
// Values span many magnitudes (a tax rate of 0.08, kg per 1,000 of value of 0.0003): kept to 4 significant digits.
const significant = (v: number) => Number(v.toPrecision(4));

export type ScoreOutcome = { modelId: string; period: { from: string; to: string }; scored: number; removed: number };

export async function scoreAndStoreDeclarations(raw: unknown, progress: ProgressReporter): Promise<ScoreOutcome> {
  const params = RiskScoreParams.parse(raw);
  const row = params.modelId
    ? await db.riskModel.findUnique({ where: { id: params.modelId } })
    : await db.riskModel.findFirst({ orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  if (!row) throw new Error(params.modelId ? `no risk model ${params.modelId}` : "no risk model has been trained yet");
  let period: { from: string; to: string } | null =
    params.from && params.to ? { from: params.from, to: params.to } : null;
  if (!period) {
    const { rows } = await pool.query<{ month: string | null }>(
      `SELECT to_char(max(reg_ts), 'YYYY-MM') AS month FROM declarations`,
    );
    if (!rows[0]?.month) return { modelId: row.id, period: { from: "", to: "" }, scored: 0, removed: 0 };
    period = monthPeriod(rows[0].month);
  }
  const score = riskScorer(storedModelParameters(row));
  const cased = (await caseFeedbackLabels()).map((l) => l.declId);
  const { rows: totals } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM declarations d WHERE d.status <> 'cancelled' AND d.reg_ts >= $1::date AND d.reg_ts < $2::date + 1`,
    [period.from, period.to],
  );
  const total = Math.max(1, totals[0]!.n);
  let last = "";
  let scored = 0;
  for (;;) {
    const { rows } = await pool.query<UnlabelledRow>(UNLABELLED_SQL, [period.from, period.to, last, PAGE_SIZE, cased]);
    if (!rows.length) break;
    const scoredRows = rows.map((r) => {
      const input: RiskInput = {
        declId: r.decl_id,
        regDate: r.reg_date,
        declarant: r.broker_id,
        importer: r.importer_id,
        hs6: r.hs6,
        origin: r.origin_country,
        departure: r.export_country,
        office: r.office_code,
        cifValue: r.cif_value,
        netKg: r.net_kg,
        taxes: r.taxes,
      };
      const s = score(input);
      const factors = s.contributions
        .map((c) => ({
          factor: c.factor,
          value: typeof c.value === "number" ? significant(c.value) : c.value,
          rate: c.rate === null ? null : round(c.rate),
          contribution: round(c.contribution),
        }))
        .sort((a, b) => b.contribution - a.contribution);
      return { r, score: s.score, factors };
    });
    await pool.query(
      `INSERT INTO risk_scores (model_id, decl_id, office_code, reg_ts, score, factors, scored_at)
       SELECT $1, t.decl_id, t.office_code, t.reg_ts, t.score, t.factors, now()
         FROM unnest($2::text[], $3::text[], $4::timestamp[], $5::float8[], $6::jsonb[]) AS t(decl_id, office_code, reg_ts, score, factors)
       ON CONFLICT (model_id, decl_id) DO UPDATE
          SET office_code = EXCLUDED.office_code, reg_ts = EXCLUDED.reg_ts, score = EXCLUDED.score, factors = EXCLUDED.factors,
              scored_at = EXCLUDED.scored_at`,
      [
        row.id,
        scoredRows.map((s) => s.r.decl_id),
        scoredRows.map((s) => s.r.office_code),
        scoredRows.map((s) => s.r.reg_ts),
        scoredRows.map((s) => s.score),
        scoredRows.map((s) => JSON.stringify(s.factors)),
      ],
    );
    scored += rows.length;
    last = rows.at(-1)!.decl_id;
    await progress(Math.min(95, (scored / total) * 95));
    if (rows.length < PAGE_SIZE) break;
  }
  const removed = await pool.query(
    `DELETE FROM risk_scores s
      WHERE s.model_id = $1 AND s.reg_ts >= $2::date AND s.reg_ts < $3::date + 1
        AND (EXISTS (SELECT 1 FROM inspections x WHERE x.decl_id = s.decl_id) OR s.decl_id = ANY ($4::text[]))`,
    [row.id, period.from, period.to, cased],
  );
  return { modelId: row.id, period, scored, removed: removed.rowCount ?? 0 };
}
