// Amends a signed contract: the version in force is kept exactly as it was, only marked SUPERSEDED, and a new draft
// version with the same contract number and the same terms is opened for editing, then signed and acknowledged
// again like any draft.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AmendInput } from "@/lib/contracts/schema";
import type { Actor } from "@/lib/auth/session-user";
import { refusalFor } from "@/lib/contracts/lifecycle";
import { contractFacts, getContractForActorOrThrow } from "@/lib/contracts/access";
import { throwIfRefused } from "@/lib/contracts/contract-error";
import { AUDIT_ENTITY, termsSummary } from "@/lib/contracts/contract-data";

export async function amendContract(
  raw: z.input<typeof AmendInput>,
  actor: Actor,
): Promise<{ id: number; version: number }> {
  const input = AmendInput.parse(raw);
  return db.$transaction(async (tx) => {
    const old = await getContractForActorOrThrow(input.contractId, actor, { tx, lock: true });
    throwIfRefused(refusalFor("amend", contractFacts(old), actor));
    const { _max } = await tx.contract.aggregate({ where: { contractNo: old.contractNo }, _max: { version: true } });
    const version = (_max.version ?? old.version) + 1;
    await tx.contract.update({ where: { id: old.id }, data: { status: "SUPERSEDED" } });
    const amended = await tx.contract.create({
      data: {
        contractNo: old.contractNo,
        version,
        title: old.title,
        templateKey: old.templateKey,
        principalId: old.principalId,
        partyType: old.partyType,
        partyOfficerId: old.partyOfficerId,
        partyUnit: old.partyUnit,
        officeCode: old.officeCode,
        periodFrom: old.periodFrom,
        periodTo: old.periodTo,
        reviewCadence: old.reviewCadence,
        evaluationCadence: old.evaluationCadence,
        amendmentReason: input.reason,
        createdById: actor.id,
        indicators: {
          create: old.indicators.map(({ position, kpiId, direction, basis, threshold, target, weight, minVolume }) => ({
            position,
            kpiId,
            direction,
            basis,
            threshold,
            target,
            weight,
            minVolume,
          })),
        },
      },
      include: { indicators: true },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.supersede",
        entityType: AUDIT_ENTITY,
        entityId: String(old.id),
        data: {
          from: old.status,
          to: "SUPERSEDED",
          byContractId: amended.id,
          byVersion: version,
          reason: input.reason,
        },
      },
      tx,
    );
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.amend",
        entityType: AUDIT_ENTITY,
        entityId: String(amended.id),
        data: { ...termsSummary(amended), fromContractId: old.id, fromVersion: old.version, reason: input.reason },
      },
      tx,
    );
    return { id: amended.id, version };
  });
}
