// Creates a draft contract (version 1 of a new contract number). Nothing binds anyone until the principal signs.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { ContractInput } from "@/lib/contracts/schema";
import type { Actor } from "@/lib/auth/session-user";
import { requireManagingRole } from "@/lib/contracts/access";
import {
  assertNoOverlap,
  checkParty,
  nextContractNo,
  normaliseParty,
  resolvePrincipal,
} from "@/lib/contracts/check-contract-terms";
import { AUDIT_ENTITY, indicatorRows, termsData, termsSummary } from "@/lib/contracts/contract-data";

export async function createContract(
  raw: z.input<typeof ContractInput>,
  actor: Actor,
): Promise<{ id: number; contractNo: number }> {
  requireManagingRole(actor);
  const input = normaliseParty(ContractInput.parse(raw));
  return db.$transaction(async (tx) => {
    await checkParty(tx, actor, input);
    const principalId = await resolvePrincipal(tx, actor, input.principalId, input);
    const period = { from: input.periodFrom, to: input.periodTo };
    // A draft may not even start out in conflict: the manager hears about it now rather than at signing.
    await assertNoOverlap(
      tx,
      input,
      period,
      input.indicators.map((i) => i.kpiId),
      null,
    );
    const contractNo = await nextContractNo(tx);
    const contract = await tx.contract.create({
      data: {
        ...termsData(input),
        contractNo,
        version: 1,
        principalId,
        createdById: actor.id,
        indicators: { create: indicatorRows(input.indicators) },
      },
      include: { indicators: true },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.create",
        entityType: AUDIT_ENTITY,
        entityId: String(contract.id),
        data: termsSummary(contract),
      },
      tx,
    );
    return { id: contract.id, contractNo };
  });
}
