// Guard of the integrity pages and actions: the area (lib/auth/areas.ts) and, within it, the roles that see flags
// (canSeeFlags); anyone else gets the HTTP 403 page, before anything streams (docs/decisions/013-guards-and-403.md).
import "server-only";
import { forbidden } from "next/navigation";
import { requireArea } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session-user";
import { canSeeFlags } from "@/lib/integrity/flag-evidence";

export async function requireIntegrityUser(): Promise<SessionUser> {
  const user = await requireArea("integrity");
  if (!canSeeFlags(user)) forbidden();
  return user;
}
