import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/env";

// BullMQ requires maxRetriesPerRequest: null on connections used by workers and blocking commands.
export function createRedis(): Redis {
  return new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
}

const globalForRedis = globalThis as unknown as { redis?: Redis };
export const redis = globalForRedis.redis ?? createRedis();
globalForRedis.redis = redis;
