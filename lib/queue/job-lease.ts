// Running a job under a lease on its row (lib/queue/job-state.ts). The database decides who runs a job, never the
// queue:
// - a session of its own holds the advisory lock of the row for the whole run, so the same job never runs twice at
//   once, whatever the queue delivers (a job redelivered after a Redis outage finds the lock taken and is skipped);
// - the row is claimed (QUEUED → RUNNING, owner, attempts + 1) only under that lock; a RUNNING row whose lock is free
//   was left by a process that died, and is taken over;
// - the owner refreshes heartbeat_at every lease / 4 on that session; a row whose heartbeat is older than the lease
//   is interrupted by the workers' reconcile pass (lib/queue/reconcile-jobs.ts);
// - every write of the run names its owner (fenced), and a run that finds its row taken away stops (LeaseLostError):
//   an import checks this inside its own transaction before it commits, so its data and its SUCCEEDED status are
//   committed together, once;
// - a failed attempt is queued again under a new job id with a backoff, up to JOB_MAX_ATTEMPTS; an error that can
//   never succeed (PermanentJobError, invalid payload) fails the row at once.
import "server-only";
import os from "node:os";
import pg from "pg";
import { ZodError } from "zod";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import {
  JOB_TABLE_SPECS,
  ROW_COLUMNS,
  dispatchJobRow,
  readJobRows,
  toJobRow,
  type JobRow,
  type JobTable,
  type Queryable,
} from "@/lib/queue/job-state";
import { JobNotRunError, LeaseLostError, PermanentJobError } from "@/lib/queue/job-errors";

export { JobNotRunError, LeaseLostError, PermanentJobError };

export function leaseSettings() {
  return {
    leaseMs: env.JOB_LEASE_SECONDS * 1000,
    heartbeatMs: (env.JOB_LEASE_SECONDS * 1000) / 4,
    maxAttempts: env.JOB_MAX_ATTEMPTS,
  };
}

// Who runs the job, as stored in the row's owner: the process role, host and pid.
let ownerName = `process ${os.hostname()}:${process.pid}`;
export function setLeaseOwner(role: string): void {
  ownerName = `${role} ${os.hostname()}:${process.pid}`;
}
export function leaseOwner(): string {
  return ownerName;
}

