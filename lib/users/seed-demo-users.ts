// Demo accounts, one per role, with fixed passwords the demo script prints. Safe to run again: each account is
// brought back to its demo state (role, office, officer link, password, active).
import "server-only";
import type { Role } from "@prisma/client";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

export type DemoUser = { email: string; password: string; role: Role; officerId?: string };

type DemoAccount = DemoUser & { name: string; officeCode: string | null };

// How each demo account signs in (the demo script prints them; the e2e tests sign in with them).
export const DEMO_SIGN_IN = {
  admin: { email: "admin@pmc.local", password: "admin-demo-2026" },
  manager: { email: "manager@pmc.local", password: "manager-demo-2026" },
  integrity: { email: "integrity@pmc.local", password: "integrity-demo-2026" },
  officer: { email: "officer@pmc.local", password: "officer-demo-2026" },
  officer2: { email: "officer2@pmc.local", password: "officer2-demo-2026" },
} as const;

// The two officer accounts are linked to the first officer (by officer_id) and to a colleague of the same office,
// so the demo can show that an officer sees their own indicators and not a colleague's.
async function pickDemoOfficers() {
  const first = await db.officer.findFirst({ orderBy: { officerId: "asc" } });
  const colleague = first
    ? await db.officer.findFirst({
        where: { officeCode: first.officeCode, officerId: { not: first.officerId } },
        orderBy: { officerId: "asc" },
      })
    : null;
  return { first, colleague };
}

export async function seedDemoUsers(): Promise<DemoUser[]> {
  const { first, colleague } = await pickDemoOfficers();
  const accounts: DemoAccount[] = [
    { ...DEMO_SIGN_IN.admin, role: "ADMIN", name: "Demo Administrator", officeCode: null },
    { ...DEMO_SIGN_IN.manager, role: "MANAGER", name: "Demo Manager", officeCode: null },
    {
      ...DEMO_SIGN_IN.integrity,
      role: "INTEGRITY",
      name: "Demo Integrity Analyst",
      officeCode: null,
    },
    {
      ...DEMO_SIGN_IN.officer,
      role: "OFFICER",
      name: first?.fullName ?? "Demo Officer",
      officeCode: first?.officeCode ?? null,
      officerId: first?.officerId,
    },
    {
      ...DEMO_SIGN_IN.officer2,
      role: "OFFICER",
      name: colleague?.fullName ?? "Demo Officer 2",
      officeCode: colleague?.officeCode ?? null,
      officerId: colleague?.officerId,
    },
  ];

  for (const { password, ...account } of accounts) {
    const data = {
      ...account,
      officerId: account.officerId ?? null,
      passwordHash: await hashPassword(password),
      active: true,
    };
    // The officer link is unique: release it from any other account first, so a re-run after a re-import works.
    if (data.officerId) {
      await db.user.updateMany({
        where: { officerId: data.officerId, email: { not: data.email } },
        data: { officerId: null },
      });
    }
    await db.user.upsert({ where: { email: data.email }, create: data, update: data });
  }
  return accounts.map(({ email, password, role, officerId }) => ({
    email,
    password,
    role,
    ...(officerId ? { officerId } : {}),
  }));
}
