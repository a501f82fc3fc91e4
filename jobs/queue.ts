// Producer side: validate the payload, then enqueue with a deterministic jobId so a double submit is one job.
import "server-only";
import { Queue } from "bullmq";
import { env } from "@/lib/env";
import { createRedis } from "@/lib/redis";
import { DEFAULT_JOB_OPTIONS, QUEUE_NAME } from "@/jobs/constants";
import type { z } from "zod";
import { jobDefinitions, type JobDefinition, type JobPayload } from "@/jobs/definitions";
import type { JobName } from "@/jobs/constants";

const globalForQueue = globalThis as unknown as { pmcQueue?: Queue };

export function getQueue(): Queue {
  globalForQueue.pmcQueue ??= new Queue(QUEUE_NAME, {
    connection: createRedis(),
    prefix: env.QUEUE_PREFIX,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  return globalForQueue.pmcQueue;
}

// jobIdSuffix distinguishes requests with the same payload made for different reasons (two imports touching the
// same cells must both be computed, while the same import queuing twice must not).
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, jobIdSuffix?: string): Promise<string> {
  const definition = jobDefinitions[name] as JobDefinition<z.ZodType>;
  const data = definition.schema.parse(payload);
  const jobId = jobIdSuffix ? `${definition.jobId(data)}-${jobIdSuffix}` : definition.jobId(data);
  const job = await getQueue().add(name, data, { jobId });
  return job.id!;
}

export async function closeQueue(): Promise<void> {
  await globalForQueue.pmcQueue?.close();
  globalForQueue.pmcQueue = undefined;
}
