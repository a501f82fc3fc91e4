// Broker × officer heatmap of one office and period (BROKER_OFFICER_PAIR, docs/indicators.md "Flags"): for the busiest
// brokers and officers, the observed/expected ratio n_bo / (n_b·n_o/N) of each cell, over the office's
// declarations of the period as detection counts them (B: registered in the period, not cancelled), aggregated in
// SQL. The brokers and officers of the pairs flagged in that office and period are always included and marked.
import "server-only";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { flagVisibilityWhere, type FlagViewer } from "@/lib/integrity/flag-evidence";
import { integrityOfficeOrThrow } from "@/lib/integrity/integrity-scope";

export const HEATMAP_TOP = 12;

export type HeatmapCell = {
  brokerId: string;
  officerId: string;
  nBo: number;
  expected: number;
  ratio: number;
  flagId: number | null;
};
export type PairHeatmap = {
  N: number;
  brokers: { brokerId: string; n: number }[];
  officers: { officerId: string; fullName: string | null; n: number }[];
  cells: HeatmapCell[];
};

type Query = { officeCode: string; from: string; to: string; top?: number };

export async function pairHeatmap(viewer: FlagViewer, q: Query): Promise<PairHeatmap> {
  await integrityOfficeOrThrow(viewer, q.officeCode);
  const flags = await db.flag.findMany({
    where: {
      AND: [
        flagVisibilityWhere(viewer),
        {
          method: "BROKER_OFFICER_PAIR",
          officeCode: q.officeCode,
          periodFrom: new Date(`${q.from}T00:00:00Z`),
          periodTo: new Date(`${q.to}T00:00:00Z`),
        },
      ],
    },
    select: { id: true, subjectId: true, relatedId: true },
  });
  const top = q.top ?? HEATMAP_TOP;
  const { rows } = await pool.query<{
    broker_id: string;
    officer_id: string;
    full_name: string | null;
    n: number;
    n_b: number;
    n_o: number;
    n_bo: number;
  }>(
    `WITH b AS (
        SELECT d.broker_id, d.assessing_officer_id AS officer_id FROM declarations d
         WHERE d.reg_ts >= $1::date::timestamp AND d.reg_ts < ($2::date + 1)::timestamp AND d.status <> 'cancelled'
           AND d.office_code = $3),
      total AS (SELECT count(*)::int AS n FROM b),
      broker AS (SELECT broker_id, count(*)::int AS n_b FROM b WHERE broker_id IS NOT NULL GROUP BY 1),
      officer AS (SELECT officer_id, count(*)::int AS n_o FROM b WHERE officer_id IS NOT NULL GROUP BY 1),
      top_broker AS ((SELECT broker_id FROM broker ORDER BY n_b DESC, broker_id LIMIT $4)
                     UNION SELECT unnest($5::text[])),
      top_officer AS ((SELECT officer_id FROM officer ORDER BY n_o DESC, officer_id LIMIT $4)
                      UNION SELECT unnest($6::text[])),
      pair AS (SELECT broker_id, officer_id, count(*)::int AS n_bo FROM b
                WHERE broker_id IN (SELECT broker_id FROM top_broker) AND officer_id IN (SELECT officer_id FROM top_officer)
                GROUP BY 1, 2)
     SELECT br.broker_id, o.officer_id, f.full_name, total.n, br.n_b, o.n_o, coalesce(p.n_bo, 0) AS n_bo
       FROM broker br JOIN top_broker USING (broker_id)
      CROSS JOIN (officer o JOIN top_officer USING (officer_id))
      CROSS JOIN total
       LEFT JOIN pair p ON p.broker_id = br.broker_id AND p.officer_id = o.officer_id
       LEFT JOIN officers f ON f.officer_id = o.officer_id
      ORDER BY br.n_b DESC, br.broker_id, o.n_o DESC, o.officer_id`,
    [q.from, q.to, q.officeCode, top, flags.map((f) => f.subjectId), flags.map((f) => f.relatedId)],
  );
  const flagOf = new Map(flags.map((f) => [`${f.subjectId}|${f.relatedId}`, f.id]));
  const brokers = new Map<string, number>();
  const officers = new Map<string, { fullName: string | null; n: number }>();
  const cells = rows.map((r) => {
    brokers.set(r.broker_id, r.n_b);
    officers.set(r.officer_id, { fullName: r.full_name, n: r.n_o });
    const expected = (r.n_b * r.n_o) / r.n;
    return {
      brokerId: r.broker_id,
      officerId: r.officer_id,
      nBo: r.n_bo,
      expected,
      ratio: r.n_bo / expected,
      flagId: flagOf.get(`${r.broker_id}|${r.officer_id}`) ?? null,
    };
  });
  return {
    N: rows[0]?.n ?? 0,
    brokers: [...brokers].map(([brokerId, n]) => ({ brokerId, n })),
    officers: [...officers]
      .map(([officerId, o]) => ({ officerId, ...o }))
      .sort((a, b) => b.n - a.n || a.officerId.localeCompare(b.officerId)),
    cells,
  };
}
