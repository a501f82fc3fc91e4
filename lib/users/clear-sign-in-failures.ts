// An administrator lifts the slow-down failed sign-ins put on an account (docs/decisions/029-sign-in-throttling.md).
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/kernel/app-error";
import { clearAccountFailures } from "@/lib/auth/login-throttle";

export async function clearSignInFailures(userId: string, actorId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new AppError("NOT_FOUND", "unknownUser");
  const counters = await clearAccountFailures(user.email);
  await writeAudit({
    actorId,
    action: "auth.failures_cleared",
    entityType: "user",
    entityId: userId,
    data: { counters },
  });
}
