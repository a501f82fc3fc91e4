// Labelled outcomes from the database, for training, evaluation and the labels export: every declaration
// (registered in the window, not cancelled) that was inspected or is labelled by a closed case (case-labels.ts).
//   illicit       an inspection with result offence, or a case's label 1 (its finding confirms the declaration)
//   recovered     Σ adjustment_amount of its offence inspections + the case revenue attributed to it
//   revenue       for revenue@n: what was recovered when anything was recorded, else (an offence with no amount,
//                 as every KCS row) its taxes at stake, taxes_final or taxes_initial or Σ items.taxes; 0 when not
//                 illicit (the KCS evaluation reads the files the same way, kcs-dataset.ts)
// The model's fields come from the declaration and its main item: the item of highest customs value (lowest
// item_no among equals), whose HS6, origin, unit value and taxes stand for the declaration.
import "server-only";
import { pool } from "@/lib/pg";
import type { Scope } from "@/lib/auth/scope";
import { caseFeedbackLabels, caseLabelArrays } from "@/lib/risk/case-labels";
import type { DatedLabelledInput } from "@/lib/risk/kcs-dataset";

export type LabelSources = "inspections" | "inspections+cases";

export type LabelledOutcome = DatedLabelledInput & { recovered: number; fromInspection: boolean; fromCase: boolean };

export const MAIN_ITEM_SQL = `LEFT JOIN LATERAL (
    SELECT i.hs6, i.origin_country, i.cif_value::float8 AS cif_value, i.net_kg::float8 AS net_kg, i.taxes::float8 AS taxes FROM items i
     WHERE i.decl_id = d.decl_id ORDER BY i.cif_value DESC NULLS LAST, i.item_no LIMIT 1) mi ON true`;

// $1 from, $2 to (dates, inclusive), $3 office or null, $4–$7 the case labels (caseLabelArrays; empty arrays when only
// inspections count).
const LABELS_SQL = `
  WITH window_declarations AS MATERIALIZED (
    SELECT d.decl_id FROM declarations d
     WHERE d.status <> 'cancelled' AND d.reg_ts >= $1::date AND d.reg_ts < $2::date + 1 AND ($3::text IS NULL OR d.office_code = $3)),
  inspected AS (
    SELECT x.decl_id, bool_or(x.result = 'offence') AS offence,
           sum(x.adjustment_amount) FILTER (WHERE x.result = 'offence')::float8 AS adjustment,
           (array_agg(x.offence_code ORDER BY x.exam_ts) FILTER (WHERE x.result = 'offence' AND x.offence_code IS NOT NULL))[1] AS offence_code
      FROM inspections x JOIN window_declarations w USING (decl_id) GROUP BY x.decl_id),
  cased AS (
    SELECT c.* FROM unnest($4::text[], $5::int[], $6::float8[], $7::text[]) AS c(decl_id, illicit, revenue, offence_code)
     WHERE c.decl_id IN (SELECT decl_id FROM window_declarations)),
  labels AS (
    SELECT coalesce(i.decl_id, c.decl_id) AS decl_id,
           coalesce(i.offence, false) OR coalesce(c.illicit, 0) = 1 AS illicit,
           coalesce(i.adjustment, 0) + coalesce(c.revenue, 0) AS recovered,
           i.adjustment IS NOT NULL OR coalesce(c.revenue, 0) > 0 AS has_recovered,
           coalesce(i.offence_code, nullif(c.offence_code, '')) AS offence_code,
           i.decl_id IS NOT NULL AS from_inspection, c.decl_id IS NOT NULL AS from_case
      FROM inspected i FULL JOIN cased c USING (decl_id))
  SELECT d.decl_id, to_char(d.reg_ts, 'YYYY-MM-DD') AS reg_date, d.office_code, d.broker_id, d.importer_id, d.export_country,
         mi.hs6, mi.origin_country, mi.cif_value, mi.net_kg, mi.taxes, l.illicit, l.recovered, l.offence_code, l.from_inspection, l.from_case,
         CASE WHEN NOT l.illicit THEN 0
              WHEN l.has_recovered THEN l.recovered
              ELSE coalesce(d.taxes_final, d.taxes_initial, (SELECT sum(t.taxes) FROM items t WHERE t.decl_id = d.decl_id), 0)::float8 END AS revenue
    FROM labels l
    JOIN declarations d ON d.decl_id = l.decl_id
    ${MAIN_ITEM_SQL}
   WHERE d.status <> 'cancelled' AND d.reg_ts >= $1::date AND d.reg_ts < $2::date + 1
   ORDER BY d.decl_id`;

type LabelRow = {
  decl_id: string;
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
  illicit: boolean;
  recovered: number;
  offence_code: string | null;
  from_inspection: boolean;
  from_case: boolean;
  revenue: number;
};

import type { Window } from "@/lib/risk/training-split";
export type { Window };

// The scope narrows to one office for an office's staff (scopeForUser); "all" reads every office.
export async function loadLabelledOutcomes(
  window: Window,
  options: { scope?: Scope; sources?: LabelSources } = {},
): Promise<LabelledOutcome[]> {
  const scope = options.scope ?? { kind: "all" };
  if (scope.kind === "officer" || scope.kind === "none") return [];
  const office = scope.kind === "office" ? scope.officeCode : null;
  const cases = (options.sources ?? "inspections+cases") === "inspections+cases" ? await caseFeedbackLabels() : [];
  const { rows } = await pool.query<LabelRow>(LABELS_SQL, [window.from, window.to, office, ...caseLabelArrays(cases)]);
  return rows.map((r) => ({
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
    illicit: r.illicit ? 1 : 0,
    revenue: Number(r.revenue),
    offenceCode: r.offence_code,
    recovered: Number(r.recovered),
    fromInspection: r.from_inspection,
    fromCase: r.from_case,
  }));
}

// Months (YYYY-MM) with at least one inspected declaration: what a training window and its evaluation can cover.
export async function labelledMonths(): Promise<string[]> {
  const { rows } = await pool.query<{ month: string }>(
    `SELECT DISTINCT to_char(d.reg_ts, 'YYYY-MM') AS month
       FROM declarations d WHERE d.status <> 'cancelled' AND EXISTS (SELECT 1 FROM inspections i WHERE i.decl_id = d.decl_id)
      ORDER BY 1`,
  );
  return rows.map((r) => r.month);
}
