// The reach of the integrity charts: integrity analysts and administrators only (like the flags themselves,
// flag-evidence.ts), over the offices of their scope (scopeForUser: their office, or every office when national).
// An office outside it does not exist for them (NOT_FOUND); any other role is refused outright (FORBIDDEN).
import "server-only";
import { AppError } from "@/lib/kernel/app-error";
import { scopeForUser } from "@/lib/auth/scope";
import { visibleOffices, type OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import { canSeeFlags, type FlagViewer } from "@/lib/integrity/flag-evidence";

export function assertIntegrityViewer(viewer: FlagViewer): void {
  if (!canSeeFlags(viewer)) throw new AppError("FORBIDDEN", "Integrity analysts only");
}

export async function integrityOffices(viewer: FlagViewer): Promise<OfficeChoice[]> {
  assertIntegrityViewer(viewer);
  return visibleOffices(viewer);
}

export async function integrityOfficeOrThrow(viewer: FlagViewer, officeCode: string): Promise<OfficeChoice> {
  const office = (await integrityOffices(viewer)).find((o) => o.officeCode === officeCode);
  if (!office) throw new AppError("NOT_FOUND", "No such office");
  return office;
}

// The offices a chart over several offices may read: the viewer's one, or null for every office.
export function officeRestriction(viewer: FlagViewer): string | null {
  assertIntegrityViewer(viewer);
  const scope = scopeForUser(viewer);
  return scope.kind === "office" ? scope.officeCode : null;
}
