// Mirror analysis (docs/indicators.md "Mirror analysis"): partners' declared exports (mirror_exports) against this
// country's declared imports, per partner × HS6 for one year Y, in one set-based statement:
//   M_cif_usd = Σ items.cif_value / per_usd(Y) over import declarations (flow I) registered in Y with
//               export_country = partner (docs/indicators.md names no status filter, so cancelled ones count too);
//   M_fob = M_cif_usd / k (k = 1.06); X = fob_usd; value_gap = X − M_fob; rel_gap = value_gap / X;
//   qty_gap = (X_kg − M_kg) / X_kg; r = (M_fob / M_kg) / (X / X_kg);
//   flagged = X ≥ 100,000 USD and rel_gap > 0.25;
//   revenue at stake = value_gap × per_usd(Y) × the HS6's effective tax rate, Σ taxes / Σ cif_value over the
//   year's imports of that HS6 from every partner (a partner with no declared import still has a rate to apply).
// One row per mirror_exports row of the year; a partner × HS6 with exports but no declared import has M = 0.
// Sums are taken in float8 (the result is a float anyway; numeric sums cost a third of the time here).
import "server-only";
import type { PoolClient } from "pg";
import { inTransaction } from "@/lib/pg";
import { AppError } from "@/lib/kernel/app-error";

export const MIRROR_DEFAULTS = { cifToFob: 1.06, minExportUsd: 100_000, minRelGap: 0.25 } as const;

export type MirrorParams = { year: number; cifToFob?: number; minExportUsd?: number; minRelGap?: number };

export type MirrorRow = {
  partnerCountry: string;
  hs6: string;
  year: number;
  xFobUsd: number;
  xKg: number | null;
  mFobUsd: number;
  mKg: number;
  valueGapUsd: number;
  relGap: number | null;
  qtyGap: number | null;
  unitValueRatio: number | null;
  taxRate: number | null;
  flagged: boolean;
  revenueAtStake: number | null;
};

export type MirrorTable = {
  rows: MirrorRow[];
  perUsd: number;
  params: { cifToFob: number; minExportUsd: number; minRelGap: number };
};

type Queryable = Pick<PoolClient, "query">;

const WORK_MEM = "64MB";

export const MIRROR_SQL = `
  WITH m AS (
      SELECT d.export_country AS partner_country, i.hs6,
             sum(i.cif_value::float8) AS cif, sum(i.net_kg::float8) AS kg, sum(i.taxes::float8) AS taxes
        FROM declarations d JOIN items i ON i.decl_id = d.decl_id
       WHERE d.flow = 'I' AND d.reg_ts >= make_date($1, 1, 1) AND d.reg_ts < make_date($1 + 1, 1, 1)
       GROUP BY d.export_country, i.hs6),
    -- The HS6's effective tax rate over the year's imports, all partners (the product's rate).
    tax AS (SELECT hs6, sum(taxes) / nullif(sum(cif), 0) AS rate FROM m GROUP BY hs6),
    joined AS (
      SELECT x.partner_country, x.hs6, x.year, x.fob_usd::float8 AS x_fob, x.net_kg::float8 AS x_kg,
             coalesce(m.cif, 0) / $2::float8 / $3::float8 AS m_fob, coalesce(m.kg, 0) AS m_kg, t.rate
        FROM mirror_exports x
        LEFT JOIN m ON m.partner_country = x.partner_country AND m.hs6 = x.hs6
        LEFT JOIN tax t ON t.hs6 = x.hs6
       WHERE x.year = $1)
  SELECT partner_country AS "partnerCountry", hs6, year, x_fob AS "xFobUsd", x_kg AS "xKg", m_fob AS "mFobUsd",
         m_kg AS "mKg", x_fob - m_fob AS "valueGapUsd",
         (x_fob - m_fob) / nullif(x_fob, 0) AS "relGap",
         (x_kg - m_kg) / nullif(x_kg, 0) AS "qtyGap",
         (m_fob / nullif(m_kg, 0)) / nullif(x_fob / nullif(x_kg, 0), 0) AS "unitValueRatio",
         rate AS "taxRate",
         coalesce(x_fob >= $4 AND (x_fob - m_fob) / nullif(x_fob, 0) > $5, false) AS flagged,
         (x_fob - m_fob) * $2::float8 * rate AS "revenueAtStake"
    FROM joined
   ORDER BY partner_country, hs6`;

export async function exchangeRateOrThrow(year: number, db: Queryable): Promise<number> {
  const { rows } = await db.query<{ per_usd: string }>("SELECT per_usd FROM exchange_rates WHERE year = $1", [year]);
  if (!rows.length) throw new AppError("INVALID", `no exchange rate for ${year} in exchange_rates`);
  return Number(rows[0]!.per_usd);
}

export async function computeMirrorTable(params: MirrorParams, db?: Queryable): Promise<MirrorTable> {
  const used = {
    cifToFob: params.cifToFob ?? MIRROR_DEFAULTS.cifToFob,
    minExportUsd: params.minExportUsd ?? MIRROR_DEFAULTS.minExportUsd,
    minRelGap: params.minRelGap ?? MIRROR_DEFAULTS.minRelGap,
  };
  const run = async (client: Queryable): Promise<MirrorTable> => {
    const perUsd = await exchangeRateOrThrow(params.year, client);
    await client.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    const { rows } = await client.query<MirrorRow>(MIRROR_SQL, [
      params.year,
      perUsd,
      used.cifToFob,
      used.minExportUsd,
      used.minRelGap,
    ]);
    return { rows, perUsd, params: used };
  };
  return db ? run(db) : inTransaction(run);
}

export async function computeMirror(params: MirrorParams, db?: Queryable): Promise<MirrorRow[]> {
  return (await computeMirrorTable(params, db)).rows;
}
