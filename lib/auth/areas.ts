// Which portal areas each user may open. One table drives the navigation, the home redirect and the page guards,
// so what a user sees in the menu and what the server lets through cannot drift apart.
import type { Role } from "@prisma/client";

export type AreaId = "dashboard" | "contracts" | "me" | "integrity" | "analysis" | "data" | "admin";

type Area = {
  id: AreaId;
  path: `/${string}`;
  roles: readonly Role[];
  // "My indicators" is also open to a user of any role who is linked to an officer record.
  openToLinkedOfficers?: boolean;
  // Integrity is also open to a manager an administrator has granted it (users.integrity_access).
  openToGrantedManagers?: boolean;
};

// Order = menu order.
export const AREAS: readonly Area[] = [
  { id: "dashboard", path: "/dashboard", roles: ["ADMIN", "MANAGER"] },
  { id: "contracts", path: "/contracts", roles: ["ADMIN", "MANAGER"] },
  { id: "me", path: "/me", roles: ["OFFICER"], openToLinkedOfficers: true },
  { id: "integrity", path: "/integrity", roles: ["INTEGRITY", "ADMIN"], openToGrantedManagers: true },
  // Time Release Study and mirror analysis: after Integrity, so an analyst's landing page stays Integrity.
  { id: "analysis", path: "/analysis", roles: ["ADMIN", "MANAGER", "INTEGRITY"] },
  { id: "data", path: "/data", roles: ["ADMIN", "MANAGER"] },
  { id: "admin", path: "/admin", roles: ["ADMIN"] },
];

type AreaUser = { role: Role; officerId: string | null; integrityAccess?: boolean };

export function canOpenArea(user: AreaUser, areaId: AreaId): boolean {
  const area = AREAS.find((a) => a.id === areaId);
  if (!area) return false;
  return (
    area.roles.includes(user.role) ||
    (area.openToLinkedOfficers === true && user.officerId !== null) ||
    (area.openToGrantedManagers === true && user.role === "MANAGER" && user.integrityAccess === true)
  );
}

export function areasForUser(user: AreaUser): Area[] {
  return AREAS.filter((area) => canOpenArea(user, area.id));
}

// The landing page after sign-in: the first area the role itself grants (an analyst linked to an officer lands on
// Integrity, not on their personal indicators).
export function homePathForUser(user: AreaUser): string {
  const byRole = AREAS.find((area) => area.roles.includes(user.role));
  return (byRole ?? areasForUser(user)[0])?.path ?? "/login";
}
