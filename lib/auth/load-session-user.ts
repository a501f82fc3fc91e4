// Reads the current state of a signed-in user from the database (see session-user.ts for why not from the JWT).
import "server-only";
import type { User } from "@prisma/client";
import { db } from "@/lib/db";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import type { SessionUser } from "@/lib/auth/session-user";

type UserRow = Pick<User, "id" | "email" | "name" | "role" | "officeCode" | "officerId" | "locale"> & {
  integrityAccess?: boolean;
};

export function toSessionUser(user: UserRow): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    officeCode: user.officeCode,
    officerId: user.officerId,
    // Only a manager can hold the grant: a role change takes it away at once.
    integrityAccess: user.role === "MANAGER" && user.integrityAccess === true,
    locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
  };
}

// null when the account no longer exists, was deactivated, or had its sessions ended since this one was issued.
export async function loadActiveSessionUser(userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { id: userId } });
  return user?.active && user.sessionVersion === sessionVersion ? toSessionUser(user) : null;
}
