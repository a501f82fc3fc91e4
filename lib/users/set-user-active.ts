// Activates or deactivates an account. A deactivated user cannot sign in, and their open sessions end at once (the
// session version is bumped, so reactivating the account does not bring them back).
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/kernel/app-error";
import type { SetUserActiveInput } from "@/lib/users/schema";

export async function setUserActive(input: SetUserActiveInput, actorId: string): Promise<void> {
  if (input.userId === actorId && !input.active) throw new AppError("CONFLICT", "cannotDeactivateSelf");
  await db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: input.userId }, select: { active: true } });
    if (!current) throw new AppError("NOT_FOUND", "unknownUser");
    if (current.active === input.active) return;
    await tx.user.update({
      where: { id: input.userId },
      data: { active: input.active, ...(input.active ? {} : { sessionVersion: { increment: 1 } }) },
    });
    await writeAudit(
      {
        actorId,
        action: input.active ? "user.activate" : "user.deactivate",
        entityType: "user",
        entityId: input.userId,
      },
      tx,
    );
  });
}
