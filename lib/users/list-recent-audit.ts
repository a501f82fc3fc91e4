// The latest audit-log entries, newest first, with the emails of the acting user and of the user acted upon (read-only
// panel of the admin screen).
import "server-only";
import { db } from "@/lib/db";

export type AuditRow = {
  id: string;
  at: string;
  // null with an actorId: the acting account has since been removed.
  actorEmail: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  // For entries about a user: that user's email, easier to read than its id.
  entityLabel: string | null;
  data: unknown;
};

export async function listRecentAudit(limit = 50): Promise<AuditRow[]> {
  const entries = await db.auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
  const userIds = new Set(
    entries
      .flatMap((entry) => [entry.actorId, entry.entityType === "user" ? entry.entityId : null])
      .filter((id) => id !== null),
  );
  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true } });
  const emailById = new Map(users.map((user) => [user.id, user.email]));
  return entries.map((entry) => ({
    id: entry.id.toString(),
    at: entry.at.toISOString(),
    actorEmail: entry.actorId ? (emailById.get(entry.actorId) ?? null) : null,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    entityLabel: entry.entityType === "user" ? (emailById.get(entry.entityId) ?? null) : null,
    data: entry.data,
  }));
}
