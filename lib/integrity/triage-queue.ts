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
import { familyKey, rankSubjects, type CandidateFlag, type RankedQueue } from "@/lib/integrity/rank-subjects";
import { capacityFor } from "@/lib/integrity/triage-capacity";
import { methodWeights } from "@/lib/integrity/method-outcomes";

// Every flag, for the command line (which has no signed-in user): an administrator's national reach.
export const SYSTEM_VIEWER: FlagViewer = { role: "ADMIN", officeCode: null, officerId: null, integrityAccess: false };

const day = (s: string) => new Date(`${s}T00:00:00Z`);

export async function queueCandidates(viewer: FlagViewer, window: Period): Promise<CandidateFlag[]> {
  const where: Prisma.FlagWhereInput = {
    AND: [
      flagVisibilityWhere(viewer),
      { state: "NEW", active: true, periodFrom: { gte: day(window.from) }, periodTo: { lte: day(window.to) } },
    ],
  };
  const flags = await db.flag.findMany({ where, orderBy: { id: "asc" } });
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
  return rankSubjects(candidates, window, { tests, weights: weights.weights, capacityPerMonth: capacity });
}
