// Everything the case page shows, for the acting user: the case, its flags with their frozen evidence (hash checked
// again on every read), notes, attachments, actions, the audit timeline of every step, and what the user may do now
// (case-rules.ts, the same table the services refuse with).
import "server-only";
import { db } from "@/lib/db";
import { availableOperations, refusalFor, type CaseActor } from "@/lib/cases/case-rules";
import { caseFacts, getCaseForActorOrThrow, AUDIT_ENTITY } from "@/lib/cases/case-access";
import { snapshotIntact, type EvidenceSnapshot } from "@/lib/cases/evidence-snapshot";
import { confirmedDeclarations } from "@/lib/cases/case-evidence-ids";

export type CaseTimelineEntry = {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  data: Record<string, unknown>;
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

export async function getCaseDetail(id: number, actor: CaseActor) {
  const found = await getCaseForActorOrThrow(id, actor);
  const [evidence, links, notes, attachments, actions, audit] = await Promise.all([
    db.caseEvidence.findMany({ where: { caseId: id }, orderBy: { id: "asc" } }),
    db.caseFlag.findMany({ where: { caseId: id }, orderBy: { flagId: "asc" } }),
    db.caseNote.findMany({ where: { caseId: id }, orderBy: { id: "asc" } }),
    db.caseAttachment.findMany({ where: { caseId: id }, orderBy: { id: "asc" } }),
    db.caseAction.findMany({ where: { caseId: id }, orderBy: { id: "asc" } }),
    db.auditLog.findMany({ where: { entityType: AUDIT_ENTITY, entityId: String(id) }, orderBy: { id: "asc" } }),
  ]);
  // The flags' current triage, beside the frozen copy (the flag row may have been re-detected since).
  const current = await db.flag.findMany({
    where: { id: { in: links.map((l) => l.flagId) } },
    select: { id: true, state: true, active: true, score: true },
  });
  const userIds = new Set<string>(
    [
      found.openedById,
      found.assigneeId,
      found.findingById,
      found.closedById,
      ...notes.map((n) => n.authorId),
      ...attachments.map((a) => a.uploadedById),
      ...actions.map((a) => a.recordedById),
      ...audit.flatMap((a) => [
        a.actorId,
        str((a.data as Record<string, unknown> | null)?.assigneeId),
        str((a.data as Record<string, unknown> | null)?.previousAssigneeId),
      ]),
    ].filter((v): v is string => typeof v === "string" && v !== ""),
  );
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const name = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);
  const facts = caseFacts(found);
  const evidenceDeclIds = [
    ...new Set(
      evidence.flatMap((e) => (e.snapshot as unknown as EvidenceSnapshot).declarations.map((d) => String(d.decl_id))),
    ),
  ].sort();

  return {
    case: {
      ...found,
      openedByName: name(found.openedById),
      assigneeName: name(found.assigneeId),
      findingByName: name(found.findingById),
      closedByName: name(found.closedById),
    },
    flags: evidence.map((e) => ({
      flagId: e.flagId,
      snapshot: e.snapshot as unknown as EvidenceSnapshot,
      sha256: e.sha256,
      intact: snapshotIntact(e),
      declarationCount: e.declarationCount,
      truncated: e.truncated,
      capturedAt: e.capturedAt,
      capturedByName: name(e.capturedById),
      current: current.find((f) => f.id === e.flagId) ?? null,
    })),
    notes: notes.map((n) => ({ ...n, authorName: name(n.authorId) })),
    attachments: attachments.map((a) => ({ ...a, uploadedByName: name(a.uploadedById) })),
    actions: actions.map((a) => ({ ...a, amount: a.amount?.toFixed(2) ?? null, recordedByName: name(a.recordedById) })),
    timeline: audit.map((a): CaseTimelineEntry => ({
      id: a.id.toString(),
      at: a.at.toISOString(),
      action: a.action,
      actorName: name(a.actorId),
      data: (a.data ?? {}) as Record<string, unknown>,
    })),
    userNames: Object.fromEntries(names),
    operations: availableOperations(facts, actor),
    // Why this user may not close the case (four eyes), for the page to say so rather than hide the button silently.
    closeRefusal: found.status === "FINDING_RECORDED" ? refusalFor("close", facts, actor) : null,
    evidenceDeclIds,
    confirmedDeclIds:
      found.finding === "CONFIRMED" ? confirmedDeclarations(evidenceDeclIds, found.confirmedDeclIds) : [],
  };
}

export type CaseDetail = Awaited<ReturnType<typeof getCaseDetail>>;
