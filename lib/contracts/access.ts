// Loads a contract for the user acting on it, scoped in the query itself (docs/conventions.md, "Authorization is
// structural"): a contract outside the user's reach is NOT_FOUND, exactly like one that does not exist.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { ContractError } from "@/lib/contracts/contract-error";
import type { Actor } from "@/lib/auth/session-user";
import { MANAGING_ROLES, type ContractFacts } from "@/lib/contracts/lifecycle";
import { isoDate } from "@/lib/kernel/calendar";

type Tx = Prisma.TransactionClient | typeof db;

// Mirrors lifecycle.canSee: the manager's office (all offices when none), or the contracts the user is party to as
// an officer once signed.
export function contractVisibilityWhere(actor: Actor): Prisma.ContractWhereInput {
  // Every contract: no condition at all (Prisma 6 matches nothing for an OR holding an empty object outside an AND).
  if (MANAGING_ROLES.includes(actor.role) && actor.officeCode === null) return {};
  const visible: Prisma.ContractWhereInput[] = [];
  if (MANAGING_ROLES.includes(actor.role)) visible.push({ officeCode: actor.officeCode! });
  if (actor.officerId !== null) {
    visible.push({ partyType: "OFFICER", partyOfficerId: actor.officerId, status: { not: "DRAFT" } });
  }
  // Nothing to see: an explicit empty match (Prisma reads an empty OR as no condition at all).
  return visible.length ? { OR: visible } : { id: { in: [] } };
}

export function requireManagingRole(actor: Actor): void {
  if (!MANAGING_ROLES.includes(actor.role)) throw new ContractError("FORBIDDEN", "forbidden");
}

const include = { indicators: { orderBy: { position: "asc" } } } as const satisfies Prisma.ContractInclude;
export type ContractWithIndicators = Prisma.ContractGetPayload<{ include: typeof include }>;

// Inside a transaction, `lock` takes the row lock first, so two concurrent transitions of the same contract
// run one after the other and the second sees the first one's status.
export async function getContractForActorOrThrow(
  id: number,
  actor: Actor,
  { tx = db, lock = false }: { tx?: Tx; lock?: boolean } = {},
): Promise<ContractWithIndicators> {
  if (lock) await tx.$queryRaw`SELECT id FROM contracts WHERE id = ${id} FOR UPDATE`;
  const contract = await tx.contract.findFirst({ where: { AND: [{ id }, contractVisibilityWhere(actor)] }, include });
  if (!contract) throw new ContractError("NOT_FOUND", "notFound");
  return contract;
}

export function contractFacts(c: {
  status: ContractFacts["status"];
  principalId: string;
  partyType: ContractFacts["partyType"];
  partyOfficerId: string | null;
  officeCode: string;
  periodFrom: Date;
  activatedAt: Date | null;
}): ContractFacts {
  return { ...c, periodFrom: isoDate(c.periodFrom) };
}
