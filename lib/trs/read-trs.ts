// The stored TRS tables (trs_results) as the screens and the report read them, narrowed to the offices the user may
// see. Never aggregates declarations (docs/decisions/021): what is not stored is shown as not computed yet.
import "server-only";
import { pool } from "@/lib/pg";
import type { Viewer } from "@/lib/auth/session-user";
import { officeCondition } from "@/lib/analysis/analysis-access";
import { TRS_INTERVAL_IDS, type TrsInterval, type TrsPeriod, type TrsRow } from "@/lib/trs/trs-intervals";
import { monthPeriod } from "@/lib/kernel/calendar";

export type StoredTrs = { rows: TrsRow[]; computedAt: Date; lastImportId: number | null } | null;

const ROW_COLUMNS = `office_code AS "officeCode", lane::text AS lane, interval, count, mean_h AS "meanH", median_h AS "medianH",
                     p90_h AS "p90H", censored`;
export async function readStoredTrs(user: Viewer, period: TrsPeriod): Promise<StoredTrs> {
  const scope = officeCondition(user, "office_code", 4);
  const { rows } = await pool.query<TrsRow & { computed_at: Date; last_import_id: number | null }>(
    `SELECT ${ROW_COLUMNS}, computed_at, last_import_id
       FROM trs_results
      WHERE period_from = $1::date AND period_to = $2::date AND ${scope.sql}
      ORDER BY trs_results.office_code, trs_results.lane, array_position($3::text[], trs_results.interval)`,
    [period.from, period.to, TRS_INTERVAL_IDS, ...scope.args],
  );
  // A period computed with no declaration of the user's offices still counts as computed.
  const { rows: meta } = await pool.query<{ computed_at: Date | null; last_import_id: number | null }>(
    `SELECT max(computed_at) AS computed_at, max(last_import_id) AS last_import_id
       FROM trs_results WHERE period_from = $1::date AND period_to = $2::date`,
    [period.from, period.to],
  );
  const computedAt = meta[0]?.computed_at ?? null;
  if (!computedAt) return null;
  return {
    rows: rows.map(({ computed_at: _c, last_import_id: _l, ...r }) => r),
    computedAt,
    lastImportId: meta[0]?.last_import_id ?? null,
  };
}

// The periods stored, latest first, for the period picker.
export async function storedTrsPeriods(limit = 24): Promise<TrsPeriod[]> {
  const { rows } = await pool.query<{ from: string; to: string }>(
    `SELECT DISTINCT period_from::text AS "from", period_to::text AS "to" FROM trs_results
      ORDER BY "to" DESC, "from" ASC LIMIT $1`,
    [limit],
  );
  return rows;
}

export type TrendMonth = {
  month: string;
  count: number | null;
  medianH: number | null;
  p90H: number | null;
  censored: number | null;
  stored: boolean;
};

// The stored calendar-month tables of one office, lane and interval, month by month (months not stored: stored false).
export async function readTrsTrend(
  user: Viewer,
  q: { officeCode: string; lane: string; interval: TrsInterval; months: string[] },
): Promise<TrendMonth[]> {
  if (!q.months.length) return [];
  const periods = q.months.map(monthPeriod);
  const scope = officeCondition(user, "office_code", 6);
  const { rows } = await pool.query<{
    month: string;
    count: number;
    median_h: number | null;
    p90_h: number | null;
    censored: number;
  }>(
    `SELECT to_char(period_from, 'YYYY-MM') AS month, count, median_h, p90_h, censored
       FROM trs_results
      WHERE office_code = $1 AND lane = $2::"Lane" AND interval = $3
        AND period_from = ANY($4::date[]) AND period_to = ANY($5::date[]) AND period_to = (date_trunc('month', period_from) + interval '1 month - 1 day')::date
        AND ${scope.sql}`,
    [q.officeCode, q.lane, q.interval, periods.map((p) => p.from), periods.map((p) => p.to), ...scope.args],
  );
  const { rows: storedMonths } = await pool.query<{ month: string }>(
    `SELECT DISTINCT to_char(period_from, 'YYYY-MM') AS month FROM trs_results
      WHERE period_from = ANY($1::date[]) AND period_to = ANY($2::date[])
        AND period_to = (date_trunc('month', period_from) + interval '1 month - 1 day')::date`,
    [periods.map((p) => p.from), periods.map((p) => p.to)],
  );
  const stored = new Set(storedMonths.map((r) => r.month));
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return q.months.map((month) => {
    const r = byMonth.get(month);
    return {
      month,
      count: r?.count ?? (stored.has(month) ? 0 : null),
      medianH: r?.median_h ?? null,
      p90H: r?.p90_h ?? null,
      censored: r?.censored ?? (stored.has(month) ? 0 : null),
      stored: stored.has(month),
    };
  });
}
