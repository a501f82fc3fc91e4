// Baselines: for each KPI, the distribution of its values over the subjects of a period (n, p10, p25, median, p75,
// p90), over every subject (group "ALL") and, for officers, over the officers of each office or unit. The values
// are the KPI engine's own (compute-kpis.ts), so a baseline is exactly what `pmc kpis` gives for the same period;
// the percentiles are taken inside PostgreSQL with percentile_cont, one grouping-sets statement for every KPI and
// group. Used by `pmc baselines`, the contract and template forms and the dashboards.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";
import { KPI_IDS, type KpiId } from "@/lib/kpis/catalogue";
import { computeKpis, unitId, type KpiRow, type KpiSubjectType } from "@/lib/kpis/compute-kpis";

type Queryable = Pick<PoolClient, "query">;

// "ALL" for every subject of the period; an office code; or "OFFICE/UNIT" for the officers of a unit.
export type BaselineGroupKind = "office" | "unit";

export type BaselineRow = {
  kpiId: KpiId;
  group: string;
  nSubjects: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
};

export const ALL_GROUP = "ALL";

export type SubjectValue = { subjectId: string; kpiId: string; value: number | null };

// The percentiles of the given values per KPI, over all subjects and per group of officers. Subjects without a
// value are left out; a group without any value has no row. Rows come in catalogue order, ALL first, then the
// groups in alphabetical order.
export async function baselinesOf(
  values: readonly SubjectValue[],
  subject: KpiSubjectType,
  groupBy: readonly BaselineGroupKind[],
  db: Queryable = pool,
): Promise<BaselineRow[]> {
  const kept = values.filter((v) => v.value !== null && Number.isFinite(v.value));
  if (!kept.length) return [];
  const groupings = subject === "officer" ? groupBy : [];
  const groupExpr = (kind: BaselineGroupKind) => (kind === "office" ? "o.office_code" : unitId("o"));
  const sets = ["(v.kpi_id)", ...groupings.map((g) => `(v.kpi_id, ${groupExpr(g)})`)];
  // GROUPING() tells the ALL row from a group; an officer missing from officers (impossible through the import's
  // checks) would only count in ALL.
  const groupColumn = groupings.length
    ? `CASE ${groupings
        .map((g) => `WHEN GROUPING(${groupExpr(g)}) = 0 THEN ${groupExpr(g)}`)
        .join(" ")} ELSE '${ALL_GROUP}' END`
    : `'${ALL_GROUP}'`;
  const join = groupings.length ? "LEFT JOIN officers o ON o.officer_id = v.subject_id" : "";
  const { rows } = await db.query<{
    kpi_id: KpiId;
    grp: string | null;
    n: number;
    p: number[];
  }>(
    `SELECT v.kpi_id, ${groupColumn} AS grp, count(*)::int AS n,
            percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]::float8[]) WITHIN GROUP (ORDER BY v.value) AS p
       FROM unnest($1::text[], $2::text[], $3::float8[]) AS v(subject_id, kpi_id, value) ${join}
      GROUP BY GROUPING SETS (${sets.join(", ")})`,
    [kept.map((v) => v.subjectId), kept.map((v) => v.kpiId), kept.map((v) => v.value)],
  );
  const order = (id: string) => KPI_IDS.indexOf(id as KpiId);
  return rows
    .filter((r) => r.grp !== null)
    .map((r) => ({
      kpiId: r.kpi_id,
      group: r.grp!,
      nSubjects: r.n,
      p10: r.p[0]!,
      p25: r.p[1]!,
      p50: r.p[2]!,
      p75: r.p[3]!,
      p90: r.p[4]!,
    }))
    .sort(
      (a, b) =>
        order(a.kpiId) - order(b.kpiId) ||
        Number(b.group === ALL_GROUP) - Number(a.group === ALL_GROUP) ||
        (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
    );
}

export type BaselineParams = {
  from: string;
  to: string;
  subject: "officer" | "office";
  kpiIds?: readonly KpiId[];
  groupBy?: readonly BaselineGroupKind[];
};

// Computes the KPI values of every subject of the period (the engine of `pmc kpis`) and their baselines.
export async function computeBaselines(
  params: BaselineParams,
  db: Queryable = pool,
): Promise<{ baselines: BaselineRow[]; values: KpiRow[] }> {
  const values = await computeKpis(
    { from: params.from, to: params.to, subject: params.subject, kpiIds: params.kpiIds },
    db,
  );
  const baselines = await baselinesOf(values, params.subject, params.groupBy ?? ["office"], db);
  return { baselines, values };
}
