// The distribution of one interval's durations for one office, lane and period (the TRS distribution screen):
// computed on demand over that office's declarations (the (office_code, reg_ts) index), set-based with width_bucket.
// Same set as the TRS table: registered in the period, not cancelled, both ends present and the end not after as_of;
// the censored ones are counted beside it.
import "server-only";
import { pool } from "@/lib/pg";
import { TRS_INTERVALS, type TrsInterval, type TrsPeriod } from "@/lib/trs/trs-intervals";
import { histogramBars, histogramBins, type HistogramBar, type Bins } from "@/lib/trs/histogram-bins";

export type TrsHistogram = {
  bars: HistogramBar[];
  bins: Bins | null;
  complete: number;
  censored: number;
  p99: number | null;
};

export async function trsHistogram(
  q: TrsPeriod & { officeCode: string; lane: string; interval: TrsInterval },
): Promise<TrsHistogram> {
  const { start, end } = TRS_INTERVALS.find((i) => i.id === q.interval)!;
  // Columns come from TRS_INTERVALS, never from the request.
  const durations = `
    SELECT date_part('epoch', ${end} - ${start}) / 3600 AS h,
           ${end} IS NOT NULL AND ${end} <= ($2::date + 1)::timestamp AS complete
      FROM declarations
     WHERE office_code = $3 AND lane_final = $4::"Lane" AND reg_ts >= $1::date AND reg_ts < ($2::date + 1)::timestamp
       AND status <> 'cancelled' AND ${start} IS NOT NULL`;
  const args = [q.from, q.to, q.officeCode, q.lane];
  const { rows: stats } = await pool.query<{
    complete: number;
    censored: number;
    min: number | null;
    p99: number | null;
  }>(
    `SELECT count(*) FILTER (WHERE complete)::int AS complete, count(*) FILTER (WHERE NOT complete)::int AS censored,
            min(h) FILTER (WHERE complete) AS min,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY h) FILTER (WHERE complete) AS p99
       FROM (${durations}) s`,
    args,
  );
  const { complete, censored, min, p99 } = stats[0]!;
  if (!complete || min === null || p99 === null) return { bars: [], bins: null, complete, censored, p99 };
  const bins = histogramBins(min, p99);
  const { rows } = await pool.query<{ bucket: number; n: number }>(
    `SELECT width_bucket(h, $5::float8, $6::float8, $7::int) AS bucket, count(*)::int AS n
       FROM (${durations}) s WHERE complete GROUP BY 1`,
    [...args, bins.lower, bins.lower + bins.width * bins.count, bins.count],
  );
  return { bars: histogramBars(bins, rows), bins, complete, censored, p99 };
}
