// Mirror analysis (spec/kpis.md "Mirror analysis"): partners' declared exports (mirror_exports) against this
// country's declared imports, per partner × HS6 for one year, in one set-based statement. One row per
// mirror_exports row of the year; a partner × HS6 with exports but no declared import has M = 0.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";
import { AppError } from "@/lib/errors";

export type MirrorParams = { year: number; cifToFob?: number; minExportUsd?: number; minRelGap?: number };

export type MirrorRow = {
  partnerCountry: string;
  hs6: string;
  year: number;
  xFobUsd: number;
  mFobUsd: number;
  valueGapUsd: number;
  relGap: number | null;
  qtyGap: number | null;
  unitValueRatio: number | null;
  flagged: boolean;
  revenueAtStake: number | null;
};

type Queryable = Pick<PoolClient, "query">;

export async function computeMirror(params: MirrorParams, db: Queryable = pool): Promise<MirrorRow[]> {
  const { rows: rate } = await db.query<{ per_usd: string }>("SELECT per_usd FROM exchange_rates WHERE year = $1", [params.year]);
  if (!rate.length) throw new AppError("INVALID", `no exchange rate for ${params.year} in exchange_rates`);
  const { rows } = await db.query(
    `WITH imports AS (
        SELECT d.export_country AS partner_country, i.hs6, i.cif_value, i.net_kg, i.taxes
          FROM declarations d JOIN items i USING (decl_id)
         WHERE d.flow = 'I' AND d.reg_ts >= make_date($1, 1, 1) AND d.reg_ts < make_date($1 + 1, 1, 1)),
      m AS (
        SELECT partner_country, hs6, coalesce(sum(cif_value), 0)::float8 AS cif, coalesce(sum(net_kg), 0)::float8 AS kg
          FROM imports GROUP BY partner_country, hs6),
      -- Effective tax rate of an HS6 over the year's imports, all partners (the product's rate).
      tax AS (
        SELECT hs6, sum(taxes)::float8 / nullif(sum(cif_value), 0)::float8 AS rate FROM imports GROUP BY hs6),
      joined AS (
        SELECT x.partner_country, x.hs6, x.year, x.fob_usd::float8 AS x_fob, x.net_kg::float8 AS x_kg,
               coalesce(m.cif, 0) / $2::float8 / $3::float8 AS m_fob, coalesce(m.kg, 0) AS m_kg, t.rate
          FROM mirror_exports x
          LEFT JOIN m ON m.partner_country = x.partner_country AND m.hs6 = x.hs6
          LEFT JOIN tax t ON t.hs6 = x.hs6
         WHERE x.year = $1)
     SELECT partner_country AS "partnerCountry", hs6, year, x_fob AS "xFobUsd", m_fob AS "mFobUsd",
            x_fob - m_fob AS "valueGapUsd",
            (x_fob - m_fob) / nullif(x_fob, 0) AS "relGap",
            (x_kg - m_kg) / nullif(x_kg, 0) AS "qtyGap",
            (m_fob / nullif(m_kg, 0)) / nullif(x_fob / nullif(x_kg, 0), 0) AS "unitValueRatio",
            coalesce(x_fob >= $4 AND (x_fob - m_fob) / nullif(x_fob, 0) > $5, false) AS flagged,
            (x_fob - m_fob) * $2::float8 * rate AS "revenueAtStake"
       FROM joined
      ORDER BY partner_country, hs6`,
    [params.year, rate[0]!.per_usd, params.cifToFob ?? 1.06, params.minExportUsd ?? 100_000, params.minRelGap ?? 0.25],
  );
  return rows as MirrorRow[];
}
