// Reading import batches for the Data area.
import "server-only";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { env } from "@/lib/env";
import { jobErrorKind, type JobErrorKind } from "@/lib/queue/job-lease";
import { AppError } from "@/lib/kernel/app-error";
import type { FileCounts } from "@/lib/clearance/import-pipeline";
import type { QualityReport } from "@/lib/clearance/quality-report";

export type ImportBatchView = {
  id: number;
  kind: "CANONICAL" | "KCS" | "WCO";
  sourceName: string;
  sha256: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  progress: number;
  phase: string | null;
  error: string | null;
  // Runs started since it was last requested, of at most maxAttempts (lib/queue/job-lease.ts).
  attempts: number;
  maxAttempts: number;
  // What its error says happened (an interruption, a failed attempt queued again…), null without one.
  errorKind: JobErrorKind | null;
  files: Record<string, FileCounts> | null;
  quality: QualityReport | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

type BatchRow = Awaited<ReturnType<typeof findBatches>>[number];

function findBatches(where: { id?: number }, take: number) {
  return db.importBatch.findMany({
    where,
    orderBy: { id: "desc" },
    take,
    include: { createdBy: { select: { email: true } } },
  });
}

function toView(b: BatchRow, withQuality: boolean): ImportBatchView {
  return {
    id: b.id,
    kind: b.kind,
    sourceName: b.sourceName,
    sha256: b.sha256,
    status: b.status,
    progress: b.progress,
    phase: b.phase,
    error: b.error,
    attempts: b.attempts,
    maxAttempts: env.JOB_MAX_ATTEMPTS,
    errorKind: jobErrorKind(b.error),
    files: (b.fileCounts as Record<string, FileCounts> | null) ?? null,
    quality: withQuality ? ((b.quality as QualityReport | null) ?? null) : null,
    createdBy: b.createdBy?.email ?? null,
    createdAt: b.createdAt.toISOString(),
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

export async function listImportBatches(take = 50): Promise<ImportBatchView[]> {
  return (await findBatches({}, take)).map((b) => toView(b, false));
}

export async function getImportBatchOrThrow(id: number): Promise<ImportBatchView> {
  const [batch] = await findBatches({ id }, 1);
  if (!batch) throw new AppError("NOT_FOUND", `Import ${id} not found`);
  return toView(batch, true);
}

export function totals(files: Record<string, FileCounts> | null): { accepted: number; rejected: number } {
  return Object.values(files ?? {}).reduce(
    (t, c) => ({ accepted: t.accepted + c.accepted, rejected: t.rejected + c.rejected }),
    { accepted: 0, rejected: 0 },
  );
}

// The latest import that succeeded: stored values computed from its data or newer are up to date.
export async function latestImportId(): Promise<number | null> {
  const { rows } = await pool.query<{ id: number | null }>(
    `SELECT max(id) AS id FROM import_batches WHERE status = 'SUCCEEDED'`,
  );
  return rows[0]?.id ?? null;
}
