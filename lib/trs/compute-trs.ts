// Time Release Study table (spec/kpis.md "TRS"): per office × lane_final, over declarations registered in the
// period and not cancelled, each interval's count, mean, median and p90 in hours over declarations with both ends
// present and the end not after as_of; declarations whose start is present but whose end is missing or after as_of
// are counted as right-censored, never dropped. One set-based statement.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";

export const TRS_INTERVALS = [
  { id: "arrival_reg", start: "arrival_ts", end: "reg_ts" },
  { id: "reg_asmt", start: "reg_ts", end: "asmt_ts" },
  { id: "asmt_pay", start: "asmt_ts", end: "pay_ts" },
  { id: "pay_release", start: "pay_ts", end: "release_ts" },
  { id: "reg_release", start: "reg_ts", end: "release_ts" },
  { id: "arrival_release", start: "arrival_ts", end: "release_ts" },
] as const;

export type TrsInterval = (typeof TRS_INTERVALS)[number]["id"];

export type TrsRow = {
  officeCode: string;
  lane: string;
  interval: TrsInterval;
  count: number;
  meanH: number | null;
  medianH: number | null;
  p90H: number | null;
  censored: number;
};

type Queryable = Pick<PoolClient, "query">;

export async function computeTrs(period: { from: string; to: string }, db: Queryable = pool): Promise<TrsRow[]> {
  const values = TRS_INTERVALS.map((i) => `('${i.id}', ${i.start}, ${i.end})`).join(", ");
  const { rows } = await db.query(
    `WITH d AS (
        SELECT office_code, lane_final::text AS lane, arrival_ts, reg_ts, asmt_ts, pay_ts, release_ts
          FROM declarations
         WHERE reg_ts >= $1::date::timestamp AND reg_ts < ($2::date + 1)::timestamp AND status <> 'cancelled'),
      spans AS (
        SELECT d.office_code, d.lane, v.interval, v.t0, v.t1,
               v.t0 IS NOT NULL AND v.t1 IS NOT NULL AND v.t1 <= ($2::date + 1)::timestamp AS complete,
               extract(epoch FROM v.t1 - v.t0)::float8 / 3600 AS hours
          FROM d CROSS JOIN LATERAL (VALUES ${values}) AS v(interval, t0, t1))
     SELECT office_code AS "officeCode", lane, interval,
            count(*) FILTER (WHERE complete)::int AS count,
            avg(hours) FILTER (WHERE complete) AS "meanH",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE complete) AS "medianH",
            percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE complete) AS "p90H",
            count(*) FILTER (WHERE t0 IS NOT NULL AND NOT complete)::int AS censored
       FROM spans
      GROUP BY office_code, lane, interval`,
    [period.from, period.to],
  );
  const order = new Map(TRS_INTERVALS.map((i, n) => [i.id as string, n]));
  const laneRank: Record<string, number> = { G: 0, B: 1, Y: 2, R: 3 };
  return (rows as TrsRow[]).sort(
    (a, b) =>
      a.officeCode.localeCompare(b.officeCode) || laneRank[a.lane]! - laneRank[b.lane]! || order.get(a.interval)! - order.get(b.interval)!,
  );
}
