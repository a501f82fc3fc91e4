// The one wrapper of every form's server action. A server action is a public endpoint, whoever rendered the form,
// so the wrapper checks the session and the access first (outside the try: Next.js's redirect and 403 must
// propagate), then turns expected refusals into a FormResult and refreshes the pages the action changes.
import "server-only";
import { revalidatePath } from "next/cache";
import type { Role } from "@prisma/client";
import type { AreaId } from "@/lib/auth/areas";
import { requireArea, requireRole, requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session-user";
import { formErrorFrom, type FormResult } from "@/lib/kernel/form-result";

// "signedIn" leaves the role to the service, which decides per record (a contract's party, its principal…).
export type ActionAccess =
  { roles: readonly Role[] } | { area: AreaId } | { guard: () => Promise<SessionUser> } | "signedIn";

function guard(access: ActionAccess): Promise<SessionUser> {
  if (access === "signedIn") return requireUser();
  if ("roles" in access) return requireRole(access.roles);
  if ("area" in access) return requireArea(access.area);
  return access.guard();
}

export async function runFormAction(
  access: ActionAccess,
  operation: (user: SessionUser) => Promise<FormResult>,
  revalidate: readonly string[],
): Promise<FormResult> {
  const user = await guard(access);
  let result: FormResult;
  try {
    result = await operation(user);
  } catch (error) {
    return formErrorFrom(error);
  }
  for (const path of revalidate) revalidatePath(path, "layout");
  return result;
}

// A form's fields as one object, for the service's zod schema to parse.
export const formFields = (formData: FormData) => Object.fromEntries(formData.entries());
