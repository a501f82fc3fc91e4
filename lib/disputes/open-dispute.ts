// An officer disputes one month's value of one of their contract's indicators: the reason, the declarations they
// point at (members of the KPI's set for them and that month), and the figures they saw, copied from kpi_results so
// the answer refers to what was disputed even after later imports move the month. Audited in the same transaction.
import "server-only";
import type { z } from "zod";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { KpiId } from "@/lib/kpis/catalogue";
import type { Actor } from "@/lib/auth/session-user";
import { contractFacts, getContractForActorOrThrow } from "@/lib/contracts/access";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { contractMonths } from "@/lib/contracts/contract-periods";
import { indicatorsFor } from "@/lib/contracts/contract-indicators";
import { DisputeInput } from "@/lib/disputes/schema";
import { fileRefusal } from "@/lib/disputes/dispute-rules";
import { DisputeError, throwIfDisputeRefused } from "@/lib/disputes/dispute-error";
import { declarationsOutsideSet } from "@/lib/disputes/check-dispute-declarations";
import { AUDIT_ENTITY } from "@/lib/disputes/dispute-access";

export async function openDispute(raw: z.input<typeof DisputeInput>, actor: Actor): Promise<{ id: number }> {
  const input = DisputeInput.parse(raw);
  const contract = await getContractForActorOrThrow(input.contractId, actor);
  throwIfDisputeRefused(fileRefusal(contractFacts(contract), actor));
  if (!contract.indicators.some((i) => i.kpiId === input.kpiId))
    throw new DisputeError("INVALID", "kpiNotInContract", { kpi: input.kpiId }, "kpiId");
  const contractPeriod = { from: isoDate(contract.periodFrom), to: isoDate(contract.periodTo) };
  const month = contractMonths(contractPeriod, todayIso()).find((m) => m.month === input.month);
  if (!month) {
    const inPeriod = contractMonths(contractPeriod, "9999-12-31").some((m) => m.month === input.month);
    throw new DisputeError(
      "INVALID",
      inPeriod ? "monthNotStarted" : "monthOutsidePeriod",
      { month: input.month },
      "month",
    );
  }
  // fileRefusal made sure the actor is the officer party, so this is their own officer id.
  const officerId = contract.partyOfficerId!;
  const outside = await declarationsOutsideSet(input.kpiId as KpiId, officerId, month.period, input.declIds);
  if (outside.length) {
    throw new DisputeError(
      "INVALID",
      "declarationsOutsideSet",
      { declIds: outside.join(", "), kpi: input.kpiId, month: input.month },
      "declIds",
    );
  }
  // Read before the transaction: it may compute the month's cells, which must not hold the contract's row lock.
  const seen = (await indicatorsFor(contract, month.period)).values.get(input.kpiId);

  try {
    return await db.$transaction(async (tx) => {
      const locked = await getContractForActorOrThrow(contract.id, actor, { tx, lock: true });
      throwIfDisputeRefused(fileRefusal(contractFacts(locked), actor));
      const open = await tx.kpiDispute.findFirst({
        where: { officerId, kpiId: input.kpiId, month: input.month, status: "OPEN" },
      });
      if (open) throw new DisputeError("CONFLICT", "alreadyOpen", { kpi: input.kpiId, month: input.month }, "kpiId");
      const dispute = await tx.kpiDispute.create({
        data: {
          contractId: locked.id,
          officerId,
          kpiId: input.kpiId,
          month: input.month,
          periodFrom: new Date(`${month.period.from}T00:00:00Z`),
          periodTo: new Date(`${month.period.to}T00:00:00Z`),
          seenValue: seen?.value ?? null,
          seenNumerator: seen?.numerator ?? null,
          seenDenominator: seen?.denominator ?? null,
          reason: input.reason,
          declIds: input.declIds,
          filedById: actor.id,
        },
      });
      await writeAudit(
        {
          actorId: actor.id,
          action: "kpi_dispute.open",
          entityType: AUDIT_ENTITY,
          entityId: String(dispute.id),
          data: {
            contractId: locked.id,
            contractNo: locked.contractNo,
            officerId,
            kpiId: input.kpiId,
            month: input.month,
            period: month.period,
            seen: { value: dispute.seenValue, numerator: dispute.seenNumerator, denominator: dispute.seenDenominator },
            reason: input.reason,
            declIds: input.declIds,
          },
        },
        tx,
      );
      return { id: dispute.id };
    });
  } catch (error) {
    // Two filings at the same moment on two versions of one contract: the partial unique index keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DisputeError("CONFLICT", "alreadyOpen", { kpi: input.kpiId, month: input.month }, "kpiId");
    }
    throw error;
  }
}
