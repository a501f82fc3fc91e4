// Reopens a closed case, with a reason: back to its investigator (ASSIGNED) for a new finding. The previous finding
// and closure are cleared from the case and kept in the audit row; actions already taken stay.
import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { isOverdue, statusAfter, type CaseActor } from "@/lib/cases/case-rules";
import { AUDIT_ENTITY, withCaseTransition } from "@/lib/cases/case-access";
import { ReopenCaseInput } from "@/lib/cases/schema";

export async function reopenCase(
  raw: z.input<typeof ReopenCaseInput>,
  actor: CaseActor,
  today = todayIso(),
): Promise<void> {
  const input = ReopenCaseInput.parse(raw);
  await withCaseTransition(input.caseId, actor, "reopen", async (tx, c) => {
    const to = statusAfter("reopen", c.status);
    await tx.case.update({
      where: { id: c.id },
      data: {
        status: to,
        reopenedCount: { increment: 1 },
        finding: null,
        findingSummary: null,
        offenceCode: null,
        confirmedDeclIds: [],
        unfoundedFlagIds: [],
        findingById: null,
        findingAt: null,
        closedById: null,
        closedAt: null,
        closingNote: null,
        overdue: isOverdue({ status: to, dueDate: c.dueDate ? isoDate(c.dueDate) : null }, today),
      },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "case.reopen",
        entityType: AUDIT_ENTITY,
        entityId: String(c.id),
        data: {
          from: c.status,
          to,
          reason: input.reason,
          reopenedCount: c.reopenedCount + 1,
          previous: {
            finding: c.finding,
            offenceCode: c.offenceCode,
            summary: c.findingSummary,
            confirmedDeclIds: c.confirmedDeclIds,
            unfoundedFlagIds: c.unfoundedFlagIds,
            findingById: c.findingById,
            findingAt: c.findingAt?.toISOString() ?? null,
            closedById: c.closedById,
            closedAt: c.closedAt?.toISOString() ?? null,
            closingNote: c.closingNote,
          },
        },
      },
      tx,
    );
  });
}
