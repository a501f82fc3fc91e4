// The disputes a user may see, scoped through their contracts (disputeVisibilityWhere): an officer's own, with the
// answers; a manager's office's (all offices for a national manager or an administrator), open ones first, each
// with whether this user may answer it (dispute-rules.ts, the same rule the service applies).
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { MANAGING_ROLES } from "@/lib/contracts/lifecycle";
import { contractFacts } from "@/lib/contracts/access";
import { answerRefusal, type DisputeStatus } from "@/lib/disputes/dispute-rules";
import { disputeVisibilityWhere } from "@/lib/disputes/dispute-access";

// Answered disputes shown below the open ones: the most recent.
export const ANSWERED_SHOWN = 50;

const include = {
  contract: {
    select: {
      id: true,
      contractNo: true,
      version: true,
      title: true,
      status: true,
      principalId: true,
      partyType: true,
      partyOfficerId: true,
      officeCode: true,
      periodFrom: true,
      activatedAt: true,
    },
  },
} as const satisfies Prisma.KpiDisputeInclude;

async function withNames(actor: Actor, rows: Prisma.KpiDisputeGetPayload<{ include: typeof include }>[]) {
  const userIds = [...new Set(rows.flatMap((r) => [r.filedById, r.answeredById ?? ""]).filter(Boolean))];
  const officerIds = [...new Set(rows.map((r) => r.officerId))];
  const [users, officers] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.officer.findMany({ where: { officerId: { in: officerIds } }, select: { officerId: true, fullName: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const officerName = new Map(officers.map((o) => [o.officerId, o.fullName]));
  return rows.map((r) => ({
    ...r,
    status: r.status as DisputeStatus,
    officerName: officerName.get(r.officerId) ?? null,
    answeredByName: r.answeredById ? (userName.get(r.answeredById) ?? null) : null,
    canAnswer:
      answerRefusal(
        contractFacts(r.contract),
        { status: r.status, officerId: r.officerId, filedById: r.filedById },
        actor,
      ) === null,
  }));
}

export type DisputeRow = Awaited<ReturnType<typeof withNames>>[number];

// The officer's own disputes (optionally of one contract number, all its versions), newest first.
export async function listOfficerDisputes(
  actor: Actor,
  { contractNo }: { contractNo?: number } = {},
): Promise<DisputeRow[]> {
  if (actor.officerId === null) return [];
  const rows = await db.kpiDispute.findMany({
    where: {
      AND: [
        disputeVisibilityWhere(actor),
        { officerId: actor.officerId },
        contractNo === undefined ? {} : { contract: { contractNo } },
      ],
    },
    include,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return withNames(actor, rows);
}

// For managers and administrators: open disputes oldest first (the longest waiting on top), then the latest answered.
export async function listDisputesToAnswer(actor: Actor): Promise<{ open: DisputeRow[]; answered: DisputeRow[] }> {
  if (!MANAGING_ROLES.includes(actor.role)) return { open: [], answered: [] };
  const [open, answered] = await Promise.all([
    db.kpiDispute.findMany({
      where: { AND: [disputeVisibilityWhere(actor), { status: "OPEN" }] },
      include,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.kpiDispute.findMany({
      where: { AND: [disputeVisibilityWhere(actor), { status: { not: "OPEN" } }] },
      include,
      orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
      take: ANSWERED_SHOWN,
    }),
  ]);
  return { open: await withNames(actor, open), answered: await withNames(actor, answered) };
}

// The badge beside the link in the contracts header: one count query.
export async function countOpenDisputes(actor: Actor): Promise<number> {
  if (!MANAGING_ROLES.includes(actor.role)) return 0;
  return db.kpiDispute.count({ where: { AND: [disputeVisibilityWhere(actor), { status: "OPEN" }] } });
}
