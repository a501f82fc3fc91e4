// Unit-value box plots by HS6 × origin (UNIT_VALUE, docs/indicators.md "Flags"): per group, the quartiles and Tukey
// whiskers of ln(cif_value / net_kg) over the items of the period's declarations (B, net_kg > 0, cif_value > 0),
// as detection groups them — all offices, since the reference of a group is national — computed in SQL
// (box-plot.ts is the reference of the same definitions). The flagged items the viewer may see are the points.
// Groups: those of an HS6 code when one is asked, else the groups with the most flagged items.
import "server-only";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { flagVisibilityWhere, type FlagViewer } from "@/lib/integrity/flag-evidence";
import { assertIntegrityViewer } from "@/lib/integrity/integrity-scope";
import type { BoxStats } from "@/lib/integrity/box-plot";

export const MAX_GROUPS = 12;

export type FlaggedItem = { flagId: number; declId: string; itemNo: number; logUnitValue: number; m: number | null };
export type UnitValueGroup = { hs6: string; originCountry: string; stats: BoxStats; flagged: FlaggedItem[] };

type Query = { from: string; to: string; hs6?: string; minGroup?: number; flagId?: number };

export async function unitValueBoxes(viewer: FlagViewer, q: Query): Promise<UnitValueGroup[]> {
  assertIntegrityViewer(viewer);
  const flags = await db.flag.findMany({
    where: {
      AND: [
        flagVisibilityWhere(viewer),
        { method: "UNIT_VALUE", periodFrom: new Date(`${q.from}T00:00:00Z`), periodTo: new Date(`${q.to}T00:00:00Z`) },
        q.flagId ? { id: q.flagId } : {},
        q.hs6 ? { stats: { path: ["hs6"], equals: q.hs6 } } : {},
      ],
    },
    select: { id: true, subjectId: true, relatedId: true, stats: true },
  });
  const flagged = flags.map((f) => {
    const s = f.stats as Record<string, unknown>;
    return {
      flagId: f.id,
      declId: f.subjectId,
      itemNo: Number(f.relatedId),
      hs6: String(s.hs6),
      originCountry: String(s.originCountry),
      logUnitValue: Number(s.logUnitValue),
      m: typeof s.m === "number" ? s.m : null,
    };
  });
  // The groups asked for: every origin of an HS6 code, or the groups of the flagged items (most flagged first).
  const perGroup = new Map<string, number>();
  for (const f of flagged)
    perGroup.set(`${f.hs6}|${f.originCountry}`, (perGroup.get(`${f.hs6}|${f.originCountry}`) ?? 0) + 1);
  const chosen = q.hs6
    ? []
    : [...perGroup]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, MAX_GROUPS)
        .map(([k]) => k.split("|") as [string, string]);
  if (!q.hs6 && !chosen.length) return [];

  const { rows } = await pool.query<{
    hs6: string;
    origin_country: string;
    n: number;
    q1: number;
    median: number;
    q3: number;
    whisker_low: number;
    whisker_high: number;
    outliers: number;
  }>(
    `WITH it AS (
        SELECT i.hs6, i.origin_country, ln(i.cif_value::float8 / i.net_kg::float8) AS x
          FROM items i JOIN declarations d USING (decl_id)
         WHERE d.reg_ts >= $1::date::timestamp AND d.reg_ts < ($2::date + 1)::timestamp AND d.status <> 'cancelled'
           AND i.net_kg > 0 AND i.cif_value > 0
           AND (CASE WHEN $3::text <> '' THEN i.hs6 = $3
                     ELSE (i.hs6, i.origin_country) IN (SELECT * FROM unnest($4::text[], $5::text[])) END)),
      q AS (
        SELECT hs6, origin_country, count(*)::int AS n,
               percentile_cont(0.25) WITHIN GROUP (ORDER BY x) AS q1,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS median,
               percentile_cont(0.75) WITHIN GROUP (ORDER BY x) AS q3
          FROM it GROUP BY hs6, origin_country HAVING count(*) >= $6)
     SELECT q.hs6, q.origin_country, q.n, q.q1, q.median, q.q3,
            min(it.x) FILTER (WHERE it.x >= q.q1 - 1.5 * (q.q3 - q.q1)) AS whisker_low,
            max(it.x) FILTER (WHERE it.x <= q.q3 + 1.5 * (q.q3 - q.q1)) AS whisker_high,
            (count(*) FILTER (WHERE it.x < q.q1 - 1.5 * (q.q3 - q.q1) OR it.x > q.q3 + 1.5 * (q.q3 - q.q1)))::int AS outliers
       FROM q JOIN it USING (hs6, origin_country)
      GROUP BY q.hs6, q.origin_country, q.n, q.q1, q.median, q.q3
      ORDER BY q.n DESC, q.hs6, q.origin_country
      LIMIT ${MAX_GROUPS}`,
    [q.from, q.to, q.hs6 ?? "", chosen.map((c) => c[0]), chosen.map((c) => c[1]), q.minGroup ?? 20],
  );
  const order = new Map(chosen.map(([h, o], i) => [`${h}|${o}`, i]));
  return rows
    .map((r) => ({
      hs6: r.hs6,
      originCountry: r.origin_country,
      stats: {
        n: r.n,
        q1: r.q1,
        median: r.median,
        q3: r.q3,
        whiskerLow: r.whisker_low,
        whiskerHigh: r.whisker_high,
        outliers: r.outliers,
      },
      flagged: flagged
        .filter((f) => f.hs6 === r.hs6 && f.originCountry === r.origin_country)
        .map(({ flagId, declId, itemNo, logUnitValue, m }) => ({ flagId, declId, itemNo, logUnitValue, m })),
    }))
    .sort((a, b) => (order.get(`${a.hs6}|${a.originCountry}`) ?? 0) - (order.get(`${b.hs6}|${b.originCountry}`) ?? 0));
}
