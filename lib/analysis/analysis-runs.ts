// The analysis jobs' state in PostgreSQL (analysis_runs): a request is a row (what was asked, by whom), the job
// carries only its id, and the processor moves the row QUEUED → RUNNING → SUCCEEDED / FAILED with its progress and
// result, under the lease of the row (lib/queue/job-lease.ts). A run that already finished is not run again (a
// retried or duplicated job returns), and the screens read the rows, so a lost queue loses no history.
import "server-only";
import type { AnalysisRun, AnalysisRunKind, Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/pg";
import type { ProgressReporter } from "@/lib/queue/job-payloads";
import { JobNotRunError, withJobLease } from "@/lib/queue/job-lease";
import { dispatchJobRow, readJobRows, type JobRow, type Queryable } from "@/lib/queue/job-state";
import { AppError } from "@/lib/kernel/app-error";

export type RunView = Pick<
  AnalysisRun,
  "id" | "kind" | "status" | "progress" | "error" | "createdAt" | "finishedAt"
> & {
  params: Record<string, unknown>;
  result: Record<string, unknown> | null;
};

function view(run: AnalysisRun): RunView {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    progress: run.progress,
    error: run.error,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    params: run.params as Record<string, unknown>,
    result: (run.result ?? null) as Record<string, unknown> | null,
  };
}

// Registers a run and queues its job. Unless `force`, a run of the same kind and parameters still queued or
// running is returned instead of a second one (two page loads that both find the results stale ask once).
export async function requestAnalysisRun(
  kind: AnalysisRunKind,
  params: Prisma.InputJsonObject,
  options: { requestedById?: string | null; force?: boolean } = {},
): Promise<{ runId: number; created: boolean }> {
  const { runId, created, row } = await inTransaction((client) => recordAnalysisRun(client, kind, params, options));
  if (created) await dispatchJobRow(row);
  return { runId, created };
}

// The row of a run request, written with the caller's client (inside its transaction); the caller queues the row
// (dispatchJobRow) once committed.
export async function recordAnalysisRun(
  client: Queryable,
  kind: AnalysisRunKind,
  params: Prisma.InputJsonObject,
  options: { requestedById?: string | null; force?: boolean } = {},
): Promise<{ runId: number; created: boolean; row: JobRow }> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('analysis_runs:' || $1))", [kind]);
  let runId: number | undefined;
  let created = false;
  if (!options.force) {
    const { rows } = await client.query<{ id: number }>(
      `SELECT id FROM analysis_runs WHERE kind = $1::"AnalysisRunKind" AND status IN ('QUEUED', 'RUNNING') AND params = $2::jsonb
        ORDER BY id DESC LIMIT 1`,
      [kind, JSON.stringify(params)],
    );
    runId = rows[0]?.id;
  }
  if (runId === undefined) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO analysis_runs (kind, params, requested_by_id) VALUES ($1::"AnalysisRunKind", $2::jsonb, $3) RETURNING id`,
      [kind, JSON.stringify(params), options.requestedById ?? null],
    );
    runId = rows[0]!.id;
    created = true;
  }
  const [row] = await readJobRows("analysis_runs", "id = $1", [runId], client);
  return { runId, created, row: row! };
}

export async function getRunOrThrow(runId: number): Promise<RunView> {
  const run = await db.analysisRun.findUnique({ where: { id: runId } });
  if (!run) throw new AppError("NOT_FOUND", "No such analysis run");
  return view(run);
}

export async function latestRun(kind: AnalysisRunKind): Promise<RunView | null> {
  const run = await db.analysisRun.findFirst({ where: { kind }, orderBy: { id: "desc" } });
  return run ? view(run) : null;
}

// Runs the work of one run under the lease of its row: the row says RUNNING while it works and keeps its progress
// (at most every half second), then its result, or its error once no attempt is left (lib/queue/job-lease.ts). The
// job's own progress follows too. `isPermanent`: errors that no retry can fix.
export async function executeRun<T extends Prisma.InputJsonObject>(
  runId: number,
  kind: AnalysisRunKind,
  report: ProgressReporter,
  work: (params: Record<string, unknown>, progress: ProgressReporter) => Promise<T>,
  options: { isPermanent?: (error: unknown) => boolean } = {},
): Promise<unknown> {
  const run = await db.analysisRun.findUnique({ where: { id: runId } });
  if (!run || run.kind !== kind) throw new Error(`analysis run ${runId} (${kind}) does not exist`);
  try {
    return await withJobLease(
      "analysis_runs",
      runId,
      async (lease) => {
        let saved = 0;
        const progress: ProgressReporter = async (percent) => {
          await report(percent);
          if (Date.now() - saved < 500 && percent < 100) return;
          saved = Date.now();
          lease.progress(percent);
        };
        const result = await work(run.params as Record<string, unknown>, progress);
        await lease.succeed({ result });
        await report(100);
        return result;
      },
      options,
    );
  } catch (error) {
    if (error instanceof JobNotRunError && error.status === "SUCCEEDED") {
      return (await db.analysisRun.findUniqueOrThrow({ where: { id: runId } })).result;
    }
    throw error;
  }
}
