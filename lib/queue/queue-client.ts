// The connection to the queue, shared by producers (portal, CLI) and the worker's reconcile pass. Adding a job is
// best effort: its state is already in PostgreSQL, so when Redis cannot be reached the job waits there and the
// workers' reconcile pass queues it once Redis answers (lib/queue/reconcile-jobs.ts).
import "server-only";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import { createRedis } from "@/lib/redis";
import { logger } from "@/lib/logger";
import { DEFAULT_JOB_OPTIONS, QUEUE_NAME, type JobName } from "@/lib/queue/job-names";
import { databaseIdentity } from "@/lib/queue/database-identity";

// How long a producer waits for Redis before leaving the job to the reconcile pass.
const QUEUE_TIMEOUT_MS = 5_000;

const globalForQueue = globalThis as unknown as { pmcQueue?: Queue; pmcQueueConnection?: Redis };

export function getQueue(): Queue {
  if (!globalForQueue.pmcQueue) {
    globalForQueue.pmcQueueConnection = createRedis();
    const queue = new Queue(QUEUE_NAME, {
      connection: globalForQueue.pmcQueueConnection,
      prefix: env.QUEUE_PREFIX,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    // Without a listener, a connection error would be thrown as an uncaught 'error' event and end the process.
    queue.on("error", (error) => logger.warn({ err: error.message }, "queue connection error"));
    globalForQueue.pmcQueue = queue;
  }
  return globalForQueue.pmcQueue;
}

// BullMQ leaves a connection it was given open: close ours too, or a script never exits.
export async function closeQueue(): Promise<void> {
  const queue = globalForQueue.pmcQueue;
  const connection = globalForQueue.pmcQueueConnection;
  globalForQueue.pmcQueue = undefined;
  globalForQueue.pmcQueueConnection = undefined;
  await withTimeout(queue?.close() ?? Promise.resolve(), QUEUE_TIMEOUT_MS).catch(() => undefined);
  connection?.disconnect();
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Adds one job under `jobId` (a job id already taken is left alone), with the identity of this process's database.
// Resolves false instead of throwing when Redis cannot be reached.
export async function addToQueue(
  name: JobName,
  data: Record<string, unknown>,
  jobId: string,
  options: { delayMs?: number } = {},
): Promise<boolean> {
  const database = await databaseIdentity();
  try {
    await withTimeout(
      getQueue().add(
        name,
        { ...data, database: database.id, databaseName: database.name },
        { jobId, delay: options.delayMs },
      ),
      QUEUE_TIMEOUT_MS,
    );
    return true;
  } catch (error) {
    logger.warn(
      { jobId, name, err: (error as Error).message },
      "could not reach the queue: the job waits in the database until a worker's reconcile pass queues it",
    );
    return false;
  }
}
