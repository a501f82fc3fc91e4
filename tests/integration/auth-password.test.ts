import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing (argon2id)", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "correct horse batterY")).toBe(false);
  });

  it("salts every hash, so one password never gives the same stored value twice", async () => {
    const [first, second] = await Promise.all([hashPassword("same-password-1"), hashPassword("same-password-1")]);
    expect(first).not.toBe(second);
  });

  it("treats a malformed stored hash as a failed check rather than an error", async () => {
    expect(await verifyPassword("not-a-hash", "whatever-password")).toBe(false);
  });
});
