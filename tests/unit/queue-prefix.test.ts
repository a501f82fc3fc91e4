import { describe, expect, it } from "vitest";
import { queuePrefixFor } from "@/lib/env";

describe("queuePrefixFor", () => {
  it("is the name of the database the URL points to", () => {
    expect(queuePrefixFor("postgresql://postgres@127.0.0.1:5432/pmc")).toBe("pmc");
    expect(queuePrefixFor("postgresql://app:secret@db.example:6432/pmc_trial?sslmode=require")).toBe("pmc_trial");
  });

  it("keeps to the characters a prefix may hold, and falls back to pmc", () => {
    expect(queuePrefixFor("postgresql://127.0.0.1/customs%20data")).toBe("customs_data");
    expect(queuePrefixFor("postgresql://127.0.0.1:5432/")).toBe("pmc");
    expect(queuePrefixFor("not a url")).toBe("pmc");
  });
});
