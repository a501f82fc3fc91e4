// integrity.sla-check: marks the cases past their due date as overdue (and clears the mark of any no longer so),
// one audit row per case that changes, then writes the day's digest once. Idempotent: a second run the same day
// changes nothing and finds the digest already written (integrity_digests is unique per date; the first run of the
// day writes it and later runs leave it as it was sent).
import "server-only";
import { db } from "@/lib/db";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { AUDIT_ENTITY } from "@/lib/cases/case-access";

export type SlaCheckResult = {
  today: string;
  markedOverdue: number[];
  cleared: number[];
  digest: "written" | "already-written";
};

type OverdueLine = {
  id: number;
  office_code: string | null;
  status: string;
  due_date: Date;
  assignee_id: string | null;
};

export async function checkCaseSla(now: Date = new Date()): Promise<SlaCheckResult> {
  const today = todayIso(now);
  return db.$transaction(async (tx) => {
    // isOverdue in case-rules.ts, set-based: not closed and due before today (the due day itself is on time).
    const marked = await tx.$queryRaw<{ id: number; due_date: Date }[]>`
      UPDATE cases SET overdue = true, updated_at = now()
       WHERE status <> 'CLOSED' AND due_date < ${today}::date AND NOT overdue
       RETURNING id, due_date`;
    const cleared = await tx.$queryRaw<{ id: number }[]>`
      UPDATE cases SET overdue = false, updated_at = now()
       WHERE overdue AND (status = 'CLOSED' OR due_date IS NULL OR due_date >= ${today}::date)
       RETURNING id`;
    const audits = [
      ...marked.map((c) => ({
        action: "case.overdue",
        entityId: String(c.id),
        data: { dueDate: isoDate(c.due_date), today },
      })),
      ...cleared.map((c) => ({ action: "case.on-time", entityId: String(c.id), data: { today } })),
    ];
    if (audits.length)
      await tx.auditLog.createMany({ data: audits.map((a) => ({ ...a, actorId: null, entityType: AUDIT_ENTITY })) });

    const overdue = await tx.$queryRaw<OverdueLine[]>`
      SELECT id, office_code, status::text, due_date, assignee_id FROM cases WHERE overdue ORDER BY due_date, id`;
    // "Yesterday" is the previous UTC day, as todayIso's days are.
    const [counts] = await tx.$queryRaw<
      { open: number; by_status: Record<string, number>; opened_yesterday: number; closed_yesterday: number }[]
    >`
      SELECT (SELECT count(*)::int FROM cases WHERE status <> 'CLOSED') AS open,
             (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (SELECT status::text, count(*)::int AS n FROM cases GROUP BY 1) s) AS by_status,
             (SELECT count(*)::int FROM cases WHERE opened_at >= y.start AND opened_at < y.start + interval '1 day') AS opened_yesterday,
             (SELECT count(*)::int FROM cases WHERE closed_at >= y.start AND closed_at < y.start + interval '1 day') AS closed_yesterday
        FROM (SELECT ((${today}::date - 1)::timestamp AT TIME ZONE 'UTC') AS start) y`;
    const written = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO integrity_digests (digest_date, overdue_case_ids, counts)
      VALUES (${today}::date, ${overdue.map((c) => c.id)}::int[], ${JSON.stringify({
        overdue: overdue.length,
        newlyOverdue: marked.length,
        open: counts?.open ?? 0,
        byStatus: counts?.by_status ?? {},
        openedYesterday: counts?.opened_yesterday ?? 0,
        closedYesterday: counts?.closed_yesterday ?? 0,
        cases: overdue.map((c) => ({
          id: c.id,
          officeCode: c.office_code,
          status: c.status,
          dueDate: isoDate(c.due_date),
          assigneeId: c.assignee_id,
        })),
      })}::jsonb)
      ON CONFLICT (digest_date) DO NOTHING
      RETURNING id`;
    return {
      today,
      markedOverdue: marked.map((c) => c.id),
      cleared: cleared.map((c) => c.id),
      digest: written.length ? "written" : "already-written",
    };
  });
}
