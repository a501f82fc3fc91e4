// The principal signs a draft. The overlap rule is checked again here: it binds from this moment, and another
// contract may have been signed for the same party since the draft was written.
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/session-user";
import { refusalFor } from "@/lib/contracts/lifecycle";
import { contractFacts, getContractForActorOrThrow } from "@/lib/contracts/access";
import { throwIfRefused } from "@/lib/contracts/contract-error";
import { assertNoOverlap } from "@/lib/contracts/check-contract-terms";
import { isoDate } from "@/lib/kernel/calendar";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";

export async function signContract(contractId: number, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const contract = await getContractForActorOrThrow(contractId, actor, { tx, lock: true });
    throwIfRefused(refusalFor("sign", contractFacts(contract), actor));
    await assertNoOverlap(
      tx,
      contract,
      { from: isoDate(contract.periodFrom), to: isoDate(contract.periodTo) },
      contract.indicators.map((i) => i.kpiId),
      contract.contractNo,
    );
    const signedAt = new Date();
    await tx.contract.update({ where: { id: contractId }, data: { status: "SIGNED", signedAt } });
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.sign",
        entityType: AUDIT_ENTITY,
        entityId: String(contractId),
        data: { from: "DRAFT", to: "SIGNED" },
      },
      tx,
    );
  });
}
