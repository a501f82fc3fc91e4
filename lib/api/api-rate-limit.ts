// Calls per token and minute, counted in Redis so that every web process shares the budget.
import "server-only";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";

const limiters = new Map<number, RateLimiterRedis>();

function limiterFor(perMinute: number): RateLimiterRedis {
  let limiter = limiters.get(perMinute);
  if (!limiter) {
    limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${env.QUEUE_PREFIX}:api-calls:${perMinute}`,
      points: perMinute,
      duration: 60,
    });
    limiters.set(perMinute, limiter);
  }
  return limiter;
}

export type RateLimitState = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export async function consumeApiCall(tokenId: string, perMinute: number): Promise<RateLimitState> {
  try {
    const res = await limiterFor(perMinute).consume(tokenId);
    return {
      allowed: true,
      limit: perMinute,
      remaining: res.remainingPoints,
      resetSeconds: Math.ceil(res.msBeforeNext / 1000),
    };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return {
      allowed: false,
      limit: perMinute,
      remaining: 0,
      resetSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
    };
  }
}
