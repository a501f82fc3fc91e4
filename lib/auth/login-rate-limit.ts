// Failed-login budget per email and per IP address, kept in Redis so every web process shares it
// (docs/decisions/011-login-rate-limit.md). Only failures are counted; a successful login clears the email's count.
import "server-only";
import { RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";

// QUEUE_PREFIX already separates test runs and the demo on one Redis; the login counters follow it.
const keyPrefix = (kind: string) => `${env.QUEUE_PREFIX}:login-fail:${kind}`;

const byEmail = new RateLimiterRedis({
  storeClient: redis,
  keyPrefix: keyPrefix("email"),
  points: env.LOGIN_MAX_ATTEMPTS,
  duration: env.LOGIN_WINDOW_SECONDS,
});

const byIp = new RateLimiterRedis({
  storeClient: redis,
  keyPrefix: keyPrefix("ip"),
  points: env.LOGIN_MAX_ATTEMPTS_PER_IP,
  duration: env.LOGIN_WINDOW_SECONDS,
});

export type LoginAttemptKey = { email: string; ip: string };

const emailKey = (email: string) => email.trim().toLowerCase();

function secondsUntilReset(res: RateLimiterRes | null, budget: number): number {
  if (!res || res.consumedPoints < budget) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

// 0 when a new attempt may be tried; otherwise how long until the window that blocked it ends.
export async function loginBlockedForSeconds(key: LoginAttemptKey): Promise<number> {
  const [emailState, ipState] = await Promise.all([byEmail.get(emailKey(key.email)), byIp.get(key.ip)]);
  return Math.max(
    secondsUntilReset(emailState, env.LOGIN_MAX_ATTEMPTS),
    secondsUntilReset(ipState, env.LOGIN_MAX_ATTEMPTS_PER_IP),
  );
}

export async function recordLoginFailure(key: LoginAttemptKey): Promise<void> {
  // penalty() counts without rejecting when the budget is already spent (consume() would throw).
  await Promise.all([byEmail.penalty(emailKey(key.email)), byIp.penalty(key.ip)]);
}

export async function clearLoginFailures(email: string): Promise<void> {
  await byEmail.delete(emailKey(email));
}
