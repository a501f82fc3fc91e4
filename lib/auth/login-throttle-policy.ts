// How long a sign-in must wait after failures (docs/decisions/029-sign-in-throttling.md). Each counter allows a few
// failures for free, then doubles the wait after each further one, up to a ceiling: a guesser is slowed down to a
// crawl while the account's owner, at worst, waits out the ceiling instead of being locked out. Pure: the clock is
// passed in.
export type ThrottleRule = { freeFailures: number; maxDelaySeconds: number };
export type ThrottleState = { failures: number; lastFailureMs: number };

export function delayAfterFailures(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  // 2 s after the last free failure, then 4, 8, 16…; capped before the power can overflow.
  const exponent = Math.min(failures - rule.freeFailures + 1, 30);
  return Math.min(2 ** exponent, rule.maxDelaySeconds);
}

// Whole seconds still to wait before the next attempt (0: go ahead).
export function secondsToWait(state: ThrottleState | null, rule: ThrottleRule, nowMs: number): number {
  if (!state) return 0;
  const until = state.lastFailureMs + delayAfterFailures(state.failures, rule) * 1000;
  return until > nowMs ? Math.ceil((until - nowMs) / 1000) : 0;
}
