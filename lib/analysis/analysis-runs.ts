// The analysis jobs' state in PostgreSQL (analysis_runs): a request is a row (what was asked, by whom), the job
// carries only its id, and the processor moves the row QUEUED → RUNNING → SUCCEEDED / FAILED with its progress and
// result. A run that already succeeded is not run again (a retried or duplicated job returns its result), and
// the screens read the rows, so a lost queue loses no history.
import "server-only";
import type { AnalysisRun, AnalysisRunKind, Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { inTransaction } from "@/lib/pg";
import { enqueue } from "@/lib/queue/enqueue";
import { JOB_NAMES } from "@/lib/queue/job-names";
import type { ProgressReporter } from "@/lib/queue/job-payloads";
import { AppError } from "@/lib/kernel/app-error";

// The job that carries each kind of run (payload { runId }); a kind without one here is not requested through
// requestAnalysisRun.
export const RUN_JOB: Partial<Record<AnalysisRunKind, (typeof JOB_NAMES)[keyof typeof JOB_NAMES]>> = {
  SELECTIVITY_COMPUTE: JOB_NAMES.selectivityCompute,
  RISK_TRAIN: JOB_NAMES.riskTrain,
  RISK_SCORE: JOB_NAMES.riskScore,
  RISK_DRIFT: JOB_NAMES.riskDrift,
  TRS_COMPUTE: JOB_NAMES.trsCompute,
  MIRROR_COMPUTE: JOB_NAMES.mirrorCompute,
};

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
  const jobName = RUN_JOB[kind];
  if (!jobName) throw new Error(`no job runs analysis runs of kind ${kind}`);
  const { runId, created } = await inTransaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('analysis_runs:' || $1))", [kind]);
    if (!options.force) {
      const { rows } = await client.query<{ id: number }>(
        `SELECT id FROM analysis_runs WHERE kind = $1::"AnalysisRunKind" AND status IN ('QUEUED', 'RUNNING') AND params = $2::jsonb
          ORDER BY id DESC LIMIT 1`,
        [kind, JSON.stringify(params)],
      );
      if (rows[0]) return { runId: rows[0].id, created: false };
    }
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO analysis_runs (kind, params, requested_by_id) VALUES ($1::"AnalysisRunKind", $2::jsonb, $3) RETURNING id`,
      [kind, JSON.stringify(params), options.requestedById ?? null],
    );
    return { runId: rows[0]!.id, created: true };
  });
  if (created) await enqueue(jobName as typeof JOB_NAMES.riskTrain, { runId });
  return { runId, created };
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

// Runs the work of one run: the row says RUNNING while it works and keeps its progress (at most every half
// second), then its result or its error. The job's own progress follows too.
export async function executeRun<T extends Prisma.InputJsonObject>(
  runId: number,
  kind: AnalysisRunKind,
  report: ProgressReporter,
  work: (params: Record<string, unknown>, progress: ProgressReporter) => Promise<T>,
): Promise<unknown> {
  const run = await db.analysisRun.findUnique({ where: { id: runId } });
  if (!run || run.kind !== kind) throw new Error(`analysis run ${runId} (${kind}) does not exist`);
  if (run.status === "SUCCEEDED") return run.result;
  await db.analysisRun.update({
    where: { id: runId },
    data: { status: "RUNNING", startedAt: new Date(), progress: 0, error: null },
  });
  let saved = 0;
  const progress: ProgressReporter = async (percent) => {
    await report(percent);
    if (Date.now() - saved < 500 && percent < 100) return;
    saved = Date.now();
    await db.analysisRun.update({ where: { id: runId }, data: { progress: Math.round(percent * 10) / 10 } });
  };
  try {
    const result = await work(run.params as Record<string, unknown>, progress);
    await db.analysisRun.update({
      where: { id: runId },
      data: { status: "SUCCEEDED", progress: 100, result, finishedAt: new Date() },
    });
    await report(100);
    return result;
  } catch (error) {
    await db.analysisRun.update({
      where: { id: runId },
      data: { status: "FAILED", error: (error as Error).message.slice(0, 2000), finishedAt: new Date() },
    });
    throw error;
  }
}
