// Worker process (`npm run worker`): runs every handler of jobs/handlers.ts. Holds no local state, so any
// number of workers on any number of machines can share one Redis and one PostgreSQL.
import os from "node:os";
import { Worker, UnrecoverableError } from "bullmq";
import { ZodError } from "zod";
import { env } from "@/lib/env";
import { createRedis } from "@/lib/redis";
import { logger } from "@/lib/logger";
import {
  CASE_SLA_SCHEDULE,
  JOB_NAMES,
  NIGHTLY_KPI_SCHEDULE,
  QUEUE_NAME,
  RISK_DRIFT_SCHEDULE,
} from "@/lib/queue/job-names";
import { runJob } from "@/jobs/handlers";
import { getQueue } from "@/lib/queue/enqueue";

const worker = new Worker(
  QUEUE_NAME,
  async (job) => {
    try {
      return await runJob(job, (percent) => job.updateProgress(Math.round(percent * 10) / 10));
    } catch (error) {
      // A payload that fails validation can never succeed: do not retry it.
      if (error instanceof ZodError) throw new UnrecoverableError(error.message);
      throw error;
    }
  },
  // The name is stored on every job it processes: which machine and process did the work.
  {
    connection: createRedis(),
    prefix: env.QUEUE_PREFIX,
    concurrency: env.WORKER_CONCURRENCY,
    name: `${os.hostname()}:${process.pid}`,
  },
);

worker.on("ready", () => logger.info({ queue: QUEUE_NAME }, "worker ready"));
worker.on("completed", (job) => logger.info({ job: job.id, name: job.name }, "job completed"));
worker.on("failed", (job, error) => logger.error({ job: job?.id, name: job?.name, err: error.message }, "job failed"));
worker.on("error", (error) => logger.error({ err: error.message }, "worker error"));

// Idempotent: every worker upserts the same scheduler, so there is one nightly job however many workers run.
await getQueue().upsertJobScheduler(
  NIGHTLY_KPI_SCHEDULE.id,
  { pattern: NIGHTLY_KPI_SCHEDULE.pattern },
  {
    name: JOB_NAMES.kpisRecomputeOpen,
    data: {},
  },
);
await getQueue().upsertJobScheduler(
  CASE_SLA_SCHEDULE.id,
  { pattern: CASE_SLA_SCHEDULE.pattern },
  {
    name: JOB_NAMES.integritySlaCheck,
    data: {},
  },
);
await getQueue().upsertJobScheduler(
  RISK_DRIFT_SCHEDULE.id,
  { pattern: RISK_DRIFT_SCHEDULE.pattern },
  {
    name: JOB_NAMES.riskDrift,
    data: {},
  },
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "worker closing: finishing running jobs");
  await worker.close();
  await getQueue().close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
