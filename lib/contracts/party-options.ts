// What the contract forms offer, within the user's reach: offices and their units, officers by search, and the
// managers who may sign as principal.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { MANAGING_ROLES } from "@/lib/contracts/lifecycle";

export type OfficeUnits = { officeCode: string; name: string; units: { unit: string; officers: number }[] };
export type OfficerChoice = { officerId: string; fullName: string; officeCode: string; unit: string };
export type PrincipalChoice = { id: string; name: string; email: string; role: string; officeCode: string | null };

const officeWhere = (actor: Actor) => (actor.officeCode === null ? {} : { officeCode: actor.officeCode });

export async function listOfficeUnits(actor: Actor): Promise<OfficeUnits[]> {
  if (!MANAGING_ROLES.includes(actor.role)) return [];
  const [offices, units] = await Promise.all([
    db.office.findMany({
      where: officeWhere(actor),
      orderBy: { officeCode: "asc" },
      select: { officeCode: true, name: true },
    }),
    db.officer.groupBy({
      by: ["officeCode", "unit"],
      where: officeWhere(actor),
      _count: { _all: true },
      orderBy: [{ officeCode: "asc" }, { unit: "asc" }],
    }),
  ]);
  return offices.map((o) => ({
    ...o,
    units: units.filter((u) => u.officeCode === o.officeCode).map((u) => ({ unit: u.unit, officers: u._count._all })),
  }));
}

const MAX_RESULTS = 20;

export async function searchOfficersInScope(actor: Actor, query: string): Promise<OfficerChoice[]> {
  if (!MANAGING_ROLES.includes(actor.role)) return [];
  const text = query.trim().slice(0, 100);
  return db.officer.findMany({
    where: {
      ...officeWhere(actor),
      ...(text
        ? {
            OR: [
              { officerId: { contains: text, mode: "insensitive" } },
              { fullName: { contains: text, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    select: { officerId: true, fullName: true, officeCode: true, unit: true },
    orderBy: { officerId: "asc" },
    take: MAX_RESULTS,
  });
}

// Active managers and administrators who can see contracts of the user's offices.
export async function listPrincipalChoices(actor: Actor): Promise<PrincipalChoice[]> {
  if (!MANAGING_ROLES.includes(actor.role)) return [];
  return db.user.findMany({
    where: {
      active: true,
      role: { in: [...MANAGING_ROLES] },
      ...(actor.officeCode === null ? {} : { OR: [{ officeCode: null }, { officeCode: actor.officeCode }] }),
    },
    select: { id: true, name: true, email: true, role: true, officeCode: true },
    orderBy: [{ name: "asc" }],
  });
}
