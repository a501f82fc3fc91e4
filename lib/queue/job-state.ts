// Where each job's state lives in PostgreSQL, which owns it (Redis only carries the work): an import in its
// import_batches row, an analysis run in its analysis_runs row, every other job in a job_runs row. The three share
// the columns status, attempts, generation, owner, heartbeat_at, progress, error, started_at and finished_at, so
// leasing (lib/queue/job-lease.ts) and reconciling (lib/queue/reconcile-jobs.ts) are written once for all of them.
//
// A row's queue job id is its deterministic id, followed by "-r<generation>" once the row has been queued again
// (after an interruption, a failed attempt or a retry): a job id the queue still holds, even as failed, never stops
// the next attempt.
import "server-only";
import type { AnalysisRunKind } from "@prisma/client";
import { pool } from "@/lib/pg";
import { ANALYSIS_RUN_JOBS, JOB_NAMES, type JobName } from "@/lib/queue/job-names";
import { jobContracts, type JobContract } from "@/lib/queue/job-payloads";
import { addToQueue } from "@/lib/queue/queue-client";
import type { z } from "zod";

export type JobTable = "import_batches" | "analysis_runs" | "job_runs";
export const JOB_TABLES: JobTable[] = ["import_batches", "analysis_runs", "job_runs"];

import type { JobStatus } from "@/lib/queue/job-errors";

export type { JobStatus };

export type JobRow = {
  table: JobTable;
  id: number;
  status: JobStatus;
  attempts: number;
  generation: number;
  owner: string | null;
  heartbeatAt: Date | null;
  name: JobName;
  payload: Record<string, unknown>;
  baseJobId: string;
};

// Anything that runs a query: the pool, or a client inside the caller's transaction.
export type Queryable = { query: typeof pool.query };

type RawRow = {
  id: number;
  status: JobStatus;
  attempts: number;
  generation: number;
  owner: string | null;
  heartbeat_at: Date | null;
  kind?: AnalysisRunKind;
  name?: string;
  payload?: Record<string, unknown>;
  job_key?: string;
};

type TableSpec = {
  // Advisory-lock namespace of the table's rows (pg_try_advisory_lock(space, id)), held by the session running one.
  lockSpace: number;
  extraColumns: string;
  job: (row: RawRow) => { name: JobName; payload: Record<string, unknown>; key?: string };
};

export const JOB_TABLE_SPECS: Record<JobTable, TableSpec> = {
  import_batches: {
    lockSpace: 7_320_101,
    extraColumns: "",
    job: (row) => ({ name: JOB_NAMES.importRun, payload: { batchId: row.id } }),
  },
  analysis_runs: {
    lockSpace: 7_320_102,
    extraColumns: ", kind::text AS kind",
    job: (row) => ({ name: ANALYSIS_RUN_JOBS[row.kind!], payload: { runId: row.id } }),
  },
  job_runs: {
    lockSpace: 7_320_103,
    extraColumns: ", name, payload, job_key",
    job: (row) => ({ name: row.name as JobName, payload: row.payload!, key: row.job_key }),
  },
};

// The table that holds the state of a job of this name.
export function tableOfJob(name: JobName): JobTable {
  if (name === JOB_NAMES.importRun) return "import_batches";
  return (Object.values(ANALYSIS_RUN_JOBS) as string[]).includes(name) ? "analysis_runs" : "job_runs";
}

export function baseJobId(name: JobName, payload: Record<string, unknown>): string {
  return (jobContracts[name] as JobContract<z.ZodType>).jobId(payload);
}

export function queueJobId(row: Pick<JobRow, "baseJobId" | "generation">): string {
  return row.generation > 0 ? `${row.baseJobId}-r${row.generation}` : row.baseJobId;
}

export const ROW_COLUMNS = "id, status::text AS status, attempts, generation, owner, heartbeat_at";

export function toJobRow(table: JobTable, raw: RawRow): JobRow {
  const job = JOB_TABLE_SPECS[table].job(raw);
  return {
    table,
    id: raw.id,
    status: raw.status,
    attempts: raw.attempts,
    generation: raw.generation,
    owner: raw.owner,
    heartbeatAt: raw.heartbeat_at,
    name: job.name,
    payload: job.payload,
    baseJobId: job.key ?? baseJobId(job.name, job.payload),
  };
}

// `where` and `tail` are SQL written in this module's callers, never user input.
export async function readJobRows(
  table: JobTable,
  where: string,
  params: unknown[],
  client: Queryable = pool,
  tail = "",
): Promise<JobRow[]> {
  const { rows } = await client.query<RawRow>(
    `SELECT ${ROW_COLUMNS}${JOB_TABLE_SPECS[table].extraColumns} FROM ${table} WHERE ${where} ${tail}`,
    params,
  );
  return rows.map((raw) => toJobRow(table, raw));
}

// Adds the row's current job to the queue (best effort: false when Redis cannot be reached).
export function dispatchJobRow(row: JobRow, options: { delayMs?: number } = {}): Promise<boolean> {
  const data = row.table === "job_runs" ? { ...row.payload, jobRun: row.id } : row.payload;
  return addToQueue(row.name, data, queueJobId(row), options);
}

export async function dispatchJobRows(rows: JobRow[]): Promise<void> {
  for (const row of rows) if (row.status === "QUEUED") await dispatchJobRow(row);
}

// The job_runs row of a request (one per job key): created QUEUED, or the existing one, which a new request after a
// failure queues again at once with a fresh attempt budget. A request that already succeeded is not run again.
export async function recordJobRun(
  name: JobName,
  payload: Record<string, unknown>,
  jobKey: string,
  client: Queryable = pool,
): Promise<JobRow> {
  const { rows } = await client.query<RawRow>(
    `INSERT INTO job_runs (job_key, name, payload) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (job_key) DO UPDATE SET
       status = CASE WHEN job_runs.status = 'FAILED' THEN 'QUEUED' ELSE job_runs.status END,
       attempts = CASE WHEN job_runs.status = 'FAILED' THEN 0 ELSE job_runs.attempts END,
       generation = job_runs.generation + CASE WHEN job_runs.status = 'FAILED' THEN 1 ELSE 0 END,
       finished_at = CASE WHEN job_runs.status = 'FAILED' THEN NULL ELSE job_runs.finished_at END
     RETURNING ${ROW_COLUMNS}, name, payload, job_key`,
    [jobKey, name, JSON.stringify(payload)],
  );
  return toJobRow("job_runs", rows[0]!);
}
