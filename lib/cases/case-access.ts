// Loads a case for the user acting on it, scoped in the query itself (docs/conventions.md, "Authorization is
// structural"): a
// case outside the user's reach (an officer, another office, a case about themselves) is NOT_FOUND, exactly like one
// that does not exist. Mirrors case-rules.canSeeCase.
import "server-only";
import type { Case, Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { scopeForUser } from "@/lib/auth/scope";
import { refusalFor, usesCases, type CaseActor, type CaseFacts, type CaseOperation } from "@/lib/cases/case-rules";
import { CaseError, throwIfCaseRefused } from "@/lib/cases/case-error";

type Tx = Prisma.TransactionClient | typeof db;

export const AUDIT_ENTITY = "case";

// Matches no row (Prisma reads `in: []` as false).
const NOTHING: Prisma.CaseWhereInput = { id: { in: [] } };

export function caseVisibilityWhere(actor: CaseActor): Prisma.CaseWhereInput {
  if (!usesCases(actor)) return NOTHING;
  const scope = scopeForUser(actor);
  if (scope.kind !== "all" && scope.kind !== "office") return NOTHING;
  const conditions: Prisma.CaseWhereInput[] = [];
  if (scope.kind === "office") conditions.push({ officeCode: scope.officeCode });
  if (actor.officerId !== null) conditions.push({ NOT: { subjectOfficerIds: { has: actor.officerId } } });
  return { AND: conditions };
}

// Officers and managers without the grant have no cases at all: the same NOT_FOUND as a case they cannot see.
export function requireCaseRole(actor: CaseActor): void {
  if (!usesCases(actor)) throw new CaseError("NOT_FOUND", "notFound");
}

// Inside a transaction, `lock` takes the row lock first, so two concurrent transitions of one case run one after
// the other and the second sees the first one's status.
export async function getCaseForActorOrThrow(
  id: number,
  actor: CaseActor,
  { tx = db, lock = false }: { tx?: Tx; lock?: boolean } = {},
): Promise<Case> {
  requireCaseRole(actor);
  if (!Number.isSafeInteger(id)) throw new CaseError("NOT_FOUND", "notFound");
  if (lock) await tx.$queryRaw`SELECT id FROM cases WHERE id = ${id} FOR UPDATE`;
  const found = await tx.case.findFirst({ where: { AND: [{ id }, caseVisibilityWhere(actor)] } });
  if (!found) throw new CaseError("NOT_FOUND", "notFound");
  return found;
}

export function caseFacts(
  c: Pick<Case, "status" | "officeCode" | "subjectOfficerIds" | "assigneeId" | "findingById" | "finding">,
): CaseFacts {
  return {
    status: c.status,
    officeCode: c.officeCode,
    subjectOfficerIds: c.subjectOfficerIds,
    assigneeId: c.assigneeId,
    findingById: c.findingById,
    finding: c.finding,
  };
}

// One transition of one case: the row locked, the refusal of case-rules.ts checked on what the lock returned, then
// the change and its audit row written by `work` in the same transaction.
export async function withCaseTransition<T>(
  caseId: number,
  actor: CaseActor,
  operation: CaseOperation,
  work: (tx: Prisma.TransactionClient, locked: Case) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const locked = await getCaseForActorOrThrow(caseId, actor, { tx, lock: true });
    throwIfCaseRefused(refusalFor(operation, caseFacts(locked), actor));
    return work(tx, locked);
  });
}
