// Recomputes, for one period, the KPI cells a change touched: the officers, units and offices named (all of a type
// when its list is null). One statement per KPI set computes the three subject types together (GROUPING SETS over
// the set's rows, read once) and writes the cells straight into kpi_results, so nothing goes through JavaScript.
// The sets run side by side on pooled connections. Same definitions and the same results as computeKpis
// (catalogue.ts): a touched subject without rows in a set gets its empty values, so stale values never remain.
import "server-only";
import { pool } from "@/lib/pg";
import { KPI_CATALOGUE, kpiAggregates, type KpiDefinition, type KpiSet } from "@/lib/kpis/catalogue";
import type { Period } from "@/lib/kernel/calendar";
import {
  EVENT_CALENDAR_JOINS,
  OFF_HOURS,
  itemsOfDeclarations,
  unitId,
  type KpiSubjectType,
} from "@/lib/kpis/compute-kpis";

export type TouchedSubjects = Record<KpiSubjectType, string[] | null>;

// $1 from, $2 to, $3 I9 hours, $4 officers, $5 units, $6 offices (null: all of that type).
const PERIOD = `$1::date::timestamp`;
const AS_OF = `($2::date + 1)::timestamp`;

// A row of the set belongs to the officer, unit and office it is attributed to; it is read when any of them is
// touched, and only the groups of touched subjects are kept.
const touchedRow = `(($4::text[] IS NULL AND officer_id IS NOT NULL) OR officer_id = ANY ($4::text[])
  OR ($5::text[] IS NULL AND unit_id IS NOT NULL) OR unit_id = ANY ($5::text[])
  OR ($6::text[] IS NULL AND office_id IS NOT NULL) OR office_id = ANY ($6::text[]))`;

// touchedRow on the set's own columns, where the planner can apply it while reading: it holds for every row that
// touchedRow keeps, and leaves all of them when units are touched (a unit is only known after the officers join).
// Without it, the per-row probes of B (inspected, amended_after) run for every row of the period.
const scope = (officer: string, office: string) => `($5::text[] IS NULL OR cardinality($5::text[]) > 0
  OR ($4::text[] IS NULL AND ${officer} IS NOT NULL) OR ${officer} = ANY ($4::text[])
  OR ($6::text[] IS NULL AND ${office} IS NOT NULL) OR ${office} = ANY ($6::text[]))`;

// The rows of one set with their officer_id, unit_id and office_id (docs/indicators.md; compute-kpis.ts's setQuery
// gives the same rows one subject type at a time).
function setRows(set: KpiSet, period: Period): string {
  switch (set) {
    case "B":
      return `SELECT d.assessing_officer_id AS officer_id, ${unitId("o")} AS unit_id, d.office_code AS office_id,
                     d.*, d.status <> 'cancelled' AS live, ${AS_OF} AS as_of,
                     extract(epoch FROM d.asmt_ts - d.reg_ts)::float8 / 3600 AS asmt_h,
                     CASE WHEN d.lane_initial = 'R' THEN EXISTS (SELECT 1 FROM inspections x WHERE x.decl_id = d.decl_id) END AS inspected,
                     (d.asmt_ts IS NOT NULL AND EXISTS (SELECT 1 FROM events e
                        WHERE e.decl_id = d.decl_id AND e.action = 'amend' AND e.ts > d.asmt_ts)) AS amended_after
                FROM declarations d LEFT JOIN officers o ON o.officer_id = d.assessing_officer_id
               WHERE d.reg_ts >= ${PERIOD} AND d.reg_ts < ${AS_OF} AND ${scope("d.assessing_officer_id", "d.office_code")}`;
    case "E":
      return `SELECT i.inspector_id AS officer_id, ${unitId("o")} AS unit_id, d.office_code AS office_id, i.*
                FROM inspections i JOIN declarations d USING (decl_id)
                LEFT JOIN officers o ON o.officer_id = i.inspector_id
               WHERE i.exam_ts >= ${PERIOD} AND i.exam_ts < ${AS_OF} AND ${scope("i.inspector_id", "d.office_code")}`;
    case "assessed":
      return `SELECT d.assessing_officer_id AS officer_id, ${unitId("o")} AS unit_id, d.office_code AS office_id, d.*
                FROM declarations d LEFT JOIN officers o ON o.officer_id = d.assessing_officer_id
               WHERE d.status <> 'cancelled' AND d.asmt_ts >= ${PERIOD} AND d.asmt_ts < ${AS_OF}
                 AND ${scope("d.assessing_officer_id", "d.office_code")}`;
    case "events":
      return `SELECT e.officer_id, ${unitId("o")} AS unit_id, d.office_code AS office_id, e.decl_id, e.ts, e.action,
                     ${OFF_HOURS} AS off_hours
                FROM events e JOIN declarations d USING (decl_id) ${EVENT_CALENDAR_JOINS}
                LEFT JOIN officers o ON o.officer_id = e.officer_id
               WHERE e.officer_id IS NOT NULL AND e.ts >= ${PERIOD} AND e.ts < ${AS_OF}
                 AND ${scope("e.officer_id", "d.office_code")}`;
    case "items":
      // The I10 reference is taken over every live declaration's items of the period, touched or not.
      return `WITH it AS MATERIALIZED (
                SELECT d.assessing_officer_id AS officer_id, ${unitId("o")} AS unit_id, d.office_code AS office_id,
                       i.decl_id, i.item_no, i.hs6, i.origin_country,
                       i.cif_value::float8 AS cif_value, i.net_kg::float8 AS net_kg
                  FROM declarations d ${itemsOfDeclarations(period)}
                  LEFT JOIN officers o ON o.officer_id = d.assessing_officer_id
                 WHERE d.status <> 'cancelled' AND d.reg_ts >= ${PERIOD} AND d.reg_ts < ${AS_OF} AND i.net_kg > 0),
              ref AS (
                SELECT hs6, origin_country, percentile_cont(0.1) WITHIN GROUP (ORDER BY cif_value / net_kg) AS ref_p10
                  FROM it GROUP BY hs6, origin_country HAVING count(*) >= 20)
              SELECT it.*, r.ref_p10 FROM it JOIN ref r USING (hs6, origin_country)`;
  }
}

