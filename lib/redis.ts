import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/env";

// BullMQ requires maxRetriesPerRequest: null on connections used by workers and blocking commands.
export function createRedis(): Redis {
  return new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
}

// Shared connection for simple commands (login throttling). Lazy: it connects on its first command, so scripts
// that import this module without using it are not kept alive by an idle connection.
const globalForRedis = globalThis as unknown as { redis?: Redis };
export const redis =
  globalForRedis.redis ?? new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
globalForRedis.redis = redis;
