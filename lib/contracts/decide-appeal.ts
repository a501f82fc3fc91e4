// A second manager decides an appeal: the sanction is upheld or overturned, with comments. Neither the evaluator
// nor the appellant may decide it.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppealDecisionInput } from "@/lib/contracts/schema";
import type { Actor } from "@/lib/auth/session-user";
import { decideAppealRefusal } from "@/lib/contracts/lifecycle";
import { contractFacts } from "@/lib/contracts/access";
import { throwIfRefused } from "@/lib/contracts/contract-error";
import { appellantOf, getEvaluationForActorOrThrow } from "@/lib/contracts/get-evaluation";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";

export async function decideAppeal(raw: z.input<typeof AppealDecisionInput>, actor: Actor): Promise<void> {
  const input = AppealDecisionInput.parse(raw);
  await db.$transaction(async (tx) => {
    const { evaluation, contract } = await getEvaluationForActorOrThrow(input.evaluationId, actor, { tx, lock: true });
    const appellantId = await appellantOf(tx, contract.id, evaluation.id);
    throwIfRefused(decideAppealRefusal(contractFacts(contract), evaluation, actor, appellantId));
    await tx.contractEvaluation.update({
      where: { id: evaluation.id },
      data: {
        appealOutcome: input.outcome,
        appealComments: input.comments,
        appealDecidedById: actor.id,
        appealDecidedAt: new Date(),
      },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.appeal-decide",
        entityType: AUDIT_ENTITY,
        entityId: String(contract.id),
        data: { evaluationId: evaluation.id, outcome: input.outcome, comments: input.comments },
      },
      tx,
    );
  });
}
