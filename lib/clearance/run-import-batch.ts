// Runs one import batch end to end and keeps its row in import_batches up to date: status, live progress, per-file
// counts and the quality report. Used by the worker's job and, in-process, by the CLI. Safe to run twice: a batch
// that already succeeded is not imported again, and a retried one starts from a clean slate.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { importCanonical } from "@/lib/clearance/import-canonical";
import { importKcs } from "@/lib/clearance/import-kcs";
import { importWco } from "@/lib/wco/import-wco";
import type { ImportOutcome } from "@/lib/clearance/import-pipeline";
import { queueAnalysisRecomputation, queueKpiRecomputation } from "@/lib/kpis/queue-recomputation";
import { logger } from "@/lib/logger";

const PROGRESS_EVERY_MS = 250;

export type ProgressListener = (percent: number) => Promise<void>;

export async function runImportBatch(batchId: number, onProgress?: ProgressListener): Promise<ImportOutcome> {
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
  if (batch.status === "SUCCEEDED") {
    return {
      files: batch.fileCounts,
      quality: batch.quality,
      affectedCells: batch.affectedCells ?? [],
    } as unknown as ImportOutcome;
  }
  await db.importBatch.update({
    where: { id: batchId },
    data: { status: "RUNNING", startedAt: new Date(), progress: 0, phase: "starting", error: null },
  });

  let lastWrite = 0;
  let lastPhase = "";
  const progress = async (fraction: number, phase: string) => {
    const now = Date.now();
    if (phase === lastPhase && now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    lastPhase = phase;
    const percent = Math.round(fraction * 1000) / 10;
    await db.importBatch.update({ where: { id: batchId }, data: { progress: percent, phase } });
    await onProgress?.(percent);
  };

  try {
    const outcome =
      batch.kind === "KCS"
        ? await importKcs(batchId, batch.sourcePath, progress)
        : batch.kind === "WCO"
          ? await importWco(batchId, batch.sourcePath, progress)
          : await importCanonical(batchId, batch.sourcePath, progress);
    await db.importBatch.update({
      where: { id: batchId },
      data: {
        status: "SUCCEEDED",
        progress: 100,
        phase: "done",
        finishedAt: new Date(),
        fileCounts: outcome.files as unknown as Prisma.InputJsonValue,
        quality: outcome.quality as unknown as Prisma.InputJsonValue,
        affectedCells: outcome.affectedCells as unknown as Prisma.InputJsonValue,
      },
    });
    await onProgress?.(100);
    // The data is in; should the queue be down, the nightly recomputation catches up with it.
    const recomputations = await queueKpiRecomputation(`import-${batchId}`, outcome.affectedCells).catch(
      (error: Error) => {
        logger.error({ batchId, err: error.message }, "could not queue KPI recomputation");
        return 0;
      },
    );
    const changedFiles = Object.entries(outcome.files)
      .filter(([, c]) => c.inserted + c.updated > 0)
      .map(([file]) => file);
    const analyses = await queueAnalysisRecomputation(outcome.affectedCells, changedFiles).catch((error: Error) => {
      logger.error({ batchId, err: error.message }, "could not queue the TRS and mirror recomputation");
      return 0;
    });
    await writeAudit({
      actorId: batch.createdById,
      action: "import.succeeded",
      entityType: "import",
      entityId: String(batchId),
      data: { source: batch.sourceName, files: summarize(outcome), recomputations, analyses },
    });
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.importBatch.update({
      where: { id: batchId },
      data: { status: "FAILED", phase: "failed", error: message, finishedAt: new Date() },
    });
    await writeAudit({
      actorId: batch.createdById,
      action: "import.failed",
      entityType: "import",
      entityId: String(batchId),
      data: { source: batch.sourceName, error: message },
    });
    throw error;
  }
}

function summarize(outcome: ImportOutcome): Record<string, { accepted: number; rejected: number }> {
  return Object.fromEntries(
    Object.entries(outcome.files).map(([file, c]) => [file, { accepted: c.accepted, rejected: c.rejected }]),
  );
}
