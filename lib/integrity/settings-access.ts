// Who may change the detection parameters: administrators and national integrity analysts (no office). The
// parameters are one set for every office's detection run, so an office analyst changing them would change the
// flags of every other office; they see the parameters in force, read-only.
import type { Role } from "@prisma/client";

export function canEditDetectionParams(user: { role: Role; officeCode: string | null }): boolean {
  return user.role === "ADMIN" || (user.role === "INTEGRITY" && user.officeCode === null);
}

export function canReadDetectionParams(user: { role: Role }): boolean {
  return user.role === "ADMIN" || user.role === "INTEGRITY";
}
