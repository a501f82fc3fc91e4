// Loads an evaluation with its contract for the acting user: an evaluation of a contract they cannot see is
// NOT_FOUND. `lock` serialises appeals and decisions on the same evaluation.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { getContractForActorOrThrow } from "@/lib/contracts/access";
import { ContractError } from "@/lib/contracts/contract-error";

type Tx = Prisma.TransactionClient | typeof db;

export async function getEvaluationForActorOrThrow(
  evaluationId: number,
  actor: Actor,
  { tx = db, lock = false }: { tx?: Tx; lock?: boolean } = {},
) {
  if (lock) await tx.$queryRaw`SELECT id FROM contract_evaluations WHERE id = ${evaluationId} FOR UPDATE`;
  const evaluation = await tx.contractEvaluation.findUnique({ where: { id: evaluationId } });
  if (!evaluation) throw new ContractError("NOT_FOUND", "notFound");
  const contract = await getContractForActorOrThrow(evaluation.contractId, actor, { tx });
  return { evaluation, contract };
}

// Who lodged the appeal of an evaluation: the audit log records it (the evaluation row keeps only when and why).
export async function appellantOf(tx: Tx, contractId: number, evaluationId: number): Promise<string | null> {
  const entry = await tx.auditLog.findFirst({
    where: {
      entityType: "contract",
      entityId: String(contractId),
      action: "contract.appeal",
      data: { path: ["evaluationId"], equals: evaluationId },
    },
    orderBy: { id: "asc" },
  });
  return entry?.actorId ?? null;
}
