// The workers' reconcile pass, run when a worker starts, every JOB_RECONCILE_SECONDS and whenever its Redis
// connection comes back: brings the queue in line with what PostgreSQL says (docs/operations.md).
// - A RUNNING row whose heartbeat is older than the lease, and whose advisory lock is free (its session is gone), is
//   interrupted: queued again under a new job id, or FAILED with the reason once JOB_MAX_ATTEMPTS runs started.
//   A session that still holds the lock without heartbeating for three leases is hung: it is terminated, and the
//   next pass queues its job again.
// - A QUEUED row whose job the queue does not hold (Redis restarted empty, a producer could not reach it) or holds
//   as finished is queued (again).
// - Finished job_runs rows older than 30 days are deleted.
import "server-only";
import { pool, withClient } from "@/lib/pg";
import { writeAudit } from "@/lib/audit";
import { logger } from "@/lib/logger";
import { interruptedTooOften, leaseSettings } from "@/lib/queue/job-lease";
import {
  JOB_TABLES,
  JOB_TABLE_SPECS,
  ROW_COLUMNS,
  dispatchJobRow,
  queueJobId,
  readJobRows,
  toJobRow,
  type JobRow,
  type Queryable,
} from "@/lib/queue/job-state";
import { getQueue, withTimeout } from "@/lib/queue/queue-client";

const QUEUED_PER_PASS = 500;
const HUNG_AFTER_LEASES = 3;
const KEEP_FINISHED_JOB_RUNS_DAYS = 30;

export type ReconcileReport = { interrupted: number; failed: number; queued: number; pruned: number };

export async function reconcileJobs(): Promise<ReconcileReport> {
  const report: ReconcileReport = { interrupted: 0, failed: 0, queued: 0, pruned: 0 };
  const { leaseMs } = leaseSettings();
  await withClient(async (client) => {
    for (const table of JOB_TABLES) {
      const stale = await readJobRows(
        table,
        `status = 'RUNNING' AND coalesce(heartbeat_at, started_at, created_at) < now() - make_interval(secs => $1)`,
        [leaseMs / 1000],
        client,
      );
      for (const row of stale) {
        const outcome = await interrupt(client, row);
        if (outcome === "queued") report.interrupted++;
        if (outcome === "failed") report.failed++;
      }
    }
  });
  for (const table of JOB_TABLES) {
    const queued = await readJobRows(table, "status = 'QUEUED'", [], pool, `ORDER BY id LIMIT ${QUEUED_PER_PASS}`);
    for (const row of queued) if (await ensureQueued(row)) report.queued++;
  }
  const pruned = await pool.query(
    `DELETE FROM job_runs WHERE status IN ('SUCCEEDED', 'FAILED') AND finished_at < now() - make_interval(days => $1)`,
    [KEEP_FINISHED_JOB_RUNS_DAYS],
  );
  report.pruned = pruned.rowCount ?? 0;
  if (report.interrupted || report.failed || report.queued) logger.info(report, "reconciled jobs with the database");
  return report;
}

async function interrupt(client: Queryable, row: JobRow): Promise<"queued" | "failed" | "held"> {
  const { leaseMs, maxAttempts } = leaseSettings();
  const space = JOB_TABLE_SPECS[row.table].lockSpace;
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [
    space,
    row.id,
  ]);
  if (!rows[0]!.locked) {
    await stopIfHung(client, row, space, leaseMs);
    return "held";
  }
  try {
    const heartbeat = row.heartbeatAt ? row.heartbeatAt.toISOString() : "never";
    const same = `id = $1 AND status = 'RUNNING' AND owner IS NOT DISTINCT FROM $2`;
    if (row.attempts >= maxAttempts) {
      const message = interruptedTooOften(row, maxAttempts);
      const { rowCount } = await client.query(
        `UPDATE ${row.table} SET status = 'FAILED', error = $3, finished_at = now() WHERE ${same}`,
        [row.id, row.owner, message],
      );
      if (!rowCount) return "held";
      logger.error({ table: row.table, id: row.id, owner: row.owner }, message);
      await auditImport(row, "import.failed", { error: message });
      return "failed";
    }
    const message = `interrupted: ${row.owner ?? "its worker"} stopped answering (last heartbeat ${heartbeat}); queued again for attempt ${row.attempts + 1} of ${maxAttempts}`;
    const { rows: requeued } = await client.query(
      `UPDATE ${row.table} SET status = 'QUEUED', generation = generation + 1, error = $3 WHERE ${same}
       RETURNING ${ROW_COLUMNS}${JOB_TABLE_SPECS[row.table].extraColumns}`,
      [row.id, row.owner, message],
    );
    if (!requeued[0]) return "held";
    logger.warn({ table: row.table, id: row.id, owner: row.owner, heartbeat }, "interrupted job queued again");
    await auditImport(row, "import.interrupted", { owner: row.owner, heartbeat, attempt: row.attempts });
    await dispatchJobRow(toJobRow(row.table, requeued[0]));
    return "queued";
  } finally {
    await client.query("SELECT pg_advisory_unlock($1, $2)", [space, row.id]);
  }
}

// The lock is held but the heartbeat stopped: the owner's session is connected and silent (a frozen process, a
// worker cut off from the network whose connection PostgreSQL has not dropped yet).
async function stopIfHung(client: Queryable, row: JobRow, space: number, leaseMs: number): Promise<void> {
  const silentMs = Date.now() - (row.heartbeatAt?.getTime() ?? 0);
  if (silentMs < HUNG_AFTER_LEASES * leaseMs) {
    logger.warn(
      { table: row.table, id: row.id, owner: row.owner, silentSeconds: Math.round(silentMs / 1000) },
      "job heartbeat is late but its session still holds the lock",
    );
    return;
  }
  const { rows } = await client.query<{ pid: number; stopped: boolean }>(
    `SELECT pid, pg_terminate_backend(pid) AS stopped FROM pg_locks
      WHERE locktype = 'advisory' AND classid = $1::oid AND objid = $2::oid AND objsubid = 2 AND granted
        AND EXISTS (SELECT 1 FROM ${row.table} WHERE id = $3 AND status = 'RUNNING'
                     AND heartbeat_at < now() - make_interval(secs => $4))`,
    [space, row.id, row.id, (HUNG_AFTER_LEASES * leaseMs) / 1000],
  );
  for (const r of rows) {
    logger.error(
      { table: row.table, id: row.id, owner: row.owner, pid: r.pid, stopped: r.stopped },
      "job owner silent for three leases: its database session was terminated",
    );
  }
}

async function auditImport(row: JobRow, action: string, data: Record<string, unknown>): Promise<void> {
  if (row.table !== "import_batches") return;
  await writeAudit({ actorId: null, action, entityType: "import", entityId: String(row.id), data: data as never });
}

// True when the row's job was (re)queued.
async function ensureQueued(row: JobRow): Promise<boolean> {
  const job = await withTimeout(getQueue().getJob(queueJobId(row)), 5_000);
  let current = row;
  if (job) {
    const state = await withTimeout(job.getState(), 5_000);
    if (state !== "completed" && state !== "failed" && state !== "unknown") return false;
    const { rows } = await pool.query(
      `UPDATE ${row.table} SET generation = generation + 1 WHERE id = $1 AND status = 'QUEUED' AND generation = $2
       RETURNING ${ROW_COLUMNS}${JOB_TABLE_SPECS[row.table].extraColumns}`,
      [row.id, row.generation],
    );
    if (!rows[0]) return false;
    current = toJobRow(row.table, rows[0]);
  }
  return dispatchJobRow(current);
}
