// Failed sign-ins counted in Redis, so every web process shares them (docs/decisions/029-sign-in-throttling.md):
// per account and address together, per address over all accounts, and per account over all addresses. The address
// is the real peer (lib/auth/client-address.ts), so a forged header neither dodges the per-address counter nor
// spreads one guesser over many. A counter expires LOGIN_WINDOW_SECONDS after its last failure.
import "server-only";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { secondsToWait, type ThrottleRule, type ThrottleState } from "@/lib/auth/login-throttle-policy";

export type LoginAttemptKey = { email: string; ip: string };

// QUEUE_PREFIX already separates test runs and the demo on one Redis; the counters follow it.
const prefix = () => `${env.QUEUE_PREFIX}:login-fail`;
const normalEmail = (email: string) => email.trim().toLowerCase();

type Counter = { key: string; rule: ThrottleRule };

function counters(attempt: LoginAttemptKey): Counter[] {
  const email = normalEmail(attempt.email);
  return [
    {
      key: `${prefix()}:pair:${email}|${attempt.ip}`,
      rule: { freeFailures: env.LOGIN_MAX_ATTEMPTS, maxDelaySeconds: env.LOGIN_WINDOW_SECONDS },
    },
    {
      key: `${prefix()}:ip:${attempt.ip}`,
      rule: { freeFailures: env.LOGIN_MAX_ATTEMPTS_PER_IP, maxDelaySeconds: env.LOGIN_WINDOW_SECONDS },
    },
    {
      key: `${prefix()}:account:${email}`,
      rule: { freeFailures: env.LOGIN_MAX_ATTEMPTS * 4, maxDelaySeconds: env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS },
    },
  ];
}

function stateOf(values: (string | null)[]): ThrottleState | null {
  const [failures, last] = values;
  return failures && last ? { failures: Number(failures), lastFailureMs: Number(last) } : null;
}

// 0 when a new attempt may be tried; otherwise how long to wait.
export async function loginBlockedForSeconds(attempt: LoginAttemptKey): Promise<number> {
  const list = counters(attempt);
  const pipeline = redis.pipeline();
  for (const { key } of list) pipeline.hmget(key, "n", "last");
  const results = (await pipeline.exec()) ?? [];
  const now = Date.now();
  return Math.max(
    0,
    ...list.map(({ rule }, i) => secondsToWait(stateOf((results[i]?.[1] as (string | null)[]) ?? []), rule, now)),
  );
}

export async function recordLoginFailure(attempt: LoginAttemptKey): Promise<void> {
  const now = String(Date.now());
  const multi = redis.multi();
  for (const { key } of counters(attempt)) {
    multi.hincrby(key, "n", 1).hset(key, "last", now).expire(key, env.LOGIN_WINDOW_SECONDS);
  }
  await multi.exec();
}

// After a successful sign-in: that account's own counters start again (not the address's, which other accounts
// share).
export async function clearLoginFailures(attempt: LoginAttemptKey): Promise<void> {
  const [pair, , account] = counters(attempt);
  await redis.del(pair!.key, account!.key);
}

// An administrator lifts an account's slow-down: its own counter and those of every address it failed from.
export async function clearAccountFailures(email: string): Promise<number> {
  const keys = [`${prefix()}:account:${normalEmail(email)}`];
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${prefix()}:pair:${normalEmail(email)}|*`, "COUNT", 500);
    keys.push(...found);
    cursor = next;
  } while (cursor !== "0");
  return redis.del(...keys);
}

// How many failures an account has now, all addresses together (admin page).
export async function accountFailures(email: string): Promise<number> {
  return Number((await redis.hget(`${prefix()}:account:${normalEmail(email)}`, "n")) ?? 0);
}
