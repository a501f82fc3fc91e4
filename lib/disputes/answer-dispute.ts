// A manager answers an open dispute, once: accepted with a corrected value, accepted with an annotation, or rejected,
// always with a written answer. The KPI engine's numbers are never overwritten: a correction or an annotation is
// shown beside the computed value (notesByCell). The value computed when answering is kept in the audit log with
// the answer, in the same transaction.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/session-user";
import { contractFacts } from "@/lib/contracts/access";
import { isoDate } from "@/lib/kernel/calendar";
import { indicatorsFor } from "@/lib/contracts/contract-indicators";
import { DisputeAnswerInput } from "@/lib/disputes/schema";
import { answerRefusal, canTransition, correctionRefusal, type DisputeStatus } from "@/lib/disputes/dispute-rules";
import { DisputeError, throwIfDisputeRefused } from "@/lib/disputes/dispute-error";
import { AUDIT_ENTITY, getDisputeForActorOrThrow, type DisputeWithContract } from "@/lib/disputes/dispute-access";

const facts = (d: DisputeWithContract) => ({
  status: d.status as DisputeStatus,
  officerId: d.officerId,
  filedById: d.filedById,
});

export async function answerDispute(
  raw: z.input<typeof DisputeAnswerInput>,
  actor: Actor,
): Promise<{ id: number; status: DisputeStatus }> {
  const input = DisputeAnswerInput.parse(raw);
  const dispute = await getDisputeForActorOrThrow(input.disputeId, actor);
  throwIfDisputeRefused(answerRefusal(contractFacts(dispute.contract), facts(dispute), actor));
  if (input.correctedValue !== null)
    throwIfDisputeRefused(correctionRefusal(dispute.kpiId, input.correctedValue), "correctedValue");
  // Read before the transaction: it may compute the month's cells (see record-contract-review.ts).
  const period = { from: isoDate(dispute.periodFrom), to: isoDate(dispute.periodTo) };
  const computed = (await indicatorsFor(dispute.contract, period)).values.get(dispute.kpiId);

  return db.$transaction(async (tx) => {
    const locked = await getDisputeForActorOrThrow(dispute.id, actor, { tx, lock: true });
    throwIfDisputeRefused(answerRefusal(contractFacts(locked.contract), facts(locked), actor));
    if (!canTransition(locked.status as DisputeStatus, input.outcome))
      throw new DisputeError("CONFLICT", "alreadyAnswered");
    const answered = await tx.kpiDispute.update({
      where: { id: locked.id },
      data: {
        status: input.outcome,
        answer: input.answer,
        correctedValue: input.correctedValue,
        answeredById: actor.id,
        answeredAt: new Date(),
      },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "kpi_dispute.answer",
        entityType: AUDIT_ENTITY,
        entityId: String(locked.id),
        data: {
          contractId: locked.contractId,
          officerId: locked.officerId,
          kpiId: locked.kpiId,
          month: locked.month,
          from: "OPEN",
          status: input.outcome,
          answer: input.answer,
          correctedValue: input.correctedValue,
          seen: { value: locked.seenValue, numerator: locked.seenNumerator, denominator: locked.seenDenominator },
          computed: computed
            ? { value: computed.value, numerator: computed.numerator, denominator: computed.denominator }
            : null,
        },
      },
      tx,
    );
    return { id: answered.id, status: input.outcome };
  });
}
