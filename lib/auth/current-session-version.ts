// The session version an active user has now, or null (no such user, or deactivated). Read with pg, not Prisma:
// the proxy calls it before answering from the page cache, and Auth.js's session endpoint on each call.
import "server-only";
import { pool } from "@/lib/pg";

export async function currentSessionVersion(userId: string): Promise<number | null> {
  const { rows } = await pool.query<{ version: number }>(
    "SELECT session_version AS version FROM users WHERE id = $1 AND active",
    [userId],
  );
  return rows[0]?.version ?? null;
}

// A decoded session token is current when its user is active and it carries that user's version. A token issued
// before sessions carried one counts as version 0: it ends at its user's first bump (or its absolute expiry).
export async function sessionIsCurrent(token: { sub?: string | null; sessionVersion?: number }): Promise<boolean> {
  if (!token.sub) return false;
  return (await currentSessionVersion(token.sub)) === (token.sessionVersion ?? 0);
}
