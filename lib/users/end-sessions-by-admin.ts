// An administrator ends every open session of an account (a lost laptop, a shared screen left signed in).
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/kernel/app-error";
import { endUserSessions } from "@/lib/auth/end-user-sessions";

export async function endSessionsByAdmin(userId: string, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await endUserSessions(userId, tx))) throw new AppError("NOT_FOUND", "unknownUser");
    await writeAudit(
      { actorId, action: "user.sessions_ended", entityType: "user", entityId: userId, data: { reason: "admin" } },
      tx,
    );
  });
}
