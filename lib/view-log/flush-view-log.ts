// Moves recorded views from the Redis stream into view_log, a batch at a time. Safe to run twice or concurrently:
// each entry's stream id is unique in view_log, and an entry leaves the stream only once stored.
import "server-only";
import { pool } from "@/lib/pg";
import { redis } from "@/lib/redis";
import { logger } from "@/lib/logger";
import { StoredViewEvent, viewStreamKey, type ViewEvent } from "@/lib/view-log/view-events";

const BATCH = 2000;

export function parseStreamEntries(
  entries: [id: string, fields: string[]][],
): { id: string; event: ViewEvent | null }[] {
  return entries.map(([id, fields]) => {
    const raw = fields[fields.indexOf("v") + 1];
    try {
      return { id, event: StoredViewEvent.parse(JSON.parse(raw ?? "")) };
    } catch {
      return { id, event: null };
    }
  });
}

export async function flushViewLog(): Promise<number> {
  let moved = 0;
  for (;;) {
    const entries = (await redis.xrange(viewStreamKey(), "-", "+", "COUNT", BATCH)) as [string, string[]][];
    if (!entries.length) return moved;
    const parsed = parseStreamEntries(entries);
    const good = parsed.filter((p): p is { id: string; event: ViewEvent } => p.event !== null);
    if (good.length < parsed.length) logger.warn({ dropped: parsed.length - good.length }, "unreadable view entries");
    if (good.length) {
      await pool.query(
        `INSERT INTO view_log (viewed_at, officer_id, what, source, viewer_user_id, viewer_token_id, viewer_label, event_id)
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         ON CONFLICT (event_id) DO NOTHING`,
        [
          good.map((g) => g.event.at),
          good.map((g) => g.event.officerId),
          good.map((g) => g.event.what),
          good.map((g) => g.event.source),
          good.map((g) => g.event.viewerUserId),
          good.map((g) => g.event.viewerTokenId),
          good.map((g) => g.event.viewerLabel),
          good.map((g) => g.id),
        ],
      );
    }
    await redis.xdel(viewStreamKey(), ...entries.map(([id]) => id));
    moved += good.length;
    if (entries.length < BATCH) return moved;
  }
}
