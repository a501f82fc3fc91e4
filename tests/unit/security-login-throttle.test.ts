// Progressive slow-down of failed sign-ins, worked by hand: free failures, then 2, 4, 8 … seconds up to the ceiling.
import { describe, expect, it } from "vitest";
import { delayAfterFailures, secondsToWait } from "@/lib/auth/login-throttle-policy";

const rule = { freeFailures: 5, maxDelaySeconds: 60 };

describe("delayAfterFailures", () => {
  it("lets the free failures through without delay", () => {
    expect([0, 1, 4].map((n) => delayAfterFailures(n, rule))).toEqual([0, 0, 0]);
  });

  it("doubles the delay after each further failure, up to the ceiling", () => {
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => delayAfterFailures(n, rule))).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

describe("secondsToWait", () => {
  const last = 1_000_000;

  it("is 0 without failures or once the delay has run", () => {
    expect(secondsToWait(null, rule, last)).toBe(0);
    expect(secondsToWait({ failures: 7, lastFailureMs: last }, rule, last + 8_000)).toBe(0);
  });

  it("counts the rest of the delay from the last failure, rounded up", () => {
    expect(secondsToWait({ failures: 7, lastFailureMs: last }, rule, last + 2_500)).toBe(6);
  });

  it("never makes the account's owner wait longer than the ceiling, however many failures", () => {
    expect(secondsToWait({ failures: 10_000, lastFailureMs: last }, rule, last)).toBe(60);
  });
});
