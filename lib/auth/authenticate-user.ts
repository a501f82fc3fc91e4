// Checks an email and password against the users table, within the failed-login budget.
import "server-only";
import { db } from "@/lib/db";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { clearLoginFailures, loginBlockedForSeconds, recordLoginFailure } from "@/lib/auth/login-rate-limit";
import { toSessionUser } from "@/lib/auth/load-session-user";
import type { SessionUser } from "@/lib/auth/session-user";

export type LoginOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export async function authenticateUser(input: { email: string; password: string; ip: string }): Promise<LoginOutcome> {
  const email = input.email.trim().toLowerCase();
  const attempt = { email, ip: input.ip };

  // Checked before the password, so once the budget is spent even the right password is refused.
  const retryAfterSeconds = await loginBlockedForSeconds(attempt);
  if (retryAfterSeconds > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordMatches) {
    await recordLoginFailure(attempt);
    return { ok: false, reason: "invalid" };
  }
  // Only said once the password is right, so it reveals nothing to someone guessing.
  if (!user.active) return { ok: false, reason: "inactive" };

  await clearLoginFailures(email);
  return { ok: true, user: toSessionUser(user) };
}
