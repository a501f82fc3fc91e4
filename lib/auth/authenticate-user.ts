// Checks an email and password against the users table, within the failed-sign-in throttle, and audits the outcome.
import "server-only";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { env } from "@/lib/env";
import { writeAudit } from "@/lib/audit";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { clearLoginFailures, loginBlockedForSeconds, recordLoginFailure } from "@/lib/auth/login-throttle";
import { toSessionUser } from "@/lib/auth/load-session-user";
import type { SessionUser } from "@/lib/auth/session-user";

export type LoginOutcome =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

// A guesser keeps being refused without limit; one audit entry a minute per account and address tells the story
// without letting them fill the log.
const THROTTLE_AUDIT_EVERY_SECONDS = 60;

async function auditThrottled(email: string, ip: string, userId: string | null, retryAfterSeconds: number) {
  const first = await redis.set(
    `${env.QUEUE_PREFIX}:login-throttled-audited:${email}|${ip}`,
    "1",
    "EX",
    THROTTLE_AUDIT_EVERY_SECONDS,
    "NX",
  );
  if (first !== "OK") return;
  await writeAudit({
    actorId: null,
    action: "auth.throttled",
    entityType: "user",
    entityId: userId ?? email,
    data: { email, ip, retryAfterSeconds },
  });
}

export async function authenticateUser(input: { email: string; password: string; ip: string }): Promise<LoginOutcome> {
  const email = input.email.trim().toLowerCase();
  const attempt = { email, ip: input.ip };

  // Checked before the password, so while the wait runs even the right password is refused.
  const retryAfterSeconds = await loginBlockedForSeconds(attempt);
  if (retryAfterSeconds > 0) {
    const known = await db.user.findUnique({ where: { email }, select: { id: true } });
    await auditThrottled(email, input.ip, known?.id ?? null, retryAfterSeconds);
    return { ok: false, reason: "rate_limited", retryAfterSeconds };
  }

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordMatches) {
    await recordLoginFailure(attempt);
    await writeAudit({
      actorId: null,
      action: "auth.sign_in_failed",
      entityType: "user",
      // An unknown email has no id: the entry names what was typed.
      entityId: user?.id ?? email.slice(0, 320),
      data: { email: email.slice(0, 320), ip: input.ip, reason: "invalid" },
    });
    return { ok: false, reason: "invalid" };
  }
  // Only said once the password is right, so it reveals nothing to someone guessing.
  if (!user.active) {
    await writeAudit({
      actorId: null,
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: user.id,
      data: { email, ip: input.ip, reason: "inactive" },
    });
    return { ok: false, reason: "inactive" };
  }

  await clearLoginFailures(attempt);
  await writeAudit({
    actorId: user.id,
    action: "auth.sign_in",
    entityType: "user",
    entityId: user.id,
    data: { ip: input.ip },
  });
  return { ok: true, user: toSessionUser(user), sessionVersion: user.sessionVersion };
}
