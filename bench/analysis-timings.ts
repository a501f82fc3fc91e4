// The TRS and mirror part of bench:kpis: the product's TRS table (lib/trs/compute-trs.ts) over one quarter and over
// the year, and its mirror table (lib/mirror/compute-mirror.ts) for the year, each against a statement an analyst
// would write by hand for the same table (one SELECT per TRS interval with percentile_cont; the mirror with numeric
// sums), interleaved so both see the same machine load. Target: each table in under 10 s on 1,000,000 declarations.
import { computeTrs, TRS_INTERVALS } from "@/lib/trs/compute-trs";
import { computeMirror } from "@/lib/mirror/compute-mirror";
import { pool } from "@/lib/pg";
import { round } from "./support";

const QUARTER = { from: "2025-04-01", to: "2025-06-30" };
const YEAR = { from: "2025-01-01", to: "2025-12-31" };
const MIRROR_YEAR = 2025;
const ROUNDS = 3;

export const ANALYSIS_TARGETS = { trsQuarterSeconds: 10, trsYearSeconds: 10, mirrorYearSeconds: 10 };

// $1 from, $2 to; as_of = to + 1 day.
const HAND_WRITTEN_TRS = TRS_INTERVALS.map(
  (i) => `
  SELECT office_code, lane_final, '${i.id}' AS interval,
         count(*) FILTER (WHERE ${i.end} <= $2::date + 1) AS count,
         avg(extract(epoch FROM ${i.end} - ${i.start}) / 3600) FILTER (WHERE ${i.end} <= $2::date + 1) AS mean_h,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${i.end} - ${i.start}) / 3600) FILTER (WHERE ${i.end} <= $2::date + 1) AS median_h,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ${i.end} - ${i.start}) / 3600) FILTER (WHERE ${i.end} <= $2::date + 1) AS p90_h,
         count(*) FILTER (WHERE ${i.end} IS NULL OR ${i.end} > $2::date + 1) AS censored
    FROM declarations
   WHERE reg_ts >= $1::date AND reg_ts < $2::date + 1 AND status <> 'cancelled' AND ${i.start} IS NOT NULL
   GROUP BY office_code, lane_final`,
).join("\n  UNION ALL");

const HAND_WRITTEN_MIRROR = `
  WITH m AS (
    SELECT d.export_country, i.hs6, sum(i.cif_value) AS cif, sum(i.net_kg) AS kg
      FROM declarations d JOIN items i USING (decl_id)
     WHERE d.flow = 'I' AND d.reg_ts >= make_date($1, 1, 1) AND d.reg_ts < make_date($1 + 1, 1, 1)
     GROUP BY 1, 2),
  t AS (
    SELECT i.hs6, sum(i.taxes) / nullif(sum(i.cif_value), 0) AS rate
      FROM declarations d JOIN items i USING (decl_id)
     WHERE d.flow = 'I' AND d.reg_ts >= make_date($1, 1, 1) AND d.reg_ts < make_date($1 + 1, 1, 1)
     GROUP BY 1)
  SELECT x.partner_country, x.hs6, x.fob_usd, coalesce(m.cif, 0) / r.per_usd / 1.06 AS m_fob,
         x.fob_usd - coalesce(m.cif, 0) / r.per_usd / 1.06 AS value_gap,
         (x.fob_usd - coalesce(m.cif, 0) / r.per_usd / 1.06) / nullif(x.fob_usd, 0) AS rel_gap,
         (x.net_kg - coalesce(m.kg, 0)) / nullif(x.net_kg, 0) AS qty_gap,
         (coalesce(m.cif, 0) / r.per_usd / 1.06 / nullif(m.kg, 0)) / nullif(x.fob_usd / nullif(x.net_kg, 0), 0) AS uv_ratio,
         x.fob_usd >= 100000 AND (x.fob_usd - coalesce(m.cif, 0) / r.per_usd / 1.06) / nullif(x.fob_usd, 0) > 0.25 AS flagged,
         (x.fob_usd - coalesce(m.cif, 0) / r.per_usd / 1.06) * r.per_usd * t.rate AS revenue_at_stake
    FROM mirror_exports x
    JOIN exchange_rates r ON r.year = x.year
    LEFT JOIN m ON m.export_country = x.partner_country AND m.hs6 = x.hs6
    LEFT JOIN t ON t.hs6 = x.hs6
   WHERE x.year = $1`;

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

async function compare(engine: () => Promise<unknown>, handWritten: () => Promise<unknown>) {
  let e = Infinity;
  let h = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    e = Math.min(e, await seconds(engine));
    h = Math.min(h, await seconds(handWritten));
  }
  return { engineSeconds: round(e, 3), handWrittenSeconds: round(h, 3), ratio: round(e / h) };
}

export async function timeAnalysis() {
  const trsQuarter = await compare(
    () => computeTrs(QUARTER),
    () => pool.query(HAND_WRITTEN_TRS, [QUARTER.from, QUARTER.to]),
  );
  const trsYear = await compare(
    () => computeTrs(YEAR),
    () => pool.query(HAND_WRITTEN_TRS, [YEAR.from, YEAR.to]),
  );
  const mirrorYear = await compare(
    () => computeMirror({ year: MIRROR_YEAR }),
    () => pool.query(HAND_WRITTEN_MIRROR, [MIRROR_YEAR]),
  );
  return {
    trs: { quarter: { period: QUARTER, ...trsQuarter }, year: { period: YEAR, ...trsYear } },
    mirror: { year: MIRROR_YEAR, ...mirrorYear },
  };
}
