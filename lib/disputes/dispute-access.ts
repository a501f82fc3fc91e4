// Loads a dispute for the user acting on it, scoped in the query itself through its contract (docs/conventions.md,
// "Authorization is structural"): a dispute of a contract outside the user's reach is NOT_FOUND, exactly like one
// that does not exist. Integrity analysts see none (dispute-rules.ts).
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { contractVisibilityWhere } from "@/lib/contracts/access";
import { DisputeError } from "@/lib/disputes/dispute-error";

type Tx = Prisma.TransactionClient | typeof db;

export const AUDIT_ENTITY = "kpi_dispute";

export function disputeVisibilityWhere(actor: Actor): Prisma.KpiDisputeWhereInput {
  if (actor.role === "INTEGRITY") return { id: { in: [] } };
  // Wrapped in AND: as a relation filter, Prisma 6.19 matches nothing for the bare { OR: [{}] } that
  // contractVisibilityWhere gives a manager of all offices (found by tests/integration/disputes.test.ts).
  return { contract: { AND: [contractVisibilityWhere(actor)] } };
}

const include = {
  contract: { include: { indicators: { orderBy: { position: "asc" } } } },
} as const satisfies Prisma.KpiDisputeInclude;
export type DisputeWithContract = Prisma.KpiDisputeGetPayload<{ include: typeof include }>;

// Inside a transaction, `lock` takes the row lock first, so two managers answering at once run one after the other
// and the second sees the first one's answer.
export async function getDisputeForActorOrThrow(
  id: number,
  actor: Actor,
  { tx = db, lock = false }: { tx?: Tx; lock?: boolean } = {},
): Promise<DisputeWithContract> {
  if (lock) await tx.$queryRaw`SELECT id FROM kpi_disputes WHERE id = ${id} FOR UPDATE`;
  const dispute = await tx.kpiDispute.findFirst({ where: { AND: [{ id }, disputeVisibilityWhere(actor)] }, include });
  if (!dispute) throw new DisputeError("NOT_FOUND", "notFound");
  return dispute;
}
