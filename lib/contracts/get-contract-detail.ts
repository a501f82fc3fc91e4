// Everything the contract page shows about one version, for the acting user: its terms, the other versions of the
// contract, the monthly reviews and quarterly evaluations of all its versions, the lifecycle from the audit log, and
// what the user may do now.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { appealRefusal, availableActions, decideAppealRefusal, type ContractAction } from "@/lib/contracts/lifecycle";
import { contractFacts, contractVisibilityWhere, getContractForActorOrThrow } from "@/lib/contracts/access";
import { activateDueContracts } from "@/lib/contracts/activate-due-contracts";
import { isoDate, todayIso, type Period } from "@/lib/kernel/calendar";
import { contractMonths, contractQuarters } from "@/lib/contracts/contract-periods";
import { appellantOf } from "@/lib/contracts/get-evaluation";
import type { EvaluationSnapshot } from "@/lib/contracts/evaluate-contract";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";
import { loadDisputeNotes } from "@/lib/disputes/load-dispute-notes";

export type TimelineEntry = {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  version: number;
  data: Record<string, unknown>;
};

export async function getContractDetail(id: number, actor: Actor) {
  await activateDueContracts();
  const contract = await getContractForActorOrThrow(id, actor);
  const [full, versions] = await Promise.all([
    db.contract.findUniqueOrThrow({
      where: { id },
      include: {
        partyOfficer: { select: { fullName: true, unit: true } },
        office: { select: { name: true } },
        principal: { select: { name: true, email: true } },
        createdBy: { select: { name: true } },
      },
    }),
    db.contract.findMany({
      where: { AND: [{ contractNo: contract.contractNo }, contractVisibilityWhere(actor)] },
      select: { id: true, version: true, status: true, createdAt: true, amendmentReason: true },
      orderBy: { version: "asc" },
    }),
  ]);
  const versionIds = versions.map((v) => v.id);
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));

  const [reviews, evaluations, audit, disputeNotes] = await Promise.all([
    db.contractReview.findMany({ where: { contractId: { in: versionIds } }, orderBy: { month: "asc" } }),
    db.contractEvaluation.findMany({ where: { contractId: { in: versionIds } }, orderBy: { periodFrom: "asc" } }),
    db.auditLog.findMany({
      where: { entityType: AUDIT_ENTITY, entityId: { in: versionIds.map(String) } },
      orderBy: { id: "asc" },
    }),
    // Accepted KPI disputes: a corrected value or an annotation beside a month's computed value.
    loadDisputeNotes(contract, actor),
  ]);
  const userIds = new Set<string>([
    ...reviews.map((r) => r.reviewerId),
    ...evaluations.flatMap((e) => [e.evaluatorId, e.appealDecidedById ?? ""]),
    ...audit.map((a) => a.actorId ?? ""),
  ]);
  const names = new Map(
    (
      await db.user.findMany({ where: { id: { in: [...userIds].filter(Boolean) } }, select: { id: true, name: true } })
    ).map((u) => [u.id, u.name]),
  );

  const facts = contractFacts(contract);
  const today = todayIso();
  const period: Period = { from: isoDate(contract.periodFrom), to: isoDate(contract.periodTo) };
  const reviewed = new Set(reviews.map((r) => r.month));
  const evaluatedFrom = new Set(evaluations.map((e) => `${isoDate(e.periodFrom)}/${isoDate(e.periodTo)}`));
  const actions: ContractAction[] = availableActions(facts, actor);

  return {
    contract: { ...full, indicators: contract.indicators },
    period,
    versions,
    actions,
    reviewableMonths: contractMonths(period, today)
      .filter((m) => !reviewed.has(m.month))
      .map((m) => m.month),
    evaluableQuarters: contractQuarters(period, today)
      .filter((q) => q.ended && !evaluatedFrom.has(`${q.period.from}/${q.period.to}`))
      .map((q) => ({ quarter: q.quarter, period: q.period })),
    disputeNotes,
    reviews: reviews.map((r) => ({
      ...r,
      version: versionOf.get(r.contractId) ?? 0,
      reviewerName: names.get(r.reviewerId) ?? null,
    })),
    evaluations: await Promise.all(
      evaluations.map(async (e) => ({
        ...e,
        version: versionOf.get(e.contractId) ?? 0,
        snapshot: e.scorecard as unknown as EvaluationSnapshot,
        evaluatorName: names.get(e.evaluatorId) ?? null,
        deciderName: e.appealDecidedById ? (names.get(e.appealDecidedById) ?? null) : null,
        canAppeal: appealRefusal(facts, e, actor) === null,
        canDecide: decideAppealRefusal(facts, e, actor, await appellantOf(db, e.contractId, e.id)) === null,
      })),
    ),
    timeline: audit.map((a): TimelineEntry => ({
      id: a.id.toString(),
      at: a.at.toISOString(),
      action: a.action,
      actorName: a.actorId ? (names.get(a.actorId) ?? null) : null,
      version: versionOf.get(Number(a.entityId)) ?? 0,
      data: (a.data ?? {}) as Record<string, unknown>,
    })),
  };
}

export type ContractDetail = Awaited<ReturnType<typeof getContractDetail>>;
