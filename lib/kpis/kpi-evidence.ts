// The rows behind one KPI value (drill-down): the members of its set for the subject and period, each marked with
// whether it counts in the numerator, with its measure for percentiles and sums. Built from the same catalogue
// definition as the value itself, so the list always adds up to the number shown.
import "server-only";
import { pool } from "@/lib/pg";
import { kpiDefinition, type KpiId, type KpiSet } from "@/lib/kpis/catalogue";
import { setQuery, type KpiSubjectType } from "@/lib/kpis/compute-kpis";

export type EvidenceQuery = {
  kpiId: KpiId;
  subjectType: KpiSubjectType;
  subjectId: string;
  from: string;
  to: string;
  // Only the rows counted in the numerator, or every row of the set (the denominator).
  only?: "numerator" | "all";
  page?: number;
  pageSize?: number;
  i9Hours?: number;
  sort?: "natural" | "measure_desc" | "measure_asc" | "decl";
  // Declarations whose id starts with this ("" = all).
  declPrefix?: string;
};

export type EvidenceRow = Record<string, unknown> & { in_numerator: boolean | null; measure: number | null };

// What one row is in each set, and its natural order.
const ROW_KEY: Record<KpiSet, { columns: string; order: string }> = {
  B: {
    columns:
      "decl_id, office_code, assessing_officer_id, reg_ts, asmt_ts, release_ts, lane_initial, lane_final, status, taxes_initial, taxes_final, value_initial, value_final",
    order: "reg_ts, decl_id",
  },
  assessed: {
    columns: "decl_id, office_code, assessing_officer_id, reg_ts, asmt_ts, status",
    order: "asmt_ts, decl_id",
  },
  E: { columns: "decl_id, inspector_id, exam_ts, result, offence_code, adjustment_amount", order: "exam_ts, decl_id" },
  events: { columns: "decl_id, ts, action, officer_id", order: "ts, decl_id, action" },
  items: { columns: "decl_id, item_no, hs6, origin_country, cif_value, net_kg, ref_p10", order: "decl_id, item_no" },
};

export async function kpiEvidence(
  q: EvidenceQuery,
): Promise<{ rows: EvidenceRow[]; total: number; numerator: number }> {
  const k = kpiDefinition(q.kpiId);
  const key = ROW_KEY[k.set];
  const inNumerator = k.numerator && "count" in k.numerator ? `(${k.numerator.count})` : "NULL::boolean";
  const measure = k.measure ?? (k.numerator && "sum" in k.numerator ? k.numerator.sum : null);
  const pageSize = Math.min(Math.max(q.pageSize ?? 50, 1), 500);
  const page = Math.max(q.page ?? 1, 1);
  const filter = q.only === "numerator" && k.numerator && "count" in k.numerator ? ` AND ${inNumerator}` : "";
  // Whitelisted ORDER BY texts: the key is the only thing taken from the request.
  const order = {
    natural: key.order,
    measure_desc: `measure DESC NULLS LAST, ${key.order}`,
    measure_asc: `measure ASC NULLS LAST, ${key.order}`,
    decl: key.order.startsWith("decl_id") ? key.order : `decl_id, ${key.order}`,
  }[q.sort ?? "natural"];
  const sql = `WITH typed_params AS (SELECT $1::date, $2::date, $3::float8, $4::text[], $5::text),
    members AS (
      SELECT ${key.columns}, ${inNumerator} AS in_numerator, ${measure ? `(${measure})::float8` : "NULL::float8"} AS measure
        FROM (${setQuery(k.set, q.subjectType, q)}) r
       WHERE ${k.population}${filter} AND ($5::text = '' OR starts_with(decl_id, $5::text)))
    SELECT *, count(*) OVER ()::int AS total, (count(*) FILTER (WHERE in_numerator) OVER ())::int AS numerator_total
      FROM members ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const { rows } = await pool.query(sql.replaceAll(":i9_hours", "$3::float8"), [
    q.from,
    q.to,
    q.i9Hours ?? 1,
    [q.subjectId],
    q.declPrefix ?? "",
  ]);
  const total = (rows[0]?.total as number | undefined) ?? 0;
  const numerator = (rows[0]?.numerator_total as number | undefined) ?? 0;
  return {
    rows: rows.map(({ total: _t, numerator_total: _n, ...row }) => row as EvidenceRow),
    total,
    numerator,
  };
}
