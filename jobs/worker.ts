// Worker process (`npm run worker`): runs every handler of jobs/handlers.ts. Holds no local state, so any number of
// workers on any number of machines can share one Redis and one PostgreSQL. PostgreSQL owns every job's state
// (lib/queue/job-state.ts); this process keeps the queue in line with it (docs/operations.md):
// - it refuses a job queued for another database (a shared queue prefix), leaving it for a worker of that database;
// - a failed progress update to Redis is dropped, never fatal, and nothing it starts is left as an unhandled
//   rejection;
// - it reconciles the queue with the database when it starts, every JOB_RECONCILE_SECONDS and when its Redis
//   connection comes back (repeatable schedules registered again, unfinished work queued again);
// - on SIGTERM or SIGINT it takes no new job, waits WORKER_SHUTDOWN_GRACE_SECONDS for the running ones, hands back
//   what is still running and exits 0. It must be started as its own process (`node --import tsx …`, as
//   `npm run worker` does with exec), never behind a wrapper that kills it on the first signal.
import os from "node:os";
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import { env } from "@/lib/env";
import { createRedis } from "@/lib/redis";
import { logger } from "@/lib/logger";
import { QUEUE_NAME } from "@/lib/queue/job-names";
import type { ProgressReporter } from "@/lib/queue/job-payloads";
import { databaseIdentity } from "@/lib/queue/database-identity";
import { JobNotRunError, activeLeaseCount, stopActiveLeases, leaseOwner, setLeaseOwner } from "@/lib/queue/job-lease";
import { reconcileJobs } from "@/lib/queue/reconcile-jobs";
import { registerSchedules } from "@/lib/queue/job-schedules";
import { closeQueue } from "@/lib/queue/queue-client";
import { runJob } from "@/jobs/handlers";

// A job of another database goes back to the queue for this long, for a worker of that database to take.
const REFUSED_DELAY_MS = 60_000;

let closing = false;
let started = false;

process.on("unhandledRejection", (reason) => {
  logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, "unhandled rejection (ignored)");
});
process.on("uncaughtException", (error) => {
  logger.fatal({ err: error.message, stack: error.stack }, "uncaught exception: stopping");
  void shutdown("uncaughtException", 1);
});

setLeaseOwner("worker");
const database = await databaseIdentity();
const refused = new Set<string>();

// Progress to the queue: never awaited by the work, never fatal (a Redis that restarted empty no longer has the
// job), and only the latest value is sent once the previous update has answered.
function queueProgress(job: Job): { report: ProgressReporter; flush: () => Promise<void> } {
  let latest: number | null = null;
  let sending: Promise<void> | null = null;
  const send = async () => {
    while (latest !== null) {
      const percent = latest;
      latest = null;
      await job
        .updateProgress(Math.round(percent * 10) / 10)
        .catch((error: Error) => logger.debug({ job: job.id, err: error.message }, "progress not sent to the queue"));
    }
    sending = null;
  };
  return {
    report: async (percent) => {
      latest = percent;
      sending ??= send();
    },
    flush: async () => {
      await Promise.race([sending ?? Promise.resolve(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    },
  };
}

async function processJob(job: Job, token?: string): Promise<unknown> {
  const target = (job.data as { database?: unknown; databaseName?: unknown }).database;
  if (typeof target === "string" && target !== database.id) {
    if (!refused.has(job.id!)) {
      // Logged once per job (the set is emptied now and then: a bounded memory of what was said).
      if (refused.size > 10_000) refused.clear();
      refused.add(job.id!);
      logger.error(
        {
          job: job.id,
          name: job.name,
          jobDatabase: `${String((job.data as { databaseName?: unknown }).databaseName)} (${target})`,
          workerDatabase: `${database.name} (${database.id})`,
          queuePrefix: env.QUEUE_PREFIX,
        },
        "refused a job queued for another database: left in the queue for a worker of that database (give each database its own QUEUE_PREFIX)",
      );
    }
    await job.moveToDelayed(Date.now() + REFUSED_DELAY_MS, token);
    throw new DelayedError();
  }
  const progress = queueProgress(job);
  try {
    return await runJob(job, progress.report);
  } catch (error) {
    if (error instanceof JobNotRunError) {
      logger.info({ job: job.id, name: job.name, reason: error.message }, "job not run");
      return { notRun: error.reason, status: error.status };
    }
    // The job's row already says what happens next (queued again under a new job id, or FAILED): this queue job
    // ends here.
    throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
  } finally {
    await progress.flush();
  }
}

const connection = createRedis();
const worker = new Worker(QUEUE_NAME, processJob, {
  connection,
  prefix: env.QUEUE_PREFIX,
  concurrency: env.WORKER_CONCURRENCY,
  // The name is stored on every job it processes: which machine and process did the work.
  name: `${os.hostname()}:${process.pid}`,
});

started = true;
worker.on("ready", () =>
  logger.info(
    { queue: QUEUE_NAME, prefix: env.QUEUE_PREFIX, database: database.name, owner: leaseOwner() },
    "worker ready",
  ),
);
worker.on("completed", (job) => logger.info({ job: job.id, name: job.name }, "job completed"));
worker.on("failed", (job, error) => logger.error({ job: job?.id, name: job?.name, err: error.message }, "job failed"));
worker.on("stalled", (jobId) => logger.warn({ job: jobId }, "job stalled: the queue hands it out again"));
worker.on("error", (error) => logger.error({ err: error.message }, "worker error"));

let reconciling: Promise<void> | null = null;
function reconcile(reason: string): Promise<void> {
  reconciling ??= (async () => {
    try {
      await registerSchedules();
      await reconcileJobs();
      logger.debug({ reason }, "reconcile pass done");
    } catch (error) {
      logger.warn({ reason, err: (error as Error).message }, "reconcile pass incomplete: tried again later");
    }
  })().finally(() => {
    reconciling = null;
  });
  return reconciling;
}

let connections = 0;
connection.on("ready", () => {
  if (connections++ > 0 && !closing) {
    logger.warn("Redis connection back: registering the schedules again and queuing unfinished work");
    void reconcile("redis reconnected");
  }
});
const reconcileTimer = setInterval(() => void reconcile("timer"), env.JOB_RECONCILE_SECONDS * 1000);
void reconcile("start");
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
process.on("SIGINT", () => void shutdown("SIGINT", 0));

async function shutdown(signal: string, code: number): Promise<void> {
  if (closing) return;
  closing = true;
  // An exception before the worker existed: nothing runs yet.
  if (!started) process.exit(code);
  clearInterval(reconcileTimer);
  const graceMs = env.WORKER_SHUTDOWN_GRACE_SECONDS * 1000;
  logger.info({ signal, running: activeLeaseCount(), graceSeconds: graceMs / 1000 }, "worker stopping: no new jobs");
  const closed = worker.close().then(
    () => true,
    (error: Error) => {
      logger.warn({ err: error.message }, "worker close failed");
      return true;
    },
  );
  const inTime = await Promise.race([closed, new Promise<boolean>((r) => setTimeout(() => r(false), graceMs))]);
  if (!inTime || activeLeaseCount() > 0) {
    const handed = await stopActiveLeases(
      `handed back by ${leaseOwner()} when it stopped (${signal}) after its grace period of ${graceMs / 1000} s`,
    );
    logger.warn({ jobs: handed.map((r) => `${r.table} ${r.id}`) }, "grace period over: running jobs handed back");
  }
  await closeQueue();
  connection.disconnect();
  logger.info({ signal }, "worker stopped");
  process.exit(code);
}