// The touched subjects of each type that exist, as compute-kpis.ts lists them.
export const TOUCHED_SUBJECTS = `
  SELECT 'officer'::"KpiSubjectType" AS subject_type, officer_id AS subject_id FROM officers
   WHERE $4::text[] IS NULL OR officer_id = ANY ($4::text[])
  UNION
  SELECT 'unit', ${unitId("officers")} FROM officers
   WHERE $5::text[] IS NULL OR ${unitId("officers")} = ANY ($5::text[])
  UNION
  SELECT 'office', office_code FROM offices WHERE $6::text[] IS NULL OR office_code = ANY ($6::text[])`;

// `only`: the set's KPIs to write.
function recomputeSetSql(set: KpiSet, only: (k: KpiDefinition) => boolean, period: Period): string {
  const kpis = KPI_CATALOGUE.filter((k) => k.set === set && only(k));
  const columns = kpis.flatMap((k) => {
    const { top, n } = kpiAggregates(k);
    return [`${top} AS "${k.id}:top"`, `${n} AS "${k.id}:n"`];
  });
  const values = kpis.map((k) => {
    const top = `a."${k.id}:top"`;
    const n = `coalesce(a."${k.id}:n", 0)`;
    return k.kind === "ratio"
      ? `('${k.id}', CASE WHEN ${n} > 0 THEN coalesce(${top}, 0)::float8 / ${n} END, coalesce(${top}, 0)::float8, ${n}::float8)`
      : `('${k.id}', CASE WHEN ${n} > 0 THEN ${top}::float8 END, NULL::float8, ${n}::float8)`;
  });
  const sql = `
    WITH typed_params AS (SELECT $1::date, $2::date, $3::float8, $4::text[], $5::text[], $6::text[]),
    grouped AS (
      SELECT CASE WHEN GROUPING(officer_id) = 0 THEN 'officer' WHEN GROUPING(unit_id) = 0 THEN 'unit' ELSE 'office' END
               AS subject_type,
             CASE WHEN GROUPING(officer_id) = 0 THEN officer_id WHEN GROUPING(unit_id) = 0 THEN unit_id ELSE office_id END
               AS subject_id,
             ${columns.join(",\n             ")}
        FROM (${setRows(set, period)}) r
       WHERE ${touchedRow}
       GROUP BY GROUPING SETS ((officer_id), (unit_id), (office_id)))
    INSERT INTO kpi_results (subject_type, subject_id, period_from, period_to, kpi_id, value, numerator, denominator,
                             computed_at, last_import_id)
    SELECT s.subject_type, s.subject_id, $1::date, $2::date, k.kpi_id, k.value, k.numerator, k.denominator, now(),
           (SELECT max(id) FROM import_batches WHERE status = 'SUCCEEDED')
      FROM (${TOUCHED_SUBJECTS}) s
      LEFT JOIN grouped a ON a.subject_type = s.subject_type::text AND a.subject_id = s.subject_id
     CROSS JOIN LATERAL (VALUES ${values.join(",\n       ")}) AS k(kpi_id, value, numerator, denominator)
    ON CONFLICT (subject_type, subject_id, period_from, period_to, kpi_id) DO UPDATE
       SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
           computed_at = EXCLUDED.computed_at, last_import_id = EXCLUDED.last_import_id`;
  return sql.replaceAll(":i9_hours", "$3::float8");
}

const SETS: readonly KpiSet[] = [...new Set(KPI_CATALOGUE.map((k) => k.set))];

export const EVERY_SUBJECT: TouchedSubjects = { officer: null, unit: null, office: null };

// The touched officers and offices with the units of those officers (a change of an officer's figures moves their
// unit's). Null stands for all.
export async function withTheirUnits(officers: string[] | null, offices: string[] | null): Promise<TouchedSubjects> {
  if (officers === null) return { officer: null, unit: null, office: offices };
  const { rows } = await pool.query<{ id: string }>(
    `SELECT DISTINCT ${unitId("officers")} AS id FROM officers WHERE officer_id = ANY ($1::text[]) ORDER BY 1`,
    [officers],
  );
  return { officer: officers, unit: rows.map((r) => r.id), office: offices };
}

// Returns the number of cells written. `only` limits the work to some KPIs (all by default): only the sets that hold
// them are read.
export async function recomputeTouchedKpis(
  period: Period,
  touched: TouchedSubjects,
  options: { i9Hours?: number; only?: (k: KpiDefinition) => boolean } = {},
): Promise<number> {
  const args = [period.from, period.to, options.i9Hours ?? 1, touched.officer, touched.unit, touched.office];
  const only = options.only ?? (() => true);
  const sets = SETS.filter((set) => KPI_CATALOGUE.some((k) => k.set === set && only(k)));
  const results = await Promise.all(sets.map((set) => pool.query(recomputeSetSql(set, only, period), args)));
  return results.reduce((sum, r) => sum + (r.rowCount ?? 0), 0);
}
