// Peak and off-peak for one office and period (the TRS peaks screen): declarations registered per ISO weekday ×
// hour of registration, with the median registration → release of those released by as_of and the count not
// released, and the same split by office hours (open_time–close_time on the office's workdays) against outside them.
// Computed on demand over that office's declarations (the (office_code, reg_ts) index), set-based.
import "server-only";
import { pool } from "@/lib/pg";
import type { TrsPeriod } from "@/lib/trs/trs-intervals";

export type PeakCell = {
  weekday: number;
  hour: number;
  declarations: number;
  medianH: number | null;
  released: number;
  notReleased: number;
};
export type HoursSplit = {
  withinHours: boolean;
  declarations: number;
  medianH: number | null;
  p90H: number | null;
  notReleased: number;
};

const SET = `
  FROM declarations d JOIN offices o ON o.office_code = d.office_code
 WHERE d.office_code = $3 AND d.reg_ts >= $1::date AND d.reg_ts < ($2::date + 1)::timestamp AND d.status <> 'cancelled'`;
const RELEASED = "d.release_ts <= ($2::date + 1)::timestamp";
const HOURS = "date_part('epoch', d.release_ts - d.reg_ts) / 3600";

export async function trsPeaks(
  q: TrsPeriod & { officeCode: string },
): Promise<{ cells: PeakCell[]; split: HoursSplit[] }> {
  const args = [q.from, q.to, q.officeCode];
  const [cells, split] = await Promise.all([
    pool.query<PeakCell>(
      `SELECT extract(isodow FROM d.reg_ts)::int AS weekday, extract(hour FROM d.reg_ts)::int AS hour,
              count(*)::int AS declarations,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS}) FILTER (WHERE ${RELEASED}) AS "medianH",
              count(*) FILTER (WHERE ${RELEASED})::int AS released,
              count(*) FILTER (WHERE d.release_ts IS NULL OR NOT ${RELEASED})::int AS "notReleased"
       ${SET}
        GROUP BY 1, 2 ORDER BY 1, 2`,
      args,
    ),
    pool.query<HoursSplit>(
      `SELECT (extract(isodow FROM d.reg_ts)::int = ANY(o.workdays)
               AND d.reg_ts::time >= o.open_time::time AND d.reg_ts::time < o.close_time::time) AS "withinHours",
              count(*)::int AS declarations,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS}) FILTER (WHERE ${RELEASED}) AS "medianH",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS}) FILTER (WHERE ${RELEASED}) AS "p90H",
              count(*) FILTER (WHERE d.release_ts IS NULL OR NOT ${RELEASED})::int AS "notReleased"
       ${SET}
        GROUP BY 1 ORDER BY 1 DESC`,
      args,
    ),
  ]);
  return { cells: cells.rows, split: split.rows };
}
