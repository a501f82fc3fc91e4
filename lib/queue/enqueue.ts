// Producer side: validate the payload, then enqueue with a deterministic jobId so a double submit is one job.
import "server-only";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { z } from "zod";
import { env } from "@/lib/env";
import { createRedis } from "@/lib/redis";
import { DEFAULT_JOB_OPTIONS, QUEUE_NAME, type JobName } from "@/lib/queue/job-names";
import { jobContracts, type JobContract, type JobPayload } from "@/lib/queue/job-payloads";

const globalForQueue = globalThis as unknown as { pmcQueue?: Queue; pmcQueueConnection?: Redis };

export function getQueue(): Queue {
  if (!globalForQueue.pmcQueue) {
    globalForQueue.pmcQueueConnection = createRedis();
    globalForQueue.pmcQueue = new Queue(QUEUE_NAME, {
      connection: globalForQueue.pmcQueueConnection,
      prefix: env.QUEUE_PREFIX,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
  }
  return globalForQueue.pmcQueue;
}

// jobIdSuffix distinguishes requests with the same payload made for different reasons (two imports touching the
// same cells must both be computed, while the same import queuing twice must not).
export async function enqueue<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  jobIdSuffix?: string,
): Promise<string> {
  const contract = jobContracts[name] as JobContract<z.ZodType>;
  const data = contract.schema.parse(payload);
  const jobId = jobIdSuffix ? `${contract.jobId(data)}-${jobIdSuffix}` : contract.jobId(data);
  const job = await getQueue().add(name, data, { jobId });
  return job.id!;
}

// BullMQ leaves a connection it was given open: close ours too, or a script never exits.
export async function closeQueue(): Promise<void> {
  await globalForQueue.pmcQueue?.close();
  await globalForQueue.pmcQueueConnection?.quit();
  globalForQueue.pmcQueue = undefined;
  globalForQueue.pmcQueueConnection = undefined;
}
