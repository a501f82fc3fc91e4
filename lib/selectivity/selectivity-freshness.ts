// Keeps the stored selectivity tables in step with the data without scanning declarations on page load: the tables
// carry the latest import they reflect (last_import_id); a page that finds them older than the latest successful
// import, or finds none while there are imports, asks for one selectivity.compute run (requestAnalysisRun returns the
// pending run instead of a second one). A queue that cannot be reached leaves the page as it is.
import "server-only";
import { pool } from "@/lib/pg";
import { requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import { logger } from "@/lib/logger";

export type Freshness = {
  latestImportId: number | null;
  storedImportId: number | null;
  stored: boolean;
  stale: boolean;
};

export async function selectivityFreshness(): Promise<Freshness> {
  const { rows } = await pool.query<{ latest: number | null; stored_import: number | null; stored: boolean }>(
    `SELECT (SELECT max(id) FROM import_batches WHERE status = 'SUCCEEDED') AS latest,
            (SELECT max(last_import_id) FROM selectivity_lanes) AS stored_import,
            EXISTS (SELECT 1 FROM selectivity_lanes) AS stored`,
  );
  const r = rows[0]!;
  const stale = r.latest !== null && (!r.stored || (r.stored_import ?? 0) < r.latest);
  return { latestImportId: r.latest, storedImportId: r.stored_import, stored: r.stored, stale };
}

export async function refreshSelectivityIfStale(freshness: Freshness): Promise<void> {
  if (!freshness.stale) return;
  try {
    await requestAnalysisRun("SELECTIVITY_COMPUTE", { reason: `import-${freshness.latestImportId}` });
  } catch (error) {
    logger.warn({ err: (error as Error).message }, "could not queue the selectivity computation");
  }
}
