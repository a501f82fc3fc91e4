// Changes a user's name, role, office, officer link or integrity grant (admin screen), recording what changed,
// from what to what. A change of access (anything but the name) ends the user's open sessions: they sign in again
// under the new access.
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/kernel/app-error";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { assertUserReferences } from "@/lib/users/user-references";
import type { UpdateUserInput } from "@/lib/users/schema";

const EDITABLE = ["name", "role", "officeCode", "officerId", "integrityAccess"] as const;
type Editable = (typeof EDITABLE)[number];
type Change = { from: string | boolean | null; to: string | boolean | null };

type UpdateUser = Omit<UpdateUserInput, "integrityAccess"> & { integrityAccess?: boolean };

export async function updateUser(input: UpdateUser, actorId: string): Promise<{ changed: Editable[] }> {
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: input.userId } });
    if (!current) throw new AppError("NOT_FOUND", "unknownUser");
    // An administrator cannot take away their own access; another administrator has to.
    if (input.userId === actorId && input.role !== "ADMIN") throw new AppError("CONFLICT", "cannotDemoteSelf");

    // The integrity grant belongs to managers only: any other role loses it.
    const wanted = { ...input, integrityAccess: input.role === "MANAGER" && input.integrityAccess === true };
    const changes: Partial<Record<Editable, Change>> = {};
    for (const field of EDITABLE) {
      if (current[field] !== wanted[field]) changes[field] = { from: current[field], to: wanted[field] };
    }
    const changed = Object.keys(changes) as Editable[];
    if (changed.length === 0) return { changed };

    await assertUserReferences(tx, input, input.userId);
    await tx.user.update({
      where: { id: input.userId },
      data: {
        name: input.name,
        role: input.role,
        officeCode: input.officeCode,
        officerId: input.officerId,
        integrityAccess: wanted.integrityAccess,
      },
    });
    await writeAudit({ actorId, action: "user.update", entityType: "user", entityId: input.userId, data: changes }, tx);
    if (changed.some((field) => field !== "name")) {
      await endUserSessions(input.userId, tx);
      await writeAudit(
        {
          actorId,
          action: "user.sessions_ended",
          entityType: "user",
          entityId: input.userId,
          data: { reason: "access" },
        },
        tx,
      );
    }
    return { changed };
  });
}
