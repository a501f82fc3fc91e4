// What slice of the clearance data a user may see. Every query over declarations, KPIs or flags narrows its `where`
// through this one helper (docs/conventions.md, "Authorization is structural").
import type { Role } from "@prisma/client";

export type Scope =
  | { kind: "all" }
  | { kind: "office"; officeCode: string }
  | { kind: "officer"; officerId: string }
  // An officer account not yet linked to an officer record sees nothing rather than everything.
  | { kind: "none" };

type ScopeUser = { role: Role; officeCode: string | null; officerId: string | null };

export function scopeForUser(user: ScopeUser): Scope {
  switch (user.role) {
    case "ADMIN":
      return { kind: "all" };
    case "MANAGER":
    case "INTEGRITY":
      return user.officeCode === null ? { kind: "all" } : { kind: "office", officeCode: user.officeCode };
    case "OFFICER":
      return user.officerId === null ? { kind: "none" } : { kind: "officer", officerId: user.officerId };
  }
}
