// The integrity home page's summary: how many flags the analyst may see, by method and state (flags the latest
// detection still raises), and the highest-scored ones still to triage.
import "server-only";
import { db } from "@/lib/db";
import { flagVisibilityWhere, type FlagViewer } from "@/lib/integrity/flag-evidence";
import { flagInbox, type InboxRow } from "@/lib/integrity/list-flags";
import { FlagInboxFilters } from "@/lib/integrity/schema";

export type FlagCounts = { method: string; NEW: number; DISMISSED: number; IN_CASE: number };

export async function flagSummary(
  viewer: FlagViewer,
  topCount = 5,
): Promise<{ counts: FlagCounts[]; top: InboxRow[]; total: number }> {
  const [groups, inbox] = await Promise.all([
    db.flag.groupBy({
      by: ["method", "state"],
      where: { AND: [flagVisibilityWhere(viewer), { active: true }] },
      _count: { _all: true },
      orderBy: [{ method: "asc" }],
    }),
    flagInbox(viewer, FlagInboxFilters.parse({}), topCount),
  ]);
  const byMethod = new Map<string, FlagCounts>();
  for (const g of groups) {
    const row = byMethod.get(g.method) ?? { method: g.method, NEW: 0, DISMISSED: 0, IN_CASE: 0 };
    row[g.state] = g._count._all;
    byMethod.set(g.method, row);
  }
  const counts = [...byMethod.values()];
  return { counts, top: inbox.rows, total: counts.reduce((s, c) => s + c.NEW + c.DISMISSED + c.IN_CASE, 0) };
}
