// Reading the view log: an officer's own list, and the administrators' search. Views still waiting in the Redis
// stream are read too, so a view shows at once, before the job has stored it.
import "server-only";
import { pool } from "@/lib/pg";
import { redis } from "@/lib/redis";
import { parseStreamEntries } from "@/lib/view-log/flush-view-log";
import { viewStreamKey, type ViewEvent, type ViewKind } from "@/lib/view-log/view-events";

export type ViewEntry = Omit<ViewEvent, "viewerUserId" | "viewerTokenId"> & { viaToken: boolean };

export type ViewFilters = {
  officerId?: string | null;
  viewer?: string | null;
  what?: ViewKind | null;
  from?: string | null;
  to?: string | null;
};

const PENDING_SCAN = 20_000;

function matches(e: ViewEvent, f: ViewFilters): boolean {
  return (
    (!f.officerId || e.officerId === f.officerId) &&
    (!f.viewer || e.viewerLabel.toLowerCase().includes(f.viewer.toLowerCase())) &&
    (!f.what || e.what === f.what) &&
    (!f.from || e.at.slice(0, 10) >= f.from) &&
    (!f.to || e.at.slice(0, 10) <= f.to)
  );
}

const toEntry = (e: ViewEvent): ViewEntry => ({
  at: e.at,
  officerId: e.officerId,
  what: e.what,
  source: e.source,
  viewerLabel: e.viewerLabel,
  viaToken: e.viewerTokenId !== null,
});

export async function searchViews(filters: ViewFilters, limit = 200): Promise<ViewEntry[]> {
  const pendingEntries = (await redis.xrevrange(viewStreamKey(), "+", "-", "COUNT", PENDING_SCAN)) as [
    string,
    string[],
  ][];
  const pending = parseStreamEntries(pendingEntries)
    .map((p) => p.event)
    .filter((e): e is ViewEvent => e !== null && matches(e, filters));
  const { rows } = await pool.query<{
    viewed_at: Date;
    officer_id: string;
    what: ViewKind;
    source: string;
    viewer_label: string;
    via_token: boolean;
  }>(
    `SELECT viewed_at, officer_id, what, source, viewer_label, viewer_token_id IS NOT NULL AS via_token
       FROM view_log
      WHERE ($1::text IS NULL OR officer_id = $1)
        AND ($2::text IS NULL OR viewer_label ILIKE '%' || $2 || '%')
        AND ($3::text IS NULL OR what = $3)
        AND ($4::date IS NULL OR viewed_at >= $4::date)
        AND ($5::date IS NULL OR viewed_at < $5::date + 1)
      ORDER BY viewed_at DESC, id DESC
      LIMIT $6`,
    [
      filters.officerId ?? null,
      filters.viewer || null,
      filters.what ?? null,
      filters.from ?? null,
      filters.to ?? null,
      limit,
    ],
  );
  const stored: ViewEntry[] = rows.map((r) => ({
    at: r.viewed_at.toISOString(),
    officerId: r.officer_id,
    what: r.what,
    source: r.source,
    viewerLabel: r.viewer_label,
    viaToken: r.via_token,
  }));
  return [...pending.map(toEntry), ...stored].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}

export function listViewsOfOfficer(officerId: string, limit = 100): Promise<ViewEntry[]> {
  return searchViews({ officerId }, limit);
}
