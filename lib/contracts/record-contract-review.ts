// The monthly review between a manager and the party: a note and the actions agreed, for one month of the period.
// The month's indicator values are recorded with it in the audit log, so what was discussed stays on record even
// when later data moves the month's figures.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { ReviewInput } from "@/lib/contracts/schema";
import type { Actor } from "@/lib/auth/session-user";
import { refusalFor } from "@/lib/contracts/lifecycle";
import { contractFacts, getContractForActorOrThrow } from "@/lib/contracts/access";
import { ContractError, throwIfRefused } from "@/lib/contracts/contract-error";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { contractMonths } from "@/lib/contracts/contract-periods";
import { indicatorsFor } from "@/lib/contracts/contract-indicators";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";

export async function recordContractReview(raw: z.input<typeof ReviewInput>, actor: Actor): Promise<{ id: number }> {
  const input = ReviewInput.parse(raw);
  const contract = await getContractForActorOrThrow(input.contractId, actor);
  throwIfRefused(refusalFor("review", contractFacts(contract), actor));
  const contractPeriod = { from: isoDate(contract.periodFrom), to: isoDate(contract.periodTo) };
  const month = contractMonths(contractPeriod, todayIso()).find((m) => m.month === input.month);
  if (!month) {
    const inPeriod = contractMonths(contractPeriod, "9999-12-31").some((m) => m.month === input.month);
    throw new ContractError(
      "INVALID",
      inPeriod ? "monthNotStarted" : "monthOutsidePeriod",
      { month: input.month },
      "month",
    );
  }
  // Computed before the transaction: it may run the KPI queries, which must not hold the contract's row lock.
  const indicators = await indicatorsFor(contract, month.period);

  return db.$transaction(async (tx) => {
    const locked = await getContractForActorOrThrow(contract.id, actor, { tx, lock: true });
    throwIfRefused(refusalFor("review", contractFacts(locked), actor));
    // One review per month of a contract, whichever version was in force.
    const existing = await tx.contractReview.findFirst({
      where: { month: input.month, contract: { contractNo: locked.contractNo } },
    });
    if (existing) throw new ContractError("CONFLICT", "alreadyReviewed", { month: input.month }, "month");
    const review = await tx.contractReview.create({
      data: {
        contractId: locked.id,
        month: input.month,
        note: input.note,
        agreedActions: input.agreedActions,
        reviewerId: actor.id,
      },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.review",
        entityType: AUDIT_ENTITY,
        entityId: String(locked.id),
        data: {
          reviewId: review.id,
          month: input.month,
          period: month.period,
          values: [...indicators.values.values()].map(({ kpiId, value, numerator, denominator }) => ({
            kpiId,
            value,
            numerator,
            denominator,
          })),
          // The O/E the indicators scored on it were measured by (none for a contract scoring raw values).
          ...(indicators.oe.size
            ? {
                observedExpected: [...indicators.oe].map(([kpiId, o]) => ({
                  kpiId,
                  observed: o.observed,
                  expected: o.expected,
                  n: o.n,
                  ratio: o.ratio,
                })),
              }
            : {}),
          overallScore: indicators.scorecard.overall,
        },
      },
      tx,
    );
    return { id: review.id };
  });
}
