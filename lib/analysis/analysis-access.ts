// Who may open the analysis screens and routes (the "analysis" area of lib/auth/areas.ts), and which offices' TRS
// rows and import declarations a user may see there: their own office, or all of them for national staff
// (scopeForUser). The TRS tables and the mirror ranking are national figures stored once; the scope narrows what is
// read from them.
import "server-only";
import type { Role } from "@prisma/client";
import { AREAS } from "@/lib/auth/areas";
import { scopeForUser } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session-user";

export const ANALYSIS_ROLES: readonly Role[] = AREAS.find((a) => a.id === "analysis")!.roles;

// null = every office; [] = none.
export function visibleOfficeCodes(user: Viewer): string[] | null {
  const scope = scopeForUser(user);
  switch (scope.kind) {
    case "all":
      return null;
    case "office":
      return [scope.officeCode];
    default:
      return [];
  }
}

// A SQL condition on `column` and its parameter, to append to a query's WHERE with the next placeholder number.
export function officeCondition(user: Viewer, column: string, placeholder: number): { sql: string; args: unknown[] } {
  const offices = visibleOfficeCodes(user);
  if (offices === null) return { sql: "TRUE", args: [] };
  return { sql: `${column} = ANY($${placeholder}::text[])`, args: [offices] };
}
