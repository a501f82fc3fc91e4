// Ends every open session of a user at once: sessions carry the version their user had at sign-in, and the guards,
// the proxy and Auth.js's session endpoint refuse any other (docs/decisions/028-revocable-sessions.md).
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";

type UserWriter = Prisma.TransactionClient | typeof db;

export async function endUserSessions(userId: string, tx: UserWriter = db): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  return count > 0;
}
