// Sets a new password chosen by an administrator, ending every open session of the user (whoever held the old
// password may hold one). The audit row says that it happened, never what it is.
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/kernel/app-error";
import { hashPassword } from "@/lib/auth/password";
import type { ResetPasswordInput } from "@/lib/users/schema";

export async function resetUserPassword(input: ResetPasswordInput, actorId: string): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: input.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "unknownUser");
    await writeAudit({ actorId, action: "user.password_reset", entityType: "user", entityId: input.userId }, tx);
  });
}
