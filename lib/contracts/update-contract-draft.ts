// Edits a draft. Only a draft: once signed, terms change only through an amendment (a new version), never in place.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { ContractInput } from "@/lib/contracts/schema";
import type { Actor } from "@/lib/auth/session-user";
import { refusalFor } from "@/lib/contracts/lifecycle";
import { contractFacts, getContractForActorOrThrow, requireManagingRole } from "@/lib/contracts/access";
import { throwIfRefused } from "@/lib/contracts/contract-error";
import { assertNoOverlap, checkParty, normaliseParty, resolvePrincipal } from "@/lib/contracts/check-contract-terms";
import { AUDIT_ENTITY, indicatorRows, termsData, termsSummary } from "@/lib/contracts/contract-data";

export async function updateContractDraft(
  contractId: number,
  raw: z.input<typeof ContractInput>,
  actor: Actor,
): Promise<void> {
  requireManagingRole(actor);
  const input = normaliseParty(ContractInput.parse(raw));
  await db.$transaction(async (tx) => {
    const before = await getContractForActorOrThrow(contractId, actor, { tx, lock: true });
    throwIfRefused(refusalFor("edit", contractFacts(before), actor));
    await checkParty(tx, actor, input);
    const principalId = await resolvePrincipal(tx, actor, input.principalId ?? before.principalId, input);
    await assertNoOverlap(
      tx,
      input,
      { from: input.periodFrom, to: input.periodTo },
      input.indicators.map((i) => i.kpiId),
      before.contractNo,
    );
    await tx.contractIndicator.deleteMany({ where: { contractId } });
    const after = await tx.contract.update({
      where: { id: contractId },
      data: { ...termsData(input), principalId, indicators: { create: indicatorRows(input.indicators) } },
      include: { indicators: { orderBy: { position: "asc" } } },
    });
    await writeAudit(
      {
        actorId: actor.id,
        action: "contract.update",
        entityType: AUDIT_ENTITY,
        entityId: String(contractId),
        data: { before: termsSummary(before), after: termsSummary(after) },
      },
      tx,
    );
  });
}
