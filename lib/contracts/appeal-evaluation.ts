// The party appeals a sanction, once, giving a reason. The evaluation itself stays as it was frozen.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppealInput } from "@/lib/contracts/schema";
import type { Actor } from "@/lib/auth/session-user";
import { appealRefusal } from "@/lib/contracts/lifecycle";
import { contractFacts } from "@/lib/contracts/access";
import { throwIfRefused } from "@/lib/contracts/contract-error";
import { getEvaluationForActorOrThrow } from "@/lib/contracts/get-evaluation";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";

export async function appealEvaluation(raw: z.input<typeof AppealInput>, actor: Actor): Promise<void> {
  const input = AppealInput.parse(raw);
  await db.$transaction(async (tx) => {
    const { evaluation, contract } = await getEvaluationForActorOrThrow(input.evaluationId, actor, { tx, lock: true });
    throwIfRefused(appealRefusal(contractFacts(contract), evaluation, actor));
    await tx.contractEvaluation.update({
      where: { id: evaluation.id },
      data: { appealReason: input.reason, appealedAt: new Date() },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.appeal",
        entityType: AUDIT_ENTITY,
        entityId: String(contract.id),
        data: { evaluationId: evaluation.id, reason: input.reason },
      },
      tx,
    );
  });
}
