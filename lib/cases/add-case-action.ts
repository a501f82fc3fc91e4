// An action decided on the finding: a tax adjustment (an amount, optionally the confirmed declaration it concerns),
// a fine (an amount), a disciplinary referral, a training or a contract sanction. Actions are append-only.
import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { actionRefusal, type CaseActor } from "@/lib/cases/case-rules";
import { CaseError, throwIfCaseRefused } from "@/lib/cases/case-error";
import { AUDIT_ENTITY, withCaseTransition } from "@/lib/cases/case-access";
import { caseEvidenceDeclIds, confirmedDeclarations } from "@/lib/cases/case-evidence-ids";
import { CaseActionInput } from "@/lib/cases/schema";

export async function addCaseAction(raw: z.input<typeof CaseActionInput>, actor: CaseActor): Promise<{ id: number }> {
  const input = CaseActionInput.parse(raw);
  return withCaseTransition(input.caseId, actor, "addAction", async (tx, c) => {
    throwIfCaseRefused(actionRefusal(c.finding, input.type), "type");
    if (input.declId !== null) {
      const confirmed = confirmedDeclarations(await caseEvidenceDeclIds(c.id, tx), c.confirmedDeclIds);
      if (!confirmed.includes(input.declId))
        throw new CaseError("INVALID", "declarationNotConfirmed", { declId: input.declId }, "declId");
    }
    const action = await tx.caseAction.create({
      data: {
        caseId: c.id,
        type: input.type,
        amount: input.amount,
        declId: input.declId,
        note: input.note,
        recordedById: actor.id,
      },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "case.action",
        entityType: AUDIT_ENTITY,
        entityId: String(c.id),
        data: {
          actionId: action.id,
          type: input.type,
          amount: input.amount === null ? null : input.amount.toFixed(2),
          declId: input.declId,
          note: input.note,
        },
      },
      tx,
    );
    return { id: action.id };
  });
}
