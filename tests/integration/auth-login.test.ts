// Login against real PostgreSQL and Redis: the failed-attempt budget per email and per IP, its reset on success,
// and inactive accounts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { clearLoginFailures, loginBlockedForSeconds, recordLoginFailure } from "@/lib/auth/login-rate-limit";

const run = randomUUID().slice(0, 8);
const activeEmail = `login-active-${run}@test.local`;
const inactiveEmail = `login-inactive-${run}@test.local`;
const PASSWORD = "right-password-42";
// A distinct fake address per test, so the per-IP budget of one test never leaks into another.
const ip = (n: number) => `203.0.113.${n}-${run}`;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.createMany({
    data: [
      { email: activeEmail, name: "Active Tester", role: "MANAGER", passwordHash },
      { email: inactiveEmail, name: "Inactive Tester", role: "MANAGER", passwordHash, active: false },
    ],
  });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { in: [activeEmail, inactiveEmail] } } });
  const keys = await redis.keys(`${env.QUEUE_PREFIX}:login-fail:*${run}*`);
  if (keys.length > 0) await redis.del(...keys);
  await Promise.all([db.$disconnect(), redis.quit()]);
});

describe("authenticateUser", () => {
  it("signs in with the right password, whatever the case of the email", async () => {
    const outcome = await authenticateUser({ email: activeEmail.toUpperCase(), password: PASSWORD, ip: ip(1) });
    expect(outcome.ok && outcome.user.email).toBe(activeEmail);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(await authenticateUser({ email: activeEmail, password: "wrong-password", ip: ip(2) })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateUser({ email: `nobody-${run}@test.local`, password: PASSWORD, ip: ip(2) })).toEqual({
      ok: false,
      reason: "invalid",
    });
    await clearLoginFailures(activeEmail);
  });

  it("refuses an inactive account even with the right password", async () => {
    expect(await authenticateUser({ email: inactiveEmail, password: PASSWORD, ip: ip(3) })).toEqual({
      ok: false,
      reason: "inactive",
    });
  });

  it("after LOGIN_MAX_ATTEMPTS wrong passwords refuses the right one too, for the length of the window", async () => {
    for (let attempt = 0; attempt < env.LOGIN_MAX_ATTEMPTS; attempt++) {
      expect(await authenticateUser({ email: activeEmail, password: `wrong-${attempt}`, ip: ip(4) })).toMatchObject({
        reason: "invalid",
      });
    }
    const outcome = await authenticateUser({ email: activeEmail, password: PASSWORD, ip: ip(5) });
    expect(outcome).toMatchObject({ ok: false, reason: "rate_limited" });
    const retry = outcome.ok ? 0 : "retryAfterSeconds" in outcome ? outcome.retryAfterSeconds : 0;
    expect(retry).toBeGreaterThan(env.LOGIN_WINDOW_SECONDS - 60);
    expect(retry).toBeLessThanOrEqual(env.LOGIN_WINDOW_SECONDS);
    await clearLoginFailures(activeEmail);
  });

  it("clears the email's failures on a successful login", async () => {
    for (let attempt = 0; attempt < env.LOGIN_MAX_ATTEMPTS - 1; attempt++) {
      await authenticateUser({ email: activeEmail, password: `wrong-${attempt}`, ip: ip(6) });
    }
    expect((await authenticateUser({ email: activeEmail, password: PASSWORD, ip: ip(6) })).ok).toBe(true);
    // A fresh budget: as many wrong attempts again still leave the account open.
    for (let attempt = 0; attempt < env.LOGIN_MAX_ATTEMPTS - 1; attempt++) {
      await authenticateUser({ email: activeEmail, password: `wrong-${attempt}`, ip: ip(7) });
    }
    expect((await authenticateUser({ email: activeEmail, password: PASSWORD, ip: ip(7) })).ok).toBe(true);
  });
});

describe("per-IP budget", () => {
  it("blocks an address after LOGIN_MAX_ATTEMPTS_PER_IP failures spread over many emails", async () => {
    const address = ip(8);
    for (let n = 0; n < env.LOGIN_MAX_ATTEMPTS_PER_IP; n++) {
      await recordLoginFailure({ email: `spray-${n}-${run}@test.local`, ip: address });
    }
    expect(await loginBlockedForSeconds({ email: `fresh-${run}@test.local`, ip: address })).toBeGreaterThan(0);
    expect(await loginBlockedForSeconds({ email: `fresh-${run}@test.local`, ip: ip(9) })).toBe(0);
  });
});
