// What one reader's weekly integrity digest says: the subjects of their work queue (latest quarter) standing above the
// capacity line that have a flag detected in the past seven days, and the cases they may see that are overdue or
// due within the coming seven days. Everything is read through the reader's own scope (the queue's flag visibility,
// caseVisibilityWhere), so a digest never names a subject or a case its reader could not open in the portal.
import "server-only";
import { db } from "@/lib/db";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { queueWindows, officerNames } from "@/lib/integrity/queue-view";
import { triageQueue } from "@/lib/integrity/triage-queue";
import type { FlagViewer } from "@/lib/integrity/flag-evidence";
import { caseVisibilityWhere } from "@/lib/cases/case-access";
import type { CaseActor } from "@/lib/cases/case-rules";

export type DigestSubject = {
  type: string;
  id: string;
  name: string | null;
  rank: number;
  priority: number;
  flags: number;
  methods: string[];
};

export type DigestCase = { id: number; title: string; dueDate: string | null; overdue: boolean; status: string };

export type DigestContent = {
  weekStart: string;
  window: { from: string; to: string } | null;
  capacityPerMonth: number;
  line: number;
  aboveLine: number;
  subjects: DigestSubject[];
  cases: DigestCase[];
};

export type DigestReader = CaseActor & Pick<FlagViewer, "integrityAccess">;

const DAY_MS = 86_400_000;

// Monday of the UTC week of `day`.
export function weekStartOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  return isoDate(new Date(date.getTime() - offset * DAY_MS));
}

export async function composeDigest(reader: DigestReader, now: Date = new Date()): Promise<DigestContent> {
  const viewer: FlagViewer = { ...reader, integrityAccess: reader.integrityAccess ?? false };
  const today = todayIso(now);
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const dueBy = new Date(`${isoDate(new Date(now.getTime() + 7 * DAY_MS))}T00:00:00Z`);
  const { window } = await queueWindows(viewer, "");
  const queue = window ? await triageQueue(viewer, window) : null;
  const above = queue?.rows.filter((r) => r.aboveLine) ?? [];
  const fresh = new Set(
    (
      await db.flag.findMany({
        where: { id: { in: above.flatMap((r) => r.flagIds) }, firstDetectedAt: { gte: since } },
        select: { id: true },
      })
    ).map((f) => f.id),
  );
  const subjects = above.filter((r) => r.flagIds.some((id) => fresh.has(id)));
  const names = await officerNames(subjects.filter((r) => r.subjectType === "officer").map((r) => r.subjectId));
  const cases = await db.case.findMany({
    where: {
      AND: [
        caseVisibilityWhere(reader),
        { status: { not: "CLOSED" } },
        { OR: [{ overdue: true }, { dueDate: { lte: dueBy } }] },
      ],
    },
    select: { id: true, title: true, dueDate: true, overdue: true, status: true },
    orderBy: [{ overdue: "desc" }, { dueDate: "asc" }, { id: "asc" }],
  });
  return {
    weekStart: weekStartOf(today),
    window,
    capacityPerMonth: queue?.capacityPerMonth ?? 0,
    line: queue?.line ?? 0,
    aboveLine: above.length,
    subjects: subjects.map((r) => ({
      type: r.subjectType,
      id: r.subjectId,
      name: r.subjectType === "officer" ? (names.get(r.subjectId) ?? null) : null,
      rank: r.rank,
      priority: r.priority,
      flags: r.flagIds.length,
      methods: r.methods,
    })),
    cases: cases.map((c) => ({
      id: c.id,
      title: c.title,
      dueDate: c.dueDate ? isoDate(c.dueDate) : null,
      overdue: c.overdue || (c.dueDate !== null && isoDate(c.dueDate) < today),
      status: c.status,
    })),
  };
}
