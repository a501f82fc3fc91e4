// Revocable sessions against real PostgreSQL: a session issued before a password reset, a deactivation, a change of
// access or an administrator's "end sessions" is refused by the guards' loader and by the check the proxy and
// Auth.js's session endpoint make; a name change alone keeps it. Each ending is audited.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { hashPassword } from "@/lib/auth/password";
import { loadActiveSessionUser } from "@/lib/auth/load-session-user";
import { sessionIsCurrent } from "@/lib/auth/current-session-version";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { endSessionsByAdmin } from "@/lib/users/end-sessions-by-admin";

const run = randomUUID().slice(0, 8);
let adminId = "";

// What a sign-in would put in the session token now.
async function signIn(userId: string) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { sub: userId, sessionVersion };
}

async function expectHonoured(session: { sub: string; sessionVersion: number }, honoured: boolean) {
  expect((await loadActiveSessionUser(session.sub, session.sessionVersion)) !== null).toBe(honoured);
  expect(await sessionIsCurrent(session)).toBe(honoured);
}

async function newUser(name: string) {
  const user = await db.user.create({
    data: {
      email: `${name}-${run}@test.local`,
      name,
      role: "MANAGER",
      passwordHash: await hashPassword("pass-1234567"),
    },
  });
  return user.id;
}

beforeAll(async () => {
  adminId = await newUser("admin");
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@test.local` } } });
  await Promise.all([db.$disconnect(), pool.end()]);
});

describe("ending sessions", () => {
  it("counts a token without a session version (issued before sessions could be ended) as version 0", async () => {
    const id = await newUser("legacy");
    expect(await sessionIsCurrent({ sub: id })).toBe(true);
    await endSessionsByAdmin(id, adminId);
    expect(await sessionIsCurrent({ sub: id })).toBe(false);
  });

  it("ends every open session on a password reset", async () => {
    const id = await newUser("reset");
    const [laptop, phone] = [await signIn(id), await signIn(id)];
    await expectHonoured(laptop, true);
    await resetUserPassword({ userId: id, password: "new-password-123" }, adminId);
    await expectHonoured(laptop, false);
    await expectHonoured(phone, false);
    await expectHonoured(await signIn(id), true);
  });

  it("ends them on deactivation, and reactivating does not bring them back", async () => {
    const id = await newUser("deactivated");
    const session = await signIn(id);
    await setUserActive({ userId: id, active: false }, adminId);
    await expectHonoured(session, false);
    await setUserActive({ userId: id, active: true }, adminId);
    await expectHonoured(session, false);
  });

  it("ends them on a role change, not on a name change", async () => {
    const id = await newUser("role");
    const session = await signIn(id);
    const base = { userId: id, officeCode: null, officerId: null };
    await updateUser({ ...base, name: "Renamed", role: "MANAGER" }, adminId);
    await expectHonoured(session, true);
    await updateUser({ ...base, name: "Renamed", role: "INTEGRITY" }, adminId);
    await expectHonoured(session, false);
  });

  it("ends them when an administrator says so, and audits who did", async () => {
    const id = await newUser("ended");
    const session = await signIn(id);
    await endSessionsByAdmin(id, adminId);
    await expectHonoured(session, false);
    const entry = await db.auditLog.findFirst({ where: { action: "user.sessions_ended", entityId: id } });
    expect(entry).toMatchObject({ actorId: adminId, data: { reason: "admin" } });
  });
});
