// The signed-in user as every guard, page and action sees it: loaded from the database on each request, so a role
// change or a deactivation takes effect at once rather than when the JWT expires.
import type { Role } from "@prisma/client";
import type { Locale } from "@/lib/i18n/locales";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  // null = every office (e.g. the Director General's staff).
  officeCode: string | null;
  officerId: string | null;
  // A manager granted the integrity area by an administrator (absent = not granted).
  integrityAccess?: boolean;
  locale: Locale;
};

// What scoping a query needs to know of whoever is looking.
export type Viewer = Pick<SessionUser, "role" | "officeCode" | "officerId">;
// Whoever acts: a viewer with an identity, for the rules of each domain and the audit log.
export type Actor = Pick<SessionUser, "id" | "role" | "officeCode" | "officerId">;

export const ROLES = ["ADMIN", "MANAGER", "OFFICER", "INTEGRITY"] as const satisfies readonly Role[];
