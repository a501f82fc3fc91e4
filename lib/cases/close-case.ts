// Closes a case on its finding, by a second person (four eyes, case-rules.ts): neither its investigator nor whoever
// recorded the finding. The database's cases_four_eyes_check holds the same rule.
import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { statusAfter, type CaseActor } from "@/lib/cases/case-rules";
import { AUDIT_ENTITY, withCaseTransition } from "@/lib/cases/case-access";
import { CloseCaseInput } from "@/lib/cases/schema";

export async function closeCase(raw: z.input<typeof CloseCaseInput>, actor: CaseActor): Promise<void> {
  const input = CloseCaseInput.parse(raw);
  await withCaseTransition(input.caseId, actor, "close", async (tx, c) => {
    const to = statusAfter("close", c.status);
    await tx.case.update({
      where: { id: c.id },
      data: { status: to, closedById: actor.id, closedAt: new Date(), closingNote: input.note, overdue: false },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "case.close",
        entityType: AUDIT_ENTITY,
        entityId: String(c.id),
        data: {
          from: c.status,
          to,
          note: input.note,
          finding: c.finding,
          findingById: c.findingById,
          assigneeId: c.assigneeId,
        },
      },
      tx,
    );
  });
}
