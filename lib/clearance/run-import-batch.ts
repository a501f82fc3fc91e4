// Runs one import batch end to end under the lease of its import_batches row (lib/queue/job-lease.ts): status, live
// progress, per-file counts and the quality report. Used by the worker's job and, in-process, by the CLI.
// - The data, the SUCCEEDED status, the follow-up jobs (KPI recomputation, TRS and mirror runs) and the
//   "import.succeeded" audit entry are committed in one transaction, after checking that this run still owns the
//   row: an import is committed once, whatever the queue delivers twice.
// - A batch that already succeeded is not imported again; one that failed is run again only through a retry
//   (retryImportBatch), which queues it anew.
// - Follow-up jobs are queued after the commit; when Redis cannot be reached they wait in PostgreSQL for the
//   workers' reconcile pass.
import "server-only";
import type { PoolClient } from "pg";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { importCanonical } from "@/lib/clearance/import-canonical";
import { importKcs } from "@/lib/clearance/import-kcs";
import { importWco } from "@/lib/wco/import-wco";
import type { ImportOutcome } from "@/lib/clearance/import-pipeline";
import { ImportInputError } from "@/lib/clearance/import-input-error";
import { queueAnalysisRecomputation, queueKpiRecomputation } from "@/lib/kpis/queue-recomputation";
import { JobNotRunError, withJobLease, type Lease } from "@/lib/queue/job-lease";
import { dispatchJobRows, type JobRow } from "@/lib/queue/job-state";
import { logger } from "@/lib/logger";

const PROGRESS_EVERY_MS = 250;

export type ProgressListener = (percent: number) => Promise<void>;

export async function runImportBatch(
  batchId: number,
  onProgress?: ProgressListener,
  options: { retry?: boolean } = {},
): Promise<ImportOutcome> {
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  try {
    return await withJobLease("import_batches", batchId, (lease) => importUnderLease(batch, lease, onProgress), {
      retry: options.retry,
      isPermanent: (error) => error instanceof ImportInputError,
      onFailed: (message) =>
        writeAudit({
          actorId: batch.createdById,
          action: "import.failed",
          entityType: "import",
          entityId: String(batchId),
          data: { source: batch.sourceName, error: message },
        }),
    });
  } catch (error) {
    if (error instanceof JobNotRunError && error.status === "SUCCEEDED") return storedOutcome(batchId);
    throw error;
  }
}

type Batch = Awaited<ReturnType<typeof db.importBatch.findUniqueOrThrow>>;

async function importUnderLease(batch: Batch, lease: Lease, onProgress?: ProgressListener): Promise<ImportOutcome> {
  let lastWrite = 0;
  let lastPhase = "";
  // Best effort, never blocking and never throwing (the readers call it without waiting): a progress write or a
  // listener that fails does not stop the import. A run whose lease was lost finds out at its commit.
  const progress = async (fraction: number, phase: string) => {
    const now = Date.now();
    if (phase === lastPhase && now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    lastPhase = phase;
    const percent = Math.round(fraction * 1000) / 10;
    lease.progress(percent, { phase });
    onProgress?.(percent).catch((error: Error) => logger.debug({ err: error.message }, "progress listener failed"));
  };
  await progress(0, "starting");

  let followUps: JobRow[] = [];
  const commit = async (client: PoolClient, outcome: ImportOutcome) => {
    await lease.fence(client);
    const reason = `import-${batch.id}`;
    const changedFiles = Object.entries(outcome.files)
      .filter(([, c]) => c.inserted + c.updated > 0)
      .map(([file]) => file);
    const analysisRuns = await queueAnalysisRecomputation(client, outcome.affectedCells, changedFiles);
    // The KPI jobs queue the contracts' refresh as they end, and the refresh the analysis runs (decision 039).
    const kpiJobs = await queueKpiRecomputation(client, reason, outcome.affectedCells, analysisRuns);
    followUps = kpiJobs.rows;
    await lease.succeed(
      {
        phase: "done",
        file_counts: outcome.files,
        quality: outcome.quality,
        affected_cells: outcome.affectedCells,
      },
      client,
    );
    await client.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, data) VALUES ($1, 'import.succeeded', 'import', $2, $3)`,
      [
        batch.createdById,
        String(batch.id),
        JSON.stringify({
          source: batch.sourceName,
          files: summarize(outcome),
          recomputations: kpiJobs.requests,
          analyses: analysisRuns.length,
        }),
      ],
    );
  };

  const outcome =
    batch.kind === "KCS"
      ? await importKcs(batch.id, batch.sourcePath, progress, commit)
      : batch.kind === "WCO"
        ? await importWco(batch.id, batch.sourcePath, progress, commit)
        : await importCanonical(batch.id, batch.sourcePath, progress, commit);
  await onProgress?.(100).catch(() => undefined);
  await dispatchJobRows(followUps);
  return outcome;
}

async function storedOutcome(batchId: number): Promise<ImportOutcome> {
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  return {
    files: batch.fileCounts,
    quality: batch.quality,
    affectedCells: batch.affectedCells ?? [],
  } as unknown as ImportOutcome;
}

function summarize(outcome: ImportOutcome): Record<string, { accepted: number; rejected: number }> {
  return Object.fromEntries(
    Object.entries(outcome.files).map(([file, c]) => [file, { accepted: c.accepted, rejected: c.rejected }]),
  );
}
