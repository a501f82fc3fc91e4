// Closes a contract: at the end of its period, or to withdraw a draft or end a contract early (with a note).
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { CloseInput } from "@/lib/contracts/schema";
import type { Actor } from "@/lib/auth/session-user";
import { refusalFor } from "@/lib/contracts/lifecycle";
import { contractFacts, getContractForActorOrThrow } from "@/lib/contracts/access";
import { throwIfRefused } from "@/lib/contracts/contract-error";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";

export async function closeContract(raw: z.input<typeof CloseInput>, actor: Actor): Promise<void> {
  const input = CloseInput.parse(raw);
  await db.$transaction(async (tx) => {
    const contract = await getContractForActorOrThrow(input.contractId, actor, { tx, lock: true });
    throwIfRefused(refusalFor("close", contractFacts(contract), actor));
    await tx.contract.update({ where: { id: contract.id }, data: { status: "CLOSED", closedAt: new Date() } });
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.close",
        entityType: AUDIT_ENTITY,
        entityId: String(contract.id),
        data: { from: contract.status, to: "CLOSED", note: input.note },
      },
      tx,
    );
  });
}
