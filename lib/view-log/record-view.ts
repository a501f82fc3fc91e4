// Records views of officers' figures in a Redis stream, never in PostgreSQL directly: a view is not a change of
// the data the dashboards show, so it must not make the page cache (docs/decisions/026-rendered-page-cache.md) drop
// pages, which any committed write would. The view-log job moves them into view_log in batches.
import "server-only";
import { redis } from "@/lib/redis";
import { logger } from "@/lib/logger";
import { viewStreamKey, type ViewEvent } from "@/lib/view-log/view-events";

// Far above what the job leaves between two runs; a stream that grows past it (no worker for days) drops its oldest.
const STREAM_MAX = 1_000_000;

export async function recordViews(events: Omit<ViewEvent, "at">[]): Promise<void> {
  if (!events.length) return;
  const at = new Date().toISOString();
  const pipeline = redis.pipeline();
  for (const event of events) {
    pipeline.xadd(viewStreamKey(), "MAXLEN", "~", String(STREAM_MAX), "*", "v", JSON.stringify({ ...event, at }));
  }
  const results = await pipeline.exec();
  const failed = results?.find(([error]) => error);
  if (failed) throw failed[0];
}

// Pages and downloads must not fail because the view could not be written: it is logged instead.
export async function recordViewsQuietly(events: Omit<ViewEvent, "at">[]): Promise<void> {
  try {
    await recordViews(events);
  } catch (error) {
    logger.error({ err: (error as Error).message, views: events.length }, "could not record views");
  }
}