function isPermanentByDefault(error: unknown): boolean {
  return (
    error instanceof PermanentJobError ||
    error instanceof ZodError ||
    (error instanceof Error && error.name === "UnrecoverableError")
  );
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

// The next attempt of a failed job waits 5 s, 10 s, 20 s…
const backoffMs = (attempt: number) => 5_000 * 2 ** Math.max(attempt - 1, 0);

export type Lease = {
  table: JobTable;
  id: number;
  owner: string;
  attempt: number;
  maxAttempts: number;
  // Aborted when the row is taken away: long work checks it between steps.
  signal: AbortSignal;
  // Inside the caller's transaction: locks the row and throws LeaseLostError unless this run still owns it.
  fence: (client: Queryable) => Promise<void>;
  // Marks the row SUCCEEDED with extra columns (JSON values for the json columns), in the caller's transaction if
  // given. Not needed when the work returns normally: the row is then marked SUCCEEDED as it is.
  succeed: (columns?: Record<string, unknown>, client?: Queryable) => Promise<void>;
  // Progress in percent, with extra columns (an import's phase): best effort, never throws, never waits for the
  // previous write.
  progress: (percent: number, columns?: Record<string, unknown>) => void;
};

export type LeaseOptions = {
  // false: a failed attempt fails the row instead of queuing it again (the CLI, where the user sees the error).
  retry?: boolean;
  isPermanent?: (error: unknown) => boolean;
  // Called once the row says FAILED, with the reason stored.
  onFailed?: (message: string) => Promise<void>;
};

function assignments(columns: Record<string, unknown>, firstParam: number) {
  const entries = Object.entries(columns);
  return {
    sql: entries.map(([column], i) => `, ${column} = $${firstParam + i}`).join(""),
    params: entries.map(([, value]) =>
      value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value,
    ),
  };
}

class ActiveLease implements Lease {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private heartbeat: NodeJS.Timeout | undefined;
  private progressWrite: Promise<unknown> | null = null;
  private pendingProgress: { percent: number; columns?: Record<string, unknown> } | null = null;

  constructor(
    private readonly session: pg.Client,
    readonly table: JobTable,
    readonly id: number,
    readonly owner: string,
    readonly attempt: number,
    readonly maxAttempts: number,
  ) {
    this.signal = this.controller.signal;
  }

  get lost(): boolean {
    return this.signal.aborted;
  }

  lose(reason: string): void {
    if (this.lost) return;
    logger.warn({ table: this.table, id: this.id, owner: this.owner, reason }, "job lease lost: the run stops");
    this.controller.abort(new LeaseLostError(reason));
  }

  private owned = `id = $1 AND owner = $2 AND status = 'RUNNING'`;

  startHeartbeat(everyMs: number): void {
    this.heartbeat = setInterval(() => {
      // A row the work itself marked SUCCEEDED (an import commits its status with its data) is still this run's.
      this.session
        .query(
          `UPDATE ${this.table} SET heartbeat_at = now()
            WHERE id = $1 AND owner = $2 AND status IN ('RUNNING', 'SUCCEEDED')`,
          [this.id, this.owner],
        )
        .then((result) => {
          if (!result.rowCount) this.lose("the row was interrupted or handed back");
        })
        .catch((error: Error) => this.lose(`heartbeat failed: ${error.message}`));
    }, everyMs);
    this.heartbeat.unref();
  }

  stopHeartbeat(): void {
    clearInterval(this.heartbeat);
  }

  fence = async (client: Queryable): Promise<void> => {
    if (this.lost) throw new LeaseLostError();
    const { rowCount } = await client.query(`SELECT 1 FROM ${this.table} WHERE ${this.owned} FOR UPDATE`, [
      this.id,
      this.owner,
    ]);
    if (!rowCount) throw new LeaseLostError();
  };

  succeed = async (columns: Record<string, unknown> = {}, client: Queryable = this.session): Promise<void> => {
    const set = assignments(columns, 3);
    const { rowCount } = await client.query(
      `UPDATE ${this.table} SET status = 'SUCCEEDED', progress = 100, finished_at = now()${set.sql} WHERE ${this.owned}`,
      [this.id, this.owner, ...set.params],
    );
    if (!rowCount) throw new LeaseLostError();
  };

  progress = (percent: number, columns?: Record<string, unknown>): void => {
    if (this.lost) return;
    this.pendingProgress = { percent, columns };
    if (this.progressWrite) return;
    const write = async () => {
      while (this.pendingProgress && !this.lost) {
        const { percent: p, columns: c } = this.pendingProgress;
        this.pendingProgress = null;
        const set = assignments(c ?? {}, 4);
        await this.session
          .query(`UPDATE ${this.table} SET progress = $3${set.sql} WHERE ${this.owned}`, [
            this.id,
            this.owner,
            Math.round(p * 10) / 10,
            ...set.params,
          ])
          .catch((error: Error) => logger.debug({ err: error.message }, "progress not saved"));
      }
      this.progressWrite = null;
    };
    this.progressWrite = write();
  };

  // Finished in the database by the work itself (an import commits its status with its data)?
  async finishedByWork(): Promise<boolean> {
    const { rowCount } = await this.session.query(
      `SELECT 1 FROM ${this.table} WHERE id = $1 AND owner = $2 AND status = 'SUCCEEDED'`,
      [this.id, this.owner],
    );
    return Boolean(rowCount);
  }

  // After a failed attempt: queued again under a new job id with a backoff, or failed for good.
  async fail(error: unknown, permanent: boolean): Promise<{ requeued: JobRow | null; message: string }> {
    const message = errorMessage(error);
    if (!permanent && this.attempt < this.maxAttempts) {
      const { rows } = await this.session.query(
        `UPDATE ${this.table} SET status = 'QUEUED', generation = generation + 1, error = $3
          WHERE ${this.owned} RETURNING ${ROW_COLUMNS}${JOB_TABLE_SPECS[this.table].extraColumns}`,
        [this.id, this.owner, `attempt ${this.attempt} of ${this.maxAttempts} failed: ${message}`],
      );
      if (!rows[0]) throw new LeaseLostError();
      return { requeued: toJobRow(this.table, rows[0]), message };
    }
    const stored =
      permanent || this.maxAttempts === 1 ? message : `${message} (attempt ${this.attempt} of ${this.maxAttempts})`;
    const { rowCount } = await this.session.query(
      `UPDATE ${this.table} SET status = 'FAILED', error = $3, finished_at = now() WHERE ${this.owned}`,
      [this.id, this.owner, stored],
    );
    if (!rowCount) throw new LeaseLostError();
    return { requeued: null, message: stored };
  }

  // At shutdown: the row goes back to the queue without counting the attempt, or (`fail`) fails with the reason.
  async stop(reason: string, fail: boolean): Promise<JobRow | null> {
    const { rows } = await this.session.query(
      fail
        ? `UPDATE ${this.table} SET status = 'FAILED', error = $3, finished_at = now()
            WHERE ${this.owned} RETURNING ${ROW_COLUMNS}${JOB_TABLE_SPECS[this.table].extraColumns}`
        : `UPDATE ${this.table} SET status = 'QUEUED', generation = generation + 1,
                  attempts = greatest(attempts - 1, 0), error = $3
            WHERE ${this.owned} RETURNING ${ROW_COLUMNS}${JOB_TABLE_SPECS[this.table].extraColumns}`,
      [this.id, this.owner, reason],
    );
    this.lose(fail ? "stopped" : "handed back");
    return rows[0] ? toJobRow(this.table, rows[0]) : null;
  }
}

const activeLeases = new Set<ActiveLease>();

export function activeLeaseCount(): number {
  return activeLeases.size;
}

// Shutdown: every job this process still runs goes back to the queue (its attempt not counted), or with `fail`
// (an interrupted CLI command, whose user saw it stop) is marked FAILED with the reason; its work is told to stop.
// The caller exits next, which rolls back whatever the work had not committed.
export async function stopActiveLeases(reason: string, options: { fail?: boolean } = {}): Promise<JobRow[]> {
  const stopped: JobRow[] = [];
  for (const lease of [...activeLeases]) {
    const row = await lease.stop(reason, Boolean(options.fail)).catch((error: Error) => {
      logger.error({ table: lease.table, id: lease.id, err: error.message }, "could not stop the job's lease");
      return null;
    });
    if (!row) continue;
    stopped.push(row);
    if (row.status === "QUEUED") await dispatchJobRow(row);
  }
  return stopped;
}

async function openSession(): Promise<pg.Client> {
  const session = new pg.Client({ connectionString: env.DATABASE_URL, keepAlive: true });
  // A dropped session is noticed by the heartbeat; without a listener its 'error' event would end the process.
  session.on("error", (error) => logger.warn({ err: error.message }, "job lease session error"));
  await session.connect();
  return session;
}

// Runs `work` under the lease of row `id` of `table`. Resolves with the work's value; throws JobNotRunError when the
// job was not run (finished, running elsewhere, lease lost), or the work's own error once the row says what happens
// next (queued again or FAILED).
export async function withJobLease<T>(
  table: JobTable,
  id: number,
  work: (lease: Lease) => Promise<T>,
  options: LeaseOptions = {},
): Promise<T> {
  const { heartbeatMs, maxAttempts } = leaseSettings();
  const spec = JOB_TABLE_SPECS[table];
  const owner = leaseOwner();
  const session = await openSession();
  let lease: ActiveLease | undefined;
  try {
    const { rows: locked } = await session.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [
      spec.lockSpace,
      id,
    ]);
    if (!locked[0]!.locked) {
      throw new JobNotRunError("running elsewhere", "RUNNING", `${table} ${id} is being run by another session`);
    }
    const { rows: claimed } = await session.query<{ attempts: number }>(
      `UPDATE ${table} SET status = 'RUNNING', owner = $2, heartbeat_at = now(), attempts = attempts + 1,
              started_at = now(), finished_at = NULL, error = NULL, progress = 0
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND attempts < $3
        RETURNING attempts`,
      [id, owner, maxAttempts],
    );
    if (!claimed[0]) return await notClaimed(session, table, id, maxAttempts, options);

    lease = new ActiveLease(session, table, id, owner, claimed[0].attempts, maxAttempts);
    activeLeases.add(lease);
    lease.startHeartbeat(heartbeatMs);
    try {
      const value = await work(lease);
      if (!(await lease.finishedByWork())) await lease.succeed();
      return value;
    } catch (error) {
      lease.stopHeartbeat();
      const lost = () => new JobNotRunError("lease lost", null, `${table} ${id}: ${errorMessage(error)}`);
      if (lease.lost || error instanceof LeaseLostError) throw lost();
      const permanent = isPermanentByDefault(error) || Boolean(options.isPermanent?.(error));
      const { requeued, message } = await lease.fail(error, permanent || options.retry === false).catch((failure) => {
        throw failure instanceof LeaseLostError ? lost() : failure;
      });
      if (requeued) {
        logger.warn({ table, id, attempt: lease.attempt, err: message }, "job attempt failed: queued again");
        await dispatchJobRow(requeued, { delayMs: backoffMs(lease.attempt) });
      } else {
        await options.onFailed?.(message);
      }
      throw error;
    }
  } finally {
    lease?.stopHeartbeat();
    if (lease) activeLeases.delete(lease);
    await session.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    await session.end().catch(() => undefined);
  }
}

