// The quarterly evaluation: the scorecard of one quarter (clipped to the contract period, and over) built from the
// party's KPI values, frozen as a snapshot with the sha256 of its inputs, with the manager's decision. Later data
// changes never touch it: the snapshot holds every number it was computed from.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { EvaluationInput } from "@/lib/contracts/schema";
import type { Actor } from "@/lib/auth/session-user";
import { refusalFor } from "@/lib/contracts/lifecycle";
import { contractFacts, getContractForActorOrThrow, type ContractWithIndicators } from "@/lib/contracts/access";
import { ContractError, throwIfRefused } from "@/lib/contracts/contract-error";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { contractQuarters } from "@/lib/contracts/contract-periods";
import { indicatorsFor } from "@/lib/contracts/contract-indicators";
import { inputsHash, type EvaluationInputs } from "@/lib/contracts/inputs-hash";
import type { Scorecard } from "@/lib/contracts/scoring";
import { dayToDate } from "@/lib/kernel/calendar";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";

// What contract_evaluations.scorecard holds.
export type EvaluationSnapshot = {
  quarter: string;
  inputs: EvaluationInputs;
  scorecard: Scorecard;
  // The data the values reflect.
  lastImportId: number | null;
  computedAt: string | null;
};

function quarterOrThrow(contract: ContractWithIndicators, quarter: string) {
  const contractPeriod = { from: isoDate(contract.periodFrom), to: isoDate(contract.periodTo) };
  const found = contractQuarters(contractPeriod, todayIso()).find((q) => q.quarter === quarter);
  if (!found) throw new ContractError("INVALID", "quarterOutsidePeriod", { quarter }, "quarter");
  // A quarter still running would freeze half its data.
  if (!found.ended) throw new ContractError("INVALID", "quarterNotOver", { quarter, to: found.period.to }, "quarter");
  return found;
}

export async function evaluateContract(
  raw: z.input<typeof EvaluationInput>,
  actor: Actor,
): Promise<{ id: number; inputsHash: string }> {
  const input = EvaluationInput.parse(raw);
  const contract = await getContractForActorOrThrow(input.contractId, actor);
  throwIfRefused(refusalFor("evaluate", contractFacts(contract), actor));
  const { period } = quarterOrThrow(contract, input.quarter);
  const measured = await indicatorsFor(contract, period);

  const inputs: EvaluationInputs = {
    contract: {
      id: contract.id,
      contractNo: contract.contractNo,
      version: contract.version,
      partyType: contract.partyType,
      subject: measured.subject,
      periodFrom: isoDate(contract.periodFrom),
      periodTo: isoDate(contract.periodTo),
      indicators: contract.indicators.map(({ kpiId, direction, basis, threshold, target, weight, minVolume }) => ({
        kpiId,
        direction,
        ...(basis === "OE" ? { basis } : {}),
        threshold,
        target,
        weight,
        minVolume,
      })),
    },
    period,
    kpis: contract.indicators.map(({ kpiId, basis }) => {
      const cell = measured.values.get(kpiId);
      const oe = measured.oe.get(kpiId);
      return {
        kpiId,
        value: cell?.value ?? null,
        numerator: cell?.numerator ?? null,
        denominator: cell?.denominator ?? null,
        // Null when the officer has no O/E for the quarter: the indicator was then not evaluable.
        ...(basis === "OE" ? { oe: oe ? { observed: oe.observed, expected: oe.expected, n: oe.n } : null } : {}),
      };
    }),
  };
  const hash = inputsHash(inputs);
  const snapshot: EvaluationSnapshot = {
    quarter: input.quarter,
    inputs,
    scorecard: measured.scorecard,
    lastImportId: measured.lastImportId,
    computedAt: measured.computedAt?.toISOString() ?? null,
  };

  return db.$transaction(async (tx) => {
    const locked = await getContractForActorOrThrow(contract.id, actor, { tx, lock: true });
    // Checked again under the lock: an amendment since the scorecard was built would have superseded this version.
    throwIfRefused(refusalFor("evaluate", contractFacts(locked), actor));
    const existing = await tx.contractEvaluation.findFirst({
      where: {
        periodFrom: dayToDate(period.from),
        periodTo: dayToDate(period.to),
        contract: { contractNo: locked.contractNo },
      },
    });
    if (existing) throw new ContractError("CONFLICT", "alreadyEvaluated", { quarter: input.quarter }, "quarter");
    // Raw SQL with the snapshot as JSON text, so PostgreSQL keeps every number exactly: Prisma's Json path drops the
    // 17th significant digit of some doubles (a revenue per declaration, say), after which the stored inputs would no
    // longer hash to inputs_hash. What was stored is checked against the hash before the transaction commits. The
    // overall score goes as the text of the number for the same reason: a double parameter lost its 17th digit
    // (23.614079195474552 was stored as 23.61407919547455), and the preview would no longer equal it.
    const overall = measured.scorecard.overall === null ? null : String(measured.scorecard.overall);
    const [evaluation] = await tx.$queryRaw<{ id: number; scorecard: string }[]>`
      INSERT INTO contract_evaluations (contract_id, period_from, period_to, scorecard, inputs_hash, overall_score, decision, comments, evaluator_id)
      VALUES (${locked.id}, ${period.from}::date, ${period.to}::date, ${JSON.stringify(snapshot)}::jsonb, ${hash}, ${overall}::float8,
              ${input.decision}::"EvaluationDecision", ${input.comments}, ${actor.id})
      RETURNING id, scorecard::text AS scorecard`;
    if (inputsHash((JSON.parse(evaluation!.scorecard) as EvaluationSnapshot).inputs) !== hash)
      throw new Error(`The evaluation of contract ${locked.id} changed when stored`);
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.evaluate",
        entityType: AUDIT_ENTITY,
        entityId: String(locked.id),
        data: {
          evaluationId: evaluation!.id,
          quarter: input.quarter,
          period,
          decision: input.decision,
          overallScore: measured.scorecard.overall,
          inputsHash: hash,
        },
      },
      tx,
    );
    return { id: evaluation!.id, inputsHash: hash };
  });
}
