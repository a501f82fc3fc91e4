// The integrity work queue of a window for one viewer (docs/indicators.md "Triage: the work queue"): the flags still
// to triage that the viewer may see (flagVisibilityWhere), with the broker and importer of each declaration flag,
// the tests each method ran and the learned method weights, ranked by rank-subjects.ts. The inbox, the subject
// page, the digest and `pmc triage` all read it here.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { isoDate, type Period } from "@/lib/kernel/calendar";
import { flagVisibilityWhere, type FlagViewer } from "@/lib/integrity/flag-evidence";
import { assertIntegrityViewer } from "@/lib/integrity/integrity-scope";
import {
  detectionPeriods,
  familyKey,
  periodKey,
  rankSubjects,
  type CandidateFlag,
  type PeriodVolumes,
  type RankedQueue,
} from "@/lib/integrity/rank-subjects";
import { capacityFor } from "@/lib/integrity/triage-capacity";
import { methodWeights } from "@/lib/integrity/method-outcomes";

// Every flag, for the command line (which has no signed-in user): an administrator's national reach.
export const SYSTEM_VIEWER: FlagViewer = { role: "ADMIN", officeCode: null, officerId: null, integrityAccess: false };

const day = (s: string) => new Date(`${s}T00:00:00Z`);

// docs/indicators.md's B over $1 = from, $2 = to, as detection counts it.
const PERIOD_B = `d.reg_ts >= $1::date::timestamp AND d.reg_ts < ($2::date + 1)::timestamp AND d.status <> 'cancelled'`;

// Every active flag of the window's periods (the false discovery rate families), marked queued when the viewer may
// see it and it is still to triage.
export async function queueCandidates(viewer: FlagViewer, window: Period): Promise<CandidateFlag[]> {
  const inWindow: Prisma.FlagWhereInput = {
    active: true,
    periodFrom: { gte: day(window.from) },
    periodTo: { lte: day(window.to) },
  };
  const [flags, visible] = await Promise.all([
    db.flag.findMany({ where: inWindow, orderBy: { id: "asc" } }),
    db.flag.findMany({
      where: { AND: [flagVisibilityWhere(viewer), inWindow, { state: "NEW" }] },
      select: { id: true },
    }),
  ]);
  const queued = new Set(visible.map((f) => f.id));
  const declIds = [...new Set(flags.filter((f) => f.subjectType === "declaration").map((f) => f.subjectId))];
  const parties = new Map<string, { brokerId: string | null; importerId: string | null }>();
  if (declIds.length) {
    const { rows } = await pool.query<{ decl_id: string; broker_id: string | null; importer_id: string | null }>(
      `SELECT DISTINCT ON (decl_id) decl_id, broker_id, importer_id FROM declarations
        WHERE decl_id = ANY ($1::text[]) ORDER BY decl_id, reg_ts`,
      [declIds],
    );
    for (const r of rows) parties.set(r.decl_id, { brokerId: r.broker_id, importerId: r.importer_id });
  }
  return flags.map((f) => ({
    id: f.id,
    queued: queued.has(f.id),
    method: f.method,
    kpiId: f.kpiId,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    relatedId: f.relatedId,
    periodFrom: isoDate(f.periodFrom),
    periodTo: isoDate(f.periodTo),
    score: f.score,
    n: f.n,
    stats: (f.stats ?? {}) as Record<string, unknown>,
    officeCode: f.officeCode,
    revenueAtStake: f.revenueAtStake,
    parties: f.subjectType === "declaration" ? (parties.get(f.subjectId) ?? null) : null,
  }));
}

// The declarations of each period of the window, in all and per broker and importer behind a declaration flag.
async function periodVolumes(window: Period, candidates: CandidateFlag[]): Promise<Map<string, PeriodVolumes>> {
  const brokers = new Set<string>();
  const importers = new Set<string>();
  for (const f of candidates) {
    if (f.parties?.brokerId) brokers.add(f.parties.brokerId);
    if (f.parties?.importerId) importers.add(f.parties.importerId);
  }
  const volumes = new Map<string, PeriodVolumes>();
  if (!brokers.size && !importers.size) return volumes;
  await Promise.all(
    detectionPeriods(window).map(async (period) => {
      const { rows } = await pool.query<{ kind: string; id: string; n: number }>(
        `WITH b AS (SELECT d.broker_id, d.importer_id FROM declarations d WHERE ${PERIOD_B})
         SELECT 'total' AS kind, '' AS id, count(*)::int AS n FROM b
         UNION ALL
         SELECT 'broker', broker_id, count(*)::int FROM b WHERE broker_id = ANY ($3::text[]) GROUP BY broker_id
         UNION ALL
         SELECT 'importer', importer_id, count(*)::int FROM b WHERE importer_id = ANY ($4::text[]) GROUP BY importer_id`,
        [period.from, period.to, [...brokers], [...importers]],
      );
      volumes.set(periodKey(period), {
        declarations: rows.find((r) => r.kind === "total")?.n ?? 0,
        bySubject: new Map(rows.filter((r) => r.kind !== "total").map((r) => [`${r.kind}:${r.id}`, r.n])),
      });
    }),
  );
  return volumes;
}

async function testCounts(window: Period): Promise<Map<string, number>> {
  const rows = await db.detectionTest.findMany({
    where: { periodFrom: { gte: day(window.from) }, periodTo: { lte: day(window.to) } },
  });
  return new Map(
    rows.map((r) => [familyKey(r.method, { from: isoDate(r.periodFrom), to: isoDate(r.periodTo) }), r.tests]),
  );
}

export async function triageQueue(viewer: FlagViewer, window: Period): Promise<RankedQueue> {
  assertIntegrityViewer(viewer);
  const [candidates, tests, weights, capacity] = await Promise.all([
    queueCandidates(viewer, window),
    testCounts(window),
    methodWeights(),
    capacityFor(viewer),
  ]);
  const volumes = await periodVolumes(window, candidates);
  return rankSubjects(candidates, window, { tests, volumes, weights: weights.weights, capacityPerMonth: capacity });
}
