// Every change to a contract, flag, case, user or import is recorded here. The table is append-only in the database.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
};

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

export async function writeAudit(entry: AuditEntry, tx: AuditWriter = db): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
