// Producer side: validate the payload, then enqueue with a deterministic jobId so a double submit is one job.
import "server-only";
import { Queue } from "bullmq";
import { env } from "@/lib/env";
import { createRedis } from "@/lib/redis";
import { DEFAULT_JOB_OPTIONS, QUEUE_NAME } from "@/jobs/constants";
import { jobDefinitions, type JobPayload } from "@/jobs/definitions";
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

export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<string> {
  const definition = jobDefinitions[name];
  const data = definition.schema.parse(payload);
  const job = await getQueue().add(name, data, { jobId: definition.jobId(data as never) });
  return job.id!;
}

export async function closeQueue(): Promise<void> {
  await globalForQueue.pmcQueue?.close();
  globalForQueue.pmcQueue = undefined;
}
