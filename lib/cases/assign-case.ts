// Assigns a case to an investigator (an active integrity analyst who could see it: of its office, or national) with a
// due date, or reassigns it while no finding is recorded. Audited with what it was before.
import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { assigneeRefusal, dueDateRefusal, isOverdue, statusAfter, type CaseActor } from "@/lib/cases/case-rules";
import { throwIfCaseRefused } from "@/lib/cases/case-error";
import { AUDIT_ENTITY, withCaseTransition } from "@/lib/cases/case-access";
import { AssignCaseInput } from "@/lib/cases/schema";

export async function assignCase(
  raw: z.input<typeof AssignCaseInput>,
  actor: CaseActor,
  today = todayIso(),
): Promise<void> {
  const input = AssignCaseInput.parse(raw);
  await withCaseTransition(input.caseId, actor, "assign", async (tx, c) => {
    throwIfCaseRefused(dueDateRefusal(input.dueDate, today), "dueDate");
    const candidate = await tx.user.findUnique({
      where: { id: input.assigneeId },
      select: { id: true, role: true, officeCode: true, officerId: true, active: true },
    });
    throwIfCaseRefused(assigneeRefusal(c, candidate), "assigneeId");
    const to = statusAfter("assign", c.status);
    await tx.case.update({
      where: { id: c.id },
      data: {
        status: to,
        assigneeId: input.assigneeId,
        assignedAt: new Date(),
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        overdue: isOverdue({ status: to, dueDate: input.dueDate }, today),
      },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "case.assign",
        entityType: AUDIT_ENTITY,
        entityId: String(c.id),
        data: {
          from: c.status,
          to,
          assigneeId: input.assigneeId,
          dueDate: input.dueDate,
          previousAssigneeId: c.assigneeId,
          previousDueDate: c.dueDate ? isoDate(c.dueDate) : null,
        },
      },
      tx,
    );
  });
}
