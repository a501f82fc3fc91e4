// The work queue as the integrity screens show it: the queue of a window (the latest quarter with flags unless one is
// asked for), one page of its rows with the names of the officers they name, and one subject with its flags.
import "server-only";
import { db } from "@/lib/db";
import type { FlagViewer } from "@/lib/integrity/flag-evidence";
import { flagPeriods } from "@/lib/integrity/list-flags";
import { periodKind } from "@/lib/integrity/period-kind";
import { chosenPeriod } from "@/lib/integrity/chart-choice";
import { triageQueue } from "@/lib/integrity/triage-queue";
import type { RankedFlag, RankedQueue, SubjectRow } from "@/lib/integrity/rank-subjects";
import type { Period } from "@/lib/kernel/calendar";

export const QUEUE_PAGE_SIZE = 50;

// The windows offered: the stored flag periods, longest first within a year; by default the latest quarter.
export async function queueWindows(
  viewer: FlagViewer,
  asked: string,
): Promise<{ periods: Period[]; window: Period | null }> {
  const periods = await flagPeriods(viewer);
  const quarters = periods.filter((p) => periodKind(p.from, p.to).kind === "quarter");
  const latestQuarter = quarters.sort((a, b) => b.from.localeCompare(a.from))[0];
  const window = asked ? chosenPeriod(asked, periods) : (latestQuarter ?? periods[0] ?? null);
  return { periods, window };
}

export async function officerNames(ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const officers = await db.officer.findMany({
    where: { officerId: { in: list } },
    select: { officerId: true, fullName: true },
  });
  return new Map(officers.map((o) => [o.officerId, o.fullName]));
}

export type QueuePage = {
  queue: RankedQueue;
  rows: SubjectRow[];
  names: Map<string, string>;
  page: number;
  pageCount: number;
};

export async function queuePage(viewer: FlagViewer, window: Period, page: number): Promise<QueuePage> {
  const queue = await triageQueue(viewer, window);
  const pageCount = Math.max(1, Math.ceil(queue.rows.length / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = queue.rows.slice((current - 1) * QUEUE_PAGE_SIZE, current * QUEUE_PAGE_SIZE);
  const names = await officerNames(
    rows.flatMap((r) => [...(r.subjectType === "officer" ? [r.subjectId] : []), ...r.pairedWith]),
  );
  return { queue, rows, names, page: current, pageCount };
}

export type SubjectView = { queue: RankedQueue; row: SubjectRow; flags: RankedFlag[]; names: Map<string, string> };

// Null when the subject has no flag to triage in the window that the viewer may see.
export async function subjectView(
  viewer: FlagViewer,
  window: Period,
  subject: { type: string; id: string },
): Promise<SubjectView | null> {
  const queue = await triageQueue(viewer, window);
  const row = queue.rows.find((r) => r.subjectType === subject.type && r.subjectId === subject.id);
  if (!row) return null;
  const ids = new Set(row.flagIds);
  const flags = queue.flags.filter((f) => ids.has(f.id));
  const names = await officerNames([
    ...(row.subjectType === "officer" ? [row.subjectId] : []),
    ...row.pairedWith,
    ...flags.flatMap((f) => [
      ...(f.subjectType === "officer" ? [f.subjectId] : []),
      ...(f.method === "BROKER_OFFICER_PAIR" ? [f.relatedId] : []),
    ]),
  ]);
  return { queue, row, flags, names };
}
