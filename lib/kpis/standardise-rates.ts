// Fair comparison of an officer's rates (docs/indicators.md, "Fair comparison"): indirect standardisation over the
// strata of his office's own declarations of the period, lane at selectivity × HS chapter (of the declaration's first
// item), so that an officer who gets the red-lane vehicles is compared with what the office achieves on red-lane
// vehicles. For each rate KPI of the declarations set (B) with a counted numerator: O = the officer's numerator,
// E = Σ over strata of his population there × the office's rate there, O/E with its interval (observed-expected.ts).
// The rows are the KPI engine's own (compute-kpis.ts setQuery, the catalogue's predicates), aggregated in one
// statement per call.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";
import { KPI_CATALOGUE, type KpiId } from "@/lib/kpis/catalogue";
import { setQuery } from "@/lib/kpis/compute-kpis";
import { observedExpected, type ObservedExpected } from "@/lib/kpis/observed-expected";
import { STANDARDISED_KPIS } from "@/lib/kpis/standardised-kpis";

export { STANDARDISED_KPIS };

type Queryable = Pick<PoolClient, "query">;

export type Standardised = ObservedExpected & { kpiId: KpiId; officerId: string };

export async function standardiseRates(
  params: { from: string; to: string; officerIds: readonly string[]; kpiIds?: readonly KpiId[]; i9Hours?: number },
  db: Queryable = pool,
): Promise<Standardised[]> {
  const kpis = KPI_CATALOGUE.filter(
    (k) => STANDARDISED_KPIS.includes(k.id) && (!params.kpiIds || params.kpiIds.includes(k.id)),
  );
  if (!kpis.length || !params.officerIds.length) return [];
  const flags = kpis.flatMap((k, i) => {
    const numerator = (k.numerator as { count: string }).count;
    return [`(${k.population}) AS pop${i}`, `((${k.population}) AND (${numerator})) AS hit${i}`];
  });
  const counts = kpis.flatMap((_, i) => [
    `count(*) FILTER (WHERE pop${i})::float8 AS n${i}`,
    `count(*) FILTER (WHERE hit${i})::float8 AS x${i}`,
  ]);
  const sums = kpis.flatMap((_, i) => [
    `sum(s.x${i}) AS observed${i}`,
    `sum(s.n${i}) AS n${i}`,
    `sum(s.n${i} * CASE WHEN o.n${i} > 0 THEN o.x${i} / o.n${i} ELSE 0 END) AS expected${i}`,
  ]);
  const sql = `WITH typed_params AS (SELECT $1::date, $2::date, $3::float8, $4::text[], $5::text[]),
    b AS (SELECT r.subject_id, r.office_code, r.lane_initial::text AS lane,
                 coalesce((SELECT left(i.hs_code, 2) FROM items i WHERE i.decl_id = r.decl_id ORDER BY i.item_no LIMIT 1), '')
                   AS chapter,
                 ${flags.join(", ")}
            FROM (${setQuery("B", "officer", params)}) r
           WHERE r.office_code IN (SELECT office_code FROM officers WHERE officer_id = ANY ($5::text[]))),
    office AS (SELECT office_code, lane, chapter, ${counts.join(", ")} FROM b GROUP BY 1, 2, 3),
    own AS (SELECT subject_id, office_code, lane, chapter, ${counts.join(", ")} FROM b
             WHERE subject_id = ANY ($5::text[]) GROUP BY 1, 2, 3, 4)
    SELECT s.subject_id, ${sums.join(", ")}
      FROM own s JOIN office o USING (office_code, lane, chapter)
     GROUP BY s.subject_id`;
  const { rows } = await db.query<Record<string, number | string>>(sql.replaceAll(":i9_hours", "$3::float8"), [
    params.from,
    params.to,
    params.i9Hours ?? 1,
    null,
    params.officerIds,
  ]);
  return rows.flatMap((row) =>
    kpis.flatMap((k, i) => {
      const n = Number(row[`n${i}`]);
      if (!(n > 0)) return [];
      return [
        {
          kpiId: k.id,
          officerId: String(row.subject_id),
          ...observedExpected(Number(row[`observed${i}`]), Number(row[`expected${i}`]), n),
        },
      ];
    }),
  );
}
