// Who may start a selectivity computation, a training or a scoring: national staff of the analysis area (every
// office in their scope). The tables and the model are national, so an office's manager or analyst reads them but
// does not recompute them for everyone.
import type { Role } from "@prisma/client";
import { scopeForUser } from "@/lib/auth/scope";

export function mayRequestAnalysisRuns(user: {
  role: Role;
  officeCode: string | null;
  officerId: string | null;
}): boolean {
  return user.role !== "OFFICER" && scopeForUser(user).kind === "all";
}
