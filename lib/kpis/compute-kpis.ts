// Computes the whole KPI catalogue (catalogue.ts) for every officer or every office over a period, in PostgreSQL:
// one set-based query per set of docs/indicators.md (B, E, assessed declarations, officer events, items), grouped by
// subject.
// JavaScript only turns the per-subject aggregates into rows. Used by the worker's jobs, the web app and the CLI.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";
import { KPI_CATALOGUE, kpiAggregates, type KpiDefinition, type KpiId, type KpiSet } from "@/lib/kpis/catalogue";
import { daysIn, type Period } from "@/lib/kernel/calendar";

// A unit is a team inside an office (officers.unit); its id is "OFFICE_CODE/UNIT". Its sets are those of its
// officers together, for collective contracts.
export type KpiSubjectType = "officer" | "unit" | "office";

export type KpiRow = {
  subjectType: KpiSubjectType;
  subjectId: string;
  periodFrom: string;
  periodTo: string;
  kpiId: KpiId;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

export type KpiParams = {
  from: string;
  to: string;
  subject: KpiSubjectType;
  // docs/indicators.md I9: "too fast" threshold in hours (param, default 1 h).
  i9Hours?: number;
  // Restrict to some subjects (e.g. the officers of one contract); all when absent.
  subjectIds?: string[];
  kpiIds?: readonly KpiId[];
};

type Queryable = Pick<PoolClient, "query">;

// $1 = from (date), $2 = to (date), $3 = I9 hours, $4 = subject ids or null.
// A period is [from, to] in local dates: reg_ts >= from and reg_ts < to + 1 day, which uses the indexes.
const PERIOD = `$1::date::timestamp`;
const AS_OF = `($2::date + 1)::timestamp`;

// A unit's id in SQL, from the officers row `alias`. Set queries join that row (as `u`) rather than look it up per
// row: a lookup is a subplan, which PostgreSQL runs for every row and never in parallel.
export const unitId = (alias: string) => `${alias}.office_code || '/' || ${alias}.unit`;

// How the declarations `d` of a period reach their items `i`. Up to a quarter, through the items' key, one
// declaration at a time: the planner prefers a hash join, which reads every item of the table to keep the period's
// (2 M to keep a month's 170 k on the 1 M bench), and OFFSET 0 keeps it from turning the lateral subquery back into
// that join. Over longer periods the hash join is the faster. Measured on one core, 1 M: a month 0.64 → 0.22 s, a
// quarter 0.96 → 0.73 s; half a year 1.34 s hashed against 1.46 s, a year 1.8 s against 2.9 s.
export function itemsOfDeclarations(period: Period): string {
  return daysIn(period) <= 92
    ? "CROSS JOIN LATERAL (SELECT * FROM items i WHERE i.decl_id = d.decl_id OFFSET 0) i"
    : "JOIN items i ON i.decl_id = d.decl_id";
}

// I8's off hours of an event `e` of a declaration `d`: those of the declaration's office, whoever did the event,
// with EVENT_CALENDAR_JOINS. The holidays are joined once per date rather than looked up per event: a lookup is a
// subplan, which PostgreSQL runs for every row and never in parallel (35 % of the events set's time on 1 M).
export const OFF_HOURS = `(e.ts::time < f.open_time::time OR e.ts::time >= f.close_time::time
  OR NOT (extract(isodow FROM e.ts)::int = ANY (f.workdays))
  OR coalesce(hd.offices && ARRAY['', d.office_code], false))`;
export const EVENT_CALENDAR_JOINS = `JOIN offices f ON f.office_code = d.office_code
  LEFT JOIN (SELECT date, array_agg(office_code) AS offices FROM holidays GROUP BY date) hd ON hd.date = e.ts::date`;

// The rows of one KPI set for a period, with a subject_id column. Parameters: $1 from, $2 to, $3 I9 hours,
// $4 subject ids (or null for all).
export function setQuery(set: KpiSet, subject: KpiSubjectType, period: Period): string {
  const decl = { officer: "d.assessing_officer_id", unit: unitId("u"), office: "d.office_code" }[subject];
  const unitJoin = (officerId: string) =>
    subject === "unit" ? `LEFT JOIN officers u ON u.officer_id = ${officerId}` : "";
  const only = (expr: string) => `${expr} IS NOT NULL AND ($4::text[] IS NULL OR ${expr} = ANY ($4::text[]))`;
  switch (set) {
    case "B":
      // B with cancelled declarations kept (I12 counts them); every other KPI filters on live.
      return `SELECT ${decl} AS subject_id, d.*, d.status <> 'cancelled' AS live, ${AS_OF} AS as_of,
                     extract(epoch FROM d.asmt_ts - d.reg_ts)::float8 / 3600 AS asmt_h,
                     CASE WHEN d.lane_initial = 'R' THEN EXISTS (SELECT 1 FROM inspections x WHERE x.decl_id = d.decl_id) END AS inspected,
                     (d.asmt_ts IS NOT NULL AND EXISTS (SELECT 1 FROM events e
                        WHERE e.decl_id = d.decl_id AND e.action = 'amend' AND e.ts > d.asmt_ts)) AS amended_after
                FROM declarations d ${unitJoin("d.assessing_officer_id")}
               WHERE d.reg_ts >= ${PERIOD} AND d.reg_ts < ${AS_OF} AND ${only(decl)}`;
    case "E": {
      // E includes inspections of cancelled declarations; an officer's are those they examined.
      const who = { officer: "i.inspector_id", unit: unitId("u"), office: "d.office_code" }[subject];
      const join = subject === "office" ? "JOIN declarations d USING (decl_id)" : "";
      return `SELECT ${who} AS subject_id, i.* FROM inspections i ${join} ${unitJoin("i.inspector_id")}
               WHERE i.exam_ts >= ${PERIOD} AND i.exam_ts < ${AS_OF} AND ${only(who)}`;
    }
    case "assessed":
      return `SELECT ${decl} AS subject_id, d.* FROM declarations d ${unitJoin("d.assessing_officer_id")}
               WHERE d.status <> 'cancelled' AND d.asmt_ts >= ${PERIOD} AND d.asmt_ts < ${AS_OF} AND ${only(decl)}`;
    case "events": {
      const who = { officer: "e.officer_id", unit: unitId("u"), office: "d.office_code" }[subject];
      return `SELECT ${who} AS subject_id, e.*, ${OFF_HOURS} AS off_hours
                FROM events e JOIN declarations d USING (decl_id) ${EVENT_CALENDAR_JOINS} ${unitJoin("e.officer_id")}
               WHERE e.officer_id IS NOT NULL AND e.ts >= ${PERIOD} AND e.ts < ${AS_OF} AND ${only(who)}`;
    }
    case "items":
      // I10 reference: p10 of unit values per (hs6, origin) over all live declarations of the period, where the
      // group has at least 20 items with net_kg > 0. The period's items are read once for both.
      return `WITH it AS MATERIALIZED (
                SELECT ${decl} AS subject_id, i.decl_id, i.item_no, i.hs6, i.origin_country,
                       i.cif_value::float8 AS cif_value, i.net_kg::float8 AS net_kg
                  FROM declarations d ${itemsOfDeclarations(period)} ${unitJoin("d.assessing_officer_id")}
                 WHERE d.status <> 'cancelled' AND d.reg_ts >= ${PERIOD} AND d.reg_ts < ${AS_OF} AND i.net_kg > 0),
              ref AS (
                SELECT hs6, origin_country, percentile_cont(0.1) WITHIN GROUP (ORDER BY cif_value / net_kg) AS ref_p10
                  FROM it GROUP BY hs6, origin_country HAVING count(*) >= 20)
              SELECT it.*, r.ref_p10 FROM it JOIN ref r USING (hs6, origin_country)
               WHERE ${only("it.subject_id")}`;
  }
}

function aggregateQuery(set: KpiSet, subject: KpiSubjectType, kpis: KpiDefinition[], period: Period): string {
  const columns = kpis.flatMap((k) => {
    const { top, n } = kpiAggregates(k);
    return [`${top} AS "${k.id}:top"`, `${n} AS "${k.id}:n"`];
  });
  // The unused CTE types every parameter, since not every set's query refers to all of them.
  const sql = `WITH typed_params AS (SELECT $1::date, $2::date, $3::float8, $4::text[])
    SELECT subject_id, ${columns.join(",\n ")} FROM (${setQuery(set, subject, period)}) r GROUP BY subject_id`;
  return sql.replaceAll(":i9_hours", "$3::float8");
}

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function computeKpis(params: KpiParams, db: Queryable = pool): Promise<KpiRow[]> {
  const kpis = KPI_CATALOGUE.filter((k) => !params.kpiIds || params.kpiIds.includes(k.id));
  const args = [params.from, params.to, params.i9Hours ?? 1, params.subjectIds ?? null];
  const subjectIdSql = { officer: "officer_id", unit: unitId("officers"), office: "office_code" }[params.subject];
  const subjectTable = params.subject === "office" ? "offices" : "officers";
  const subjectSql = `SELECT DISTINCT ${subjectIdSql} AS id FROM ${subjectTable}
                       WHERE $1::text[] IS NULL OR ${subjectIdSql} = ANY ($1::text[]) ORDER BY 1`;

  const sets = [...new Set(kpis.map((k) => k.set))];
  const [subjects, ...perSet] = await Promise.all([
    db.query<{ id: string }>(subjectSql, [params.subjectIds ?? null]),
    ...sets.map((set) =>
      db.query<Record<string, unknown>>(
        aggregateQuery(
          set,
          params.subject,
          kpis.filter((k) => k.set === set),
          params,
        ),
        args,
      ),
    ),
  ]);

  const aggregates = new Map<string, Record<string, unknown>>();
  for (const result of perSet) {
    for (const row of result.rows) {
      const id = row.subject_id as string;
      aggregates.set(id, { ...aggregates.get(id), ...row });
    }
  }

  return subjects.rows.flatMap(({ id }) =>
    kpis.map((k) => {
      const agg = aggregates.get(id) ?? {};
      const top = toNumber(agg[`${k.id}:top`]);
      const n = toNumber(agg[`${k.id}:n`]) ?? 0;
      const base = {
        subjectType: params.subject,
        subjectId: id,
        periodFrom: params.from,
        periodTo: params.to,
        kpiId: k.id,
      };
      // A KPI whose set is empty has an empty value (docs/indicators.md, Scope).
      if (k.kind === "ratio")
        return { ...base, value: n > 0 ? (top ?? 0) / n : null, numerator: top ?? 0, denominator: n };
      return { ...base, value: n > 0 ? top : null, numerator: null, denominator: n };
    }),
  );
}
