// May this user see the KPIs of this subject? ADMIN: everything; MANAGER/INTEGRITY: their office's officers, units
// and the office itself (everything when their office is null); OFFICER: only their own officer id. The rule is
// scopeForUser's, applied to a KPI subject instead of a `where` clause.
import "server-only";
import { pool } from "@/lib/pg";
import { scopeForUser } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session-user";
import type { KpiSubjectType } from "@/lib/kpis/compute-kpis";
import { AppError } from "@/lib/kernel/app-error";

type ScopeUser = Pick<SessionUser, "role" | "officeCode" | "officerId">;

async function officeOfOfficer(officerId: string): Promise<string | null> {
  const { rows } = await pool.query<{ office_code: string }>(`SELECT office_code FROM officers WHERE officer_id = $1`, [
    officerId,
  ]);
  return rows[0]?.office_code ?? null;
}

export async function assertSubjectVisible(user: ScopeUser, type: KpiSubjectType, id: string): Promise<void> {
  const scope = scopeForUser(user);
  const allowed = await (async () => {
    switch (scope.kind) {
      case "all":
        return true;
      case "none":
        return false;
      case "officer":
        return type === "officer" && id === scope.officerId;
      case "office":
        if (type === "office") return id === scope.officeCode;
        // A unit id is "OFFICE_CODE/UNIT" (compute-kpis.ts).
        if (type === "unit") return id.startsWith(`${scope.officeCode}/`);
        return (await officeOfOfficer(id)) === scope.officeCode;
    }
  })();
  if (!allowed) throw new AppError("FORBIDDEN", "This subject is outside your scope");
}
