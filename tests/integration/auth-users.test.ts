// User administration services against real PostgreSQL: each change is stored and audited, without the password.
// Audit rows stay behind (the table is append-only by design); users, officers and offices are removed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActiveSessionUser } from "@/lib/auth/load-session-user";
import { verifyPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { setUserActive } from "@/lib/users/set-user-active";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { AppError } from "@/lib/kernel/app-error";

// The session a user would hold if they signed in now (changes of access end the older ones).
async function loadFreshSession(id: string) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } });
  return loadActiveSessionUser(id, sessionVersion);
}

const run = randomUUID().slice(0, 8);
const office = `T${run}`;
const officerA = `OA-${run}`;
const officerB = `OB-${run}`;
const email = (name: string) => `${name}-${run}@test.local`;
let adminId = "";

async function auditFor(entityId: string) {
  return db.auditLog.findMany({ where: { entityType: "user", entityId }, orderBy: { id: "asc" } });
}

async function expectRefusal(promise: Promise<unknown>, code: AppError["code"], message: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code, message });
}

beforeAll(async () => {
  await db.office.create({
    data: { officeCode: office, name: "Test office", openTime: "07:30", closeTime: "15:30", workdays: [1, 2, 3, 4, 5] },
  });
  await db.officer.createMany({
    data: [
      { officerId: officerA, fullName: "Officer A", officeCode: office, unit: "U1" },
      { officerId: officerB, fullName: "Officer B", officeCode: office, unit: "U1" },
    ],
  });
  const admin = await db.user.create({
    data: { email: email("admin"), name: "Test Admin", role: "ADMIN", passwordHash: "unused" },
  });
  adminId = admin.id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@test.local` } } });
  await db.officer.deleteMany({ where: { officeCode: office } });
  await db.office.deleteMany({ where: { officeCode: office } });
  await db.$disconnect();
});

describe("createUser", () => {
  it("stores the account with a hash of the password and audits it without the password", async () => {
    const { id } = await createUser(
      {
        email: email("officer"),
        name: "Officer A",
        role: "OFFICER",
        password: "initial-pass-1",
        officeCode: office,
        officerId: officerA,
      },
      adminId,
    );
    const stored = await db.user.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } });
    expect(stored).toMatchObject({ role: "OFFICER", officeCode: office, officerId: officerA, active: true });
    expect(await verifyPassword(stored.passwordHash, "initial-pass-1")).toBe(true);

    const [entry, ...more] = await auditFor(id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actorId: adminId, action: "user.create" });
    expect(entry?.data).toEqual({
      email: email("officer"),
      name: "Officer A",
      role: "OFFICER",
      officeCode: office,
      officerId: officerA,
    });
    expect(JSON.stringify(entry?.data)).not.toContain("initial-pass-1");
    expect(JSON.stringify(entry?.data)).not.toContain("argon2");
  });

  it("refuses a second account with the same email, or on an officer already linked", async () => {
    const base = { name: "Someone", role: "OFFICER" as const, password: "initial-pass-2", officeCode: null };
    await expectRefusal(
      createUser({ ...base, email: email("officer"), officerId: null }, adminId),
      "CONFLICT",
      "emailTaken",
    );
    await expectRefusal(
      createUser({ ...base, email: email("other"), officerId: officerA }, adminId),
      "CONFLICT",
      "officerAlreadyLinked",
    );
    await expectRefusal(
      createUser({ ...base, email: email("other"), officerId: "NOPE" }, adminId),
      "INVALID",
      "unknownOfficer",
    );
    expect(await db.user.count({ where: { email: email("other") } })).toBe(0);
  });
});

describe("updateUser", () => {
  it("changes role, office and officer link and audits each change from → to", async () => {
    const { id } = await createUser(
      {
        email: email("manager"),
        name: "Manager M",
        role: "MANAGER",
        password: "initial-pass-3",
        officeCode: null,
        officerId: null,
      },
      adminId,
    );
    const result = await updateUser(
      { userId: id, name: "Manager M", role: "INTEGRITY", officeCode: office, officerId: officerB },
      adminId,
    );
    expect(result.changed.sort()).toEqual(["officeCode", "officerId", "role"]);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      role: "INTEGRITY",
      officeCode: office,
      officerId: officerB,
    });

    const entries = await auditFor(id);
    // A change of access also ends the user's sessions.
    expect(entries.map((entry) => entry.action)).toEqual(["user.create", "user.update", "user.sessions_ended"]);
    expect(entries[1]?.data).toEqual({
      role: { from: "MANAGER", to: "INTEGRITY" },
      officeCode: { from: null, to: office },
      officerId: { from: null, to: officerB },
    });
  });

  it("writes nothing when nothing changes", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: email("manager") } });
    const before = (await auditFor(user.id)).length;
    const result = await updateUser(
      { userId: user.id, name: user.name, role: user.role, officeCode: user.officeCode, officerId: user.officerId },
      adminId,
    );
    expect(result.changed).toEqual([]);
    expect(await auditFor(user.id)).toHaveLength(before);
  });

  it("grants a manager the integrity area, audited, and takes it away with the manager role", async () => {
    const { id } = await createUser(
      {
        email: email("granted"),
        name: "Manager G",
        role: "MANAGER",
        password: "initial-pass-4",
        officeCode: office,
        officerId: null,
      },
      adminId,
    );
    const base = { userId: id, name: "Manager G", officeCode: office, officerId: null };
    expect((await updateUser({ ...base, role: "MANAGER", integrityAccess: true }, adminId)).changed).toEqual([
      "integrityAccess",
    ]);
    expect((await loadFreshSession(id))?.integrityAccess).toBe(true);
    // Another role drops the grant, even when the form still says so.
    expect((await updateUser({ ...base, role: "OFFICER", integrityAccess: true }, adminId)).changed.sort()).toEqual([
      "integrityAccess",
      "role",
    ]);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      role: "OFFICER",
      integrityAccess: false,
    });
    expect((await loadFreshSession(id))?.integrityAccess).toBe(false);
    const updates = (await auditFor(id)).filter((e) => e.action === "user.update").map((e) => e.data);
    expect(updates).toEqual([
      { integrityAccess: { from: false, to: true } },
      { role: { from: "MANAGER", to: "OFFICER" }, integrityAccess: { from: true, to: false } },
    ]);
  });

  it("does not let an administrator remove their own administrator role", async () => {
    await expectRefusal(
      updateUser({ userId: adminId, name: "Test Admin", role: "MANAGER", officeCode: null, officerId: null }, adminId),
      "CONFLICT",
      "cannotDemoteSelf",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: adminId } })).role).toBe("ADMIN");
  });
});

describe("setUserActive and resetUserPassword", () => {
  it("deactivates and reactivates an account, auditing both", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: email("officer") } });
    await setUserActive({ userId: user.id, active: false }, adminId);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(false);
    await setUserActive({ userId: user.id, active: true }, adminId);
    const actions = (await auditFor(user.id)).map((entry) => entry.action);
    expect(actions.slice(-2)).toEqual(["user.deactivate", "user.activate"]);
  });

  it("refuses to deactivate one's own account", async () => {
    await expectRefusal(setUserActive({ userId: adminId, active: false }, adminId), "CONFLICT", "cannotDeactivateSelf");
  });

  it("sets a new password and audits that it happened, never the password", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: email("officer") } });
    await resetUserPassword({ userId: user.id, password: "brand-new-pass-9" }, adminId);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(stored.passwordHash, "brand-new-pass-9")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, "initial-pass-1")).toBe(false);
    const last = (await auditFor(user.id)).at(-1);
    expect(last).toMatchObject({ action: "user.password_reset", actorId: adminId, data: null });
  });
});
