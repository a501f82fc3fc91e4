// The offices and units a manager's dashboards may show: their own office, or every office for national staff
// (scopeForUser). An office or unit outside that reach does not exist for them (NOT_FOUND, never a hint).
import "server-only";
import { db } from "@/lib/db";
import { scopeForUser } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";

export type OfficeChoice = { officeCode: string; name: string; units: string[] };

export async function visibleOffices(user: Viewer): Promise<OfficeChoice[]> {
  const scope = scopeForUser(user);
  if (scope.kind === "officer" || scope.kind === "none") return [];
  const offices = await db.office.findMany({
    where: scope.kind === "office" ? { officeCode: scope.officeCode } : {},
    select: {
      officeCode: true,
      name: true,
      officers: { select: { unit: true }, distinct: ["unit"], orderBy: { unit: "asc" } },
    },
    orderBy: { officeCode: "asc" },
  });
  return offices.map((o) => ({ officeCode: o.officeCode, name: o.name, units: o.officers.map((x) => x.unit) }));
}

export async function visibleOfficeOrThrow(user: Viewer, officeCode: string, unit?: string): Promise<OfficeChoice> {
  const office = (await visibleOffices(user)).find((o) => o.officeCode === officeCode);
  if (!office || (unit !== undefined && !office.units.includes(unit)))
    throw new AppError("NOT_FOUND", "No such office or unit");
  return office;
}
