import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { pseudonym, pseudonymizer, PseudonymPurpose } from "@/lib/privacy/pseudonyms";

const KEY = Buffer.from("0123456789abcdef0123456789abcdef");

describe("keyed pseudonyms", () => {
  it("is the HMAC-SHA-256 of purpose, kind and identifier, cut to 16 hex digits after the kind's letter", () => {
    const expected = crypto.createHmac("sha256", KEY).update("partner-a\u0000broker\u0000BR01").digest("hex");
    expect(pseudonym(KEY, "partner-a", "broker", "BR01")).toBe(`B${expected.slice(0, 16)}`);
    expect(pseudonym(KEY, "partner-a", "broker", "BR01")).toHaveLength(17);
  });

  it("is stable within a purpose, different across purposes, kinds and keys", () => {
    const a = pseudonym(KEY, "partner-a", "officer", "OF001");
    expect(pseudonym(KEY, "partner-a", "officer", "OF001")).toBe(a);
    expect(pseudonym(KEY, "partner-b", "officer", "OF001")).not.toBe(a);
    expect(pseudonym(KEY, "partner-a", "importer", "OF001").slice(1)).not.toBe(a.slice(1));
    expect(pseudonym(Buffer.from("another key, also 32 characters!"), "partner-a", "officer", "OF001")).not.toBe(a);
    expect(a).not.toContain("OF001");
  });

  it("leaves identifiers alone without a purpose and refuses a purpose without a key", () => {
    expect(pseudonymizer(null, null)("broker", "BR01")).toBe("BR01");
    expect(pseudonymizer(KEY, "p")("broker", null)).toBeNull();
    expect(() => pseudonymizer(null, "p")).toThrow(/no pseudonym key/);
    expect(PseudonymPurpose.safeParse("Risk Engine").success).toBe(false);
    expect(PseudonymPurpose.safeParse("risk-engine.2026").success).toBe(true);
  });
});
