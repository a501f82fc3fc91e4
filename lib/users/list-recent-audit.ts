// The latest audit-log entries, newest first, with the acting user's email (read-only panel of the admin screen).
import "server-only";
import { db } from "@/lib/db";

export type AuditRow = {
  id: string;
  at: string;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
};

export async function listRecentAudit(limit = 50): Promise<AuditRow[]> {
  const entries = await db.auditLog.findMany({ orderBy: { id: "desc" }, take: limit });
  const actorIds = [...new Set(entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  const emailById = new Map(actors.map((actor) => [actor.id, actor.email]));
  return entries.map((entry) => ({
    id: entry.id.toString(),
    at: entry.at.toISOString(),
    actorEmail: entry.actorId ? (emailById.get(entry.actorId) ?? entry.actorId) : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data,
  }));
}
