// Benford chart of one broker (BENFORD, docs/indicators.md "Flags"): the first significant digits of value_initial over
// the broker's declarations of the period (B, value_initial > 0), counted in SQL exactly as detection counts them,
// against log10(1 + 1/d), with the MAD and its Nigrini range. An office analyst sees their office's declarations
// only (the flag itself spans offices and is for national analysts); a national one sees all, or one office.
import "server-only";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { flagVisibilityWhere, type FlagViewer } from "@/lib/integrity/flag-evidence";
import { officeRestriction } from "@/lib/integrity/integrity-scope";
import { benfordDigits, nigriniBand, type DigitShare, type NigriniBand } from "@/lib/integrity/benford";

export type BenfordChart = {
  brokerId: string;
  officeCode: string | null;
  digits: DigitShare[];
  total: number;
  mad: number | null;
  band: NigriniBand | null;
  ordersOfMagnitude: number | null;
  flagIds: number[];
};

const PERIOD_B = `d.reg_ts >= $1::date::timestamp AND d.reg_ts < ($2::date + 1)::timestamp AND d.status <> 'cancelled'`;
const DIGIT = `left(ltrim(replace(d.value_initial::text, '.', ''), '0'), 1)`;

type Query = { brokerId: string; from: string; to: string };

export async function benfordChart(viewer: FlagViewer, q: Query): Promise<BenfordChart> {
  const officeCode = officeRestriction(viewer);
  const [counts, flags] = await Promise.all([
    pool.query<{ counts: number[]; span: number | null }>(
      `SELECT array[${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `count(*) FILTER (WHERE ${DIGIT} = '${d}')::int`).join(", ")}] AS counts,
              max(d.value_initial::float8) / nullif(min(d.value_initial::float8), 0) AS span
         FROM declarations d
        WHERE ${PERIOD_B} AND d.broker_id = $3 AND d.value_initial > 0 AND ($4::text IS NULL OR d.office_code = $4)`,
      [q.from, q.to, q.brokerId, officeCode],
    ),
    db.flag.findMany({
      where: {
        AND: [
          flagVisibilityWhere(viewer),
          {
            method: "BENFORD",
            subjectId: q.brokerId,
            periodFrom: new Date(`${q.from}T00:00:00Z`),
            periodTo: new Date(`${q.to}T00:00:00Z`),
          },
        ],
      },
      select: { id: true },
    }),
  ]);
  const { digits, total, mad } = benfordDigits(counts.rows[0]?.counts ?? []);
  const span = counts.rows[0]?.span ?? null;
  return {
    brokerId: q.brokerId,
    officeCode,
    digits,
    total,
    mad,
    band: mad === null ? null : nigriniBand(mad),
    ordersOfMagnitude: span ? Math.log10(span) : null,
    flagIds: flags.map((f) => f.id),
  };
}

export type BrokerChoice = { brokerId: string; declarations: number; flagId: number | null };

// The brokers to choose from: those with a Benford flag in the period first, then the busiest ones.
export async function benfordBrokers(
  viewer: FlagViewer,
  q: { from: string; to: string },
  limit = 30,
): Promise<BrokerChoice[]> {
  const officeCode = officeRestriction(viewer);
  const flags = await db.flag.findMany({
    where: {
      AND: [
        flagVisibilityWhere(viewer),
        { method: "BENFORD", periodFrom: new Date(`${q.from}T00:00:00Z`), periodTo: new Date(`${q.to}T00:00:00Z`) },
      ],
    },
    select: { id: true, subjectId: true },
  });
  const { rows } = await pool.query<{ broker_id: string; n: number }>(
    `SELECT d.broker_id, count(*)::int AS n FROM declarations d
      WHERE ${PERIOD_B} AND d.broker_id IS NOT NULL AND d.value_initial > 0 AND ($3::text IS NULL OR d.office_code = $3)
      GROUP BY d.broker_id
      ORDER BY d.broker_id = ANY ($4::text[]) DESC, count(*) DESC, d.broker_id
      LIMIT $5`,
    [q.from, q.to, officeCode, flags.map((f) => f.subjectId), limit],
  );
  const flagOf = new Map(flags.map((f) => [f.subjectId, f.id]));
  return rows.map((r) => ({ brokerId: r.broker_id, declarations: r.n, flagId: flagOf.get(r.broker_id) ?? null }));
}
