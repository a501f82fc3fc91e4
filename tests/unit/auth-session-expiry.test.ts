import { describe, expect, it } from "vitest";
import { sessionHasExpired } from "@/lib/auth/session-expiry";

describe("sessionHasExpired (absolute limit from sign-in)", () => {
  const eightHours = 8 * 3600;
  const signedInAt = 1_700_000_000;

  it("keeps a session younger than the limit", () => {
    expect(sessionHasExpired(signedInAt, signedInAt + eightHours - 1, eightHours)).toBe(false);
  });

  it("ends it once the limit is reached, however active the user was", () => {
    expect(sessionHasExpired(signedInAt, signedInAt + eightHours, eightHours)).toBe(true);
  });

  it("treats a token without a sign-in time as expired", () => {
    expect(sessionHasExpired(undefined, signedInAt, eightHours)).toBe(true);
  });
});
