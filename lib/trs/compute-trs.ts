// Time Release Study table (docs/indicators.md "Time Release Study (TRS)"): per office × lane_final, over declarations
// registered in the period and not cancelled, each interval's count, mean, median and p90 in hours over the
// declarations with both ends present and the end not after as_of (= to + 1 day, 00:00); declarations whose start is
// present but whose end is missing or after as_of are counted as right-censored, never dropped. Percentiles are
// PostgreSQL's percentile_cont, as docs/indicators.md requires.
//
// Shape, for speed (bench/kpis.ts): one row per declaration, every interval's aggregates side by side (each
// percentile pair sorts only its own durations), unpivoted at the end to one row per interval; durations through
// date_part (float8) rather than extract (numeric since PostgreSQL 14, three times slower here). Offices are
// independent groups, so they are computed one statement per office, two at a time: that uses both cores and
// reports progress per office.
import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/pg";
import { TRS_INTERVALS, type TrsPeriod, type TrsRow } from "@/lib/trs/trs-intervals";

export {
  TRS_INTERVALS,
  TRS_INTERVAL_IDS,
  TRS_LANES,
  type TrsInterval,
  type TrsLane,
  type TrsPeriod,
  type TrsRow,
} from "@/lib/trs/trs-intervals";

// Sorting one office's durations of a year in memory rather than on disk.
const WORK_MEM = "64MB";
const CONCURRENCY = 2;

// $1 = from, $2 = to, $3 = the office. as_of = to + 1 day at 00:00:00 (docs/indicators.md, Scope).
const AS_OF = "($2::date + 1)::timestamp";

function intervalAggregates(n: number, start: string, end: string): string {
  const complete = `${start} IS NOT NULL AND ${end} IS NOT NULL AND ${end} <= ${AS_OF}`;
  const hours = `date_part('epoch', ${end} - ${start}) / 3600`;
  return `count(*) FILTER (WHERE ${complete}) AS c${n},
          avg(${hours}) FILTER (WHERE ${complete}) AS m${n},
          percentile_cont('{0.5,0.9}'::float8[]) WITHIN GROUP (ORDER BY ${hours}) FILTER (WHERE ${complete}) AS p${n},
          count(*) FILTER (WHERE ${start} IS NOT NULL AND (${end} IS NULL OR ${end} > ${AS_OF})) AS z${n}`;
}

export const TRS_OFFICE_SQL = `
  WITH g AS (
    SELECT lane_final,
           ${TRS_INTERVALS.map((i, n) => intervalAggregates(n, i.start, i.end)).join(",\n           ")}
      FROM declarations
     WHERE office_code = $3 AND reg_ts >= $1::date::timestamp AND reg_ts < ${AS_OF} AND status <> 'cancelled'
     GROUP BY lane_final)
  SELECT $3::text AS "officeCode", g.lane_final::text AS lane, v.interval, v.count::int AS count, v.mean AS "meanH",
         v.p[1] AS "medianH", v.p[2] AS "p90H", v.censored::int AS censored
    FROM g CROSS JOIN LATERAL (VALUES ${TRS_INTERVALS.map((i, n) => `('${i.id}', ${n}, c${n}, m${n}, p${n}, z${n})`).join(", ")})
         AS v(interval, position, count, mean, p, censored)
   ORDER BY g.lane_final, v.position`;

export type TrsOptions = {
  // Fraction of the offices done, 0..1.
  onProgress?: (fraction: number) => Promise<void> | void;
};

async function officeRows(client: PoolClient, period: TrsPeriod, officeCode: string): Promise<TrsRow[]> {
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    const { rows } = await client.query<TrsRow>(TRS_OFFICE_SQL, [period.from, period.to, officeCode]);
    await client.query("COMMIT");
    return rows;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

// Rows ordered by office, lane rank and interval (TRS_INTERVALS order); offices without declarations in the period
// have none.
export async function computeTrs(period: TrsPeriod, options: TrsOptions = {}): Promise<TrsRow[]> {
  const { rows: offices } = await pool.query<{ office_code: string }>(
    "SELECT office_code FROM offices ORDER BY office_code",
  );
  const byOffice = new Map<string, TrsRow[]>();
  const queue = offices.map((o) => o.office_code);
  let done = 0;
  const work = async () => {
    const client = await pool.connect();
    try {
      for (let office = queue.shift(); office !== undefined; office = queue.shift()) {
        byOffice.set(office, await officeRows(client, period, office));
        done++;
        await options.onProgress?.(done / offices.length);
      }
    } catch (error) {
      queue.length = 0;
      throw error;
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(1, offices.length)) }, work));
  return offices.flatMap((o) => byOffice.get(o.office_code) ?? []);
}
