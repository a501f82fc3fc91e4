// The stored mirror table (mirror_results) as the ranking screen reads it: flagged rows first, then by revenue at
// stake (rows without a tax rate last), then by value gap; paged on the server. The table is national (partners
// report exports to the country, not to an office), so every analysis user sees the same ranking.
import "server-only";
import { pool } from "@/lib/pg";
import type { MirrorRow } from "@/lib/mirror/compute-mirror";

export const MIRROR_PAGE_SIZE = 50;

export type StoredMirrorMeta = {
  computedAt: Date;
  lastImportId: number | null;
  perUsd: number;
  cifToFob: number;
  minExportUsd: number;
  minRelGap: number;
  rows: number;
  flagged: number;
  revenueFlagged: number;
};

export type MirrorRanking = { meta: StoredMirrorMeta | null; rows: MirrorRow[]; page: number; pageCount: number };

export const MIRROR_COLUMNS = `partner_country AS "partnerCountry", hs6, year, x_fob_usd AS "xFobUsd", x_kg AS "xKg",
  m_fob_usd AS "mFobUsd", m_kg AS "mKg", value_gap_usd AS "valueGapUsd", rel_gap AS "relGap", qty_gap AS "qtyGap",
  unit_value_ratio AS "unitValueRatio", tax_rate AS "taxRate", flagged, revenue_at_stake AS "revenueAtStake"`;

export const MIRROR_ORDER = "flagged DESC, revenue_at_stake DESC NULLS LAST, value_gap_usd DESC, partner_country, hs6";

export async function storedMirrorMeta(year: number): Promise<StoredMirrorMeta | null> {
  const { rows } = await pool.query<StoredMirrorMeta & { computedAt: Date | null }>(
    `SELECT max(computed_at) AS "computedAt", max(last_import_id) AS "lastImportId", max(per_usd) AS "perUsd",
            max(cif_to_fob) AS "cifToFob", max(min_export_usd) AS "minExportUsd", max(min_rel_gap) AS "minRelGap",
            count(*)::int AS rows, count(*) FILTER (WHERE flagged)::int AS flagged,
            coalesce(sum(revenue_at_stake) FILTER (WHERE flagged), 0) AS "revenueFlagged"
       FROM mirror_results WHERE year = $1`,
    [year],
  );
  return rows[0]?.computedAt ? rows[0] : null;
}

export async function readMirrorRanking(
  year: number,
  page: number,
  options: { flaggedOnly?: boolean } = {},
): Promise<MirrorRanking> {
  const meta = await storedMirrorMeta(year);
  if (!meta) return { meta: null, rows: [], page: 1, pageCount: 0 };
  const total = options.flaggedOnly ? meta.flagged : meta.rows;
  const pageCount = Math.max(1, Math.ceil(total / MIRROR_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const { rows } = await pool.query<MirrorRow>(
    `SELECT ${MIRROR_COLUMNS} FROM mirror_results WHERE year = $1 ${options.flaggedOnly ? "AND flagged" : ""}
      ORDER BY ${MIRROR_ORDER} LIMIT $2 OFFSET $3`,
    [year, MIRROR_PAGE_SIZE, (current - 1) * MIRROR_PAGE_SIZE],
  );
  return { meta, rows, page: current, pageCount };
}

export async function allMirrorRows(year: number): Promise<MirrorRow[]> {
  const { rows } = await pool.query<MirrorRow>(
    `SELECT ${MIRROR_COLUMNS} FROM mirror_results WHERE year = $1 ORDER BY ${MIRROR_ORDER}`,
    [year],
  );
  return rows;
}

export async function storedMirrorRow(year: number, partnerCountry: string, hs6: string): Promise<MirrorRow | null> {
  const { rows } = await pool.query<MirrorRow>(
    `SELECT ${MIRROR_COLUMNS} FROM mirror_results WHERE year = $1 AND partner_country = $2 AND hs6 = $3`,
    [year, partnerCountry, hs6],
  );
  return rows[0] ?? null;
}

// The years a mirror table can be asked for (partner exports and an exchange rate) or is stored for, latest first.
export async function mirrorYears(): Promise<number[]> {
  const { rows } = await pool.query<{ year: number }>(
    `SELECT year FROM (SELECT DISTINCT x.year FROM mirror_exports x JOIN exchange_rates r ON r.year = x.year
                       UNION SELECT DISTINCT year FROM mirror_results) y ORDER BY year DESC`,
  );
  return rows.map((r) => r.year);
}