// The row could not be claimed: finished (not run again), or RUNNING with its attempts used up by a process that
// died (its lock is free, since this session holds it), which fails it with the reason.
async function notClaimed(
  session: pg.Client,
  table: JobTable,
  id: number,
  maxAttempts: number,
  options: LeaseOptions,
): Promise<never> {
  const [row] = await readJobRows(table, "id = $1", [id], session);
  if (!row) throw new PermanentJobError(`${table} has no row ${id}`);
  if (row.status === "RUNNING") {
    const message = interruptedTooOften(row, maxAttempts);
    await session.query(`UPDATE ${table} SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [
      id,
      message,
    ]);
    await options.onFailed?.(message);
    throw new JobNotRunError("finished", "FAILED", `${table} ${id}: ${message}`);
  }
  throw new JobNotRunError("finished", row.status, `${table} ${id} is already ${row.status}`);
}

// What the error stored on a job's row says happened, for the pages to say it in the reader's language (the messages
// are written here and in lib/queue/reconcile-jobs.ts).
export type JobErrorKind = "interrupted" | "interruptedTooOften" | "attemptFailed" | "handedBack" | "stopped" | "other";

export function jobErrorKind(error: string | null): JobErrorKind | null {
  if (!error) return null;
  if (/^interrupted \d+ times/.test(error)) return "interruptedTooOften";
  if (error.startsWith("interrupted: ")) return "interrupted";
  if (/^attempt \d+ of \d+ failed: /.test(error)) return "attemptFailed";
  if (error.startsWith("handed back by ")) return "handedBack";
  if (error.startsWith("stopped by ")) return "stopped";
  return "other";
}

export function interruptedTooOften(row: Pick<JobRow, "owner" | "heartbeatAt" | "attempts">, maxAttempts: number) {
  const last = row.heartbeatAt ? ` (last heartbeat ${row.heartbeatAt.toISOString()} from ${row.owner})` : "";
  return `interrupted ${row.attempts} times${last}: not started again after ${maxAttempts} attempts; retry once the cause is fixed`;
}
