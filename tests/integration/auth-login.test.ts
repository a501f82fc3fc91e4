// Sign-in against real PostgreSQL and Redis: the progressive slow-down per account and address, per address and per
// account, its reset on success, an administrator clearing it, inactive accounts, and the audit of each outcome.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { authenticateUser, type LoginOutcome } from "@/lib/auth/authenticate-user";
import { loginBlockedForSeconds, recordLoginFailure } from "@/lib/auth/login-throttle";
import { clearSignInFailures } from "@/lib/users/clear-sign-in-failures";

const run = randomUUID().slice(0, 8);
const email = (name: string) => `login-${name}-${run}@test.local`;
const PASSWORD = "right-password-42";
// A distinct fake address per test, so one test's counters never leak into another.
const ip = (n: number) => `203.0.113.${n}-${run}`;
const ids: Record<string, string> = {};

const retryOf = (outcome: LoginOutcome) =>
  !outcome.ok && outcome.reason === "rate_limited" ? outcome.retryAfterSeconds : 0;

async function failTimes(who: string, address: string, times: number) {
  for (let attempt = 0; attempt < times; attempt++) {
    expect(await authenticateUser({ email: who, password: `wrong-${attempt}`, ip: address })).toMatchObject({
      ok: false,
    });
  }
}

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  for (const name of ["active", "inactive", "owner", "pair", "admin"]) {
    const user = await db.user.create({
      data: { email: email(name), name, role: name === "admin" ? "ADMIN" : "MANAGER", passwordHash },
    });
    ids[name] = user.id;
  }
  await db.user.update({ where: { id: ids.inactive }, data: { active: false } });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: Object.values(ids) } } });
  const keys = await redis.keys(`${env.QUEUE_PREFIX}:login-*${run}*`);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([db.$disconnect(), redis.quit()]);
});

describe("authenticateUser", () => {
  it("signs in with the right password, whatever the case of the email, and audits it with the address", async () => {
    const outcome = await authenticateUser({ email: email("active").toUpperCase(), password: PASSWORD, ip: ip(1) });
    expect(outcome.ok && outcome.user.email).toBe(email("active"));
    const entry = await db.auditLog.findFirst({
      where: { action: "auth.sign_in", entityId: ids.active },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ actorId: ids.active, entityType: "user", data: { ip: ip(1) } });
  });

  it("refuses a wrong password and an unknown email alike, and audits both failures", async () => {
    expect(await authenticateUser({ email: email("active"), password: "wrong-password", ip: ip(2) })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const unknown = `nobody-${run}@test.local`;
    expect(await authenticateUser({ email: unknown, password: PASSWORD, ip: ip(2) })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const failures = await db.auditLog.findMany({
      where: { action: "auth.sign_in_failed", entityId: { in: [ids.active!, unknown] } },
      orderBy: { id: "asc" },
    });
    expect(failures.map((f) => [f.entityId, f.actorId, f.data])).toEqual([
      [ids.active, null, { email: email("active"), ip: ip(2), reason: "invalid" }],
      [unknown, null, { email: unknown, ip: ip(2), reason: "invalid" }],
    ]);
  });

  it("refuses an inactive account even with the right password", async () => {
    expect(await authenticateUser({ email: email("inactive"), password: PASSWORD, ip: ip(3) })).toEqual({
      ok: false,
      reason: "inactive",
    });
  });
});

describe("progressive slow-down", () => {
  it("after LOGIN_MAX_ATTEMPTS failures from one address slows that address down for the account, briefly", async () => {
    await failTimes(email("pair"), ip(4), env.LOGIN_MAX_ATTEMPTS);
    const refused = await authenticateUser({ email: email("pair"), password: PASSWORD, ip: ip(4) });
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    // 2 s after the last free failure: a slow-down, not a 15-minute lock-out.
    expect(retryOf(refused)).toBeGreaterThan(0);
    expect(retryOf(refused)).toBeLessThanOrEqual(2);
    const throttled = await db.auditLog.findFirst({ where: { action: "auth.throttled", entityId: ids.pair } });
    expect(throttled?.data).toMatchObject({ email: email("pair"), ip: ip(4) });
    await new Promise((resolve) => setTimeout(resolve, retryOf(refused) * 1000 + 100));
    expect((await authenticateUser({ email: email("pair"), password: PASSWORD, ip: ip(4) })).ok).toBe(true);
  });

  it("does not slow down the owner on another address while someone else guesses the account", async () => {
    // Twice the per-address allowance, all from the attacker's address: the attacker waits, the owner does not.
    await failTimes(email("owner"), ip(5), env.LOGIN_MAX_ATTEMPTS);
    for (let n = 0; n < env.LOGIN_MAX_ATTEMPTS; n++) await recordLoginFailure({ email: email("owner"), ip: ip(5) });
    expect(await loginBlockedForSeconds({ email: email("owner"), ip: ip(5) })).toBeGreaterThan(30);
    expect((await authenticateUser({ email: email("owner"), password: PASSWORD, ip: ip(6) })).ok).toBe(true);
  });

  it("slows an account guessed from many addresses by at most LOGIN_ACCOUNT_MAX_DELAY_SECONDS", async () => {
    const who = email("active");
    // Far more failures than the account allows, each from its own address, as a botnet (or forged headers) would.
    for (let n = 0; n < env.LOGIN_MAX_ATTEMPTS * 8; n++) await recordLoginFailure({ email: who, ip: `${ip(7)}-${n}` });
    const wait = await loginBlockedForSeconds({ email: who, ip: ip(8) });
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS);
  });

  it("lets an administrator clear an account's failures, and audits it", async () => {
    const who = email("active");
    expect(await loginBlockedForSeconds({ email: who, ip: ip(8) })).toBeGreaterThan(0);
    await clearSignInFailures(ids.active!, ids.admin!);
    expect(await loginBlockedForSeconds({ email: who, ip: ip(8) })).toBe(0);
    expect((await authenticateUser({ email: who, password: PASSWORD, ip: ip(8) })).ok).toBe(true);
    const cleared = await db.auditLog.findFirst({ where: { action: "auth.failures_cleared", entityId: ids.active } });
    expect(cleared?.actorId).toBe(ids.admin);
  });

  it("slows down an address after LOGIN_MAX_ATTEMPTS_PER_IP failures spread over many accounts", async () => {
    const address = ip(9);
    for (let n = 0; n < env.LOGIN_MAX_ATTEMPTS_PER_IP; n++) {
      await recordLoginFailure({ email: `spray-${n}-${run}@test.local`, ip: address });
    }
    expect(await loginBlockedForSeconds({ email: `fresh-${run}@test.local`, ip: address })).toBeGreaterThan(0);
    expect(await loginBlockedForSeconds({ email: `fresh-${run}@test.local`, ip: ip(10) })).toBe(0);
  });
});
