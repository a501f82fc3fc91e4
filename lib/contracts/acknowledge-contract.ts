// The party acknowledges a signed contract. If its period has already started it is in force at once: both
// transitions are recorded, acknowledged then active.
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/session-user";
import { refusalFor, statusAfterAcknowledgement } from "@/lib/contracts/lifecycle";
import { contractFacts, getContractForActorOrThrow } from "@/lib/contracts/access";
import { throwIfRefused } from "@/lib/contracts/contract-error";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";

export async function acknowledgeContract(
  contractId: number,
  actor: Actor,
): Promise<{ status: "ACKNOWLEDGED" | "ACTIVE" }> {
  return db.$transaction(async (tx) => {
    const contract = await getContractForActorOrThrow(contractId, actor, { tx, lock: true });
    throwIfRefused(refusalFor("acknowledge", contractFacts(contract), actor));
    const today = todayIso();
    const status = statusAfterAcknowledgement(isoDate(contract.periodFrom), today);
    const now = new Date();
    await tx.contract.update({
      where: { id: contractId },
      data: { status, acknowledgedAt: now, acknowledgedById: actor.id, activatedAt: status === "ACTIVE" ? now : null },
    });
    const entity = { entityType: AUDIT_ENTITY, entityId: String(contractId) };
    await writeAudit(
      { actorId: actor.id, action: "contract.acknowledge", ...entity, data: { from: "SIGNED", to: "ACKNOWLEDGED" } },
      tx,
    );
    if (status === "ACTIVE") {
      await writeAudit(
        {
          actorId: actor.id,
          action: "contract.activate",
          ...entity,
          data: { from: "ACKNOWLEDGED", to: "ACTIVE", periodStarted: isoDate(contract.periodFrom) },
        },
        tx,
      );
    }
    return { status };
  });
}
