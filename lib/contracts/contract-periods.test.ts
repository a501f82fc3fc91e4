import { describe, expect, it } from "vitest";
import {
  clipPeriod,
  contractMonths,
  contractQuarters,
  periodEnd,
  periodSoFar,
  periodsOverlap,
  quarterOf,
} from "@/lib/contracts/contract-periods";

const contract = { from: "2025-03-01", to: "2025-08-31" };

describe("contract calendar", () => {
  it("covers the period so far, or nothing before it starts", () => {
    expect(periodSoFar(contract, "2025-05-10")).toEqual({ from: "2025-03-01", to: "2025-05-10" });
    expect(periodSoFar(contract, "2026-11-26")).toEqual(contract);
    expect(periodSoFar(contract, "2025-02-28")).toBeNull();
  });

  it("lists the started months, clipped to the contract", () => {
    expect(contractMonths({ from: "2025-03-15", to: "2025-05-10" }, "2025-04-02")).toEqual([
      { month: "2025-03", period: { from: "2025-03-15", to: "2025-03-31" } },
      { month: "2025-04", period: { from: "2025-04-01", to: "2025-04-30" } },
    ]);
    expect(contractMonths(contract, "2030-01-01")).toHaveLength(6);
  });

  it("evaluates a March–August contract on three clipped quarters, each once over", () => {
    expect(contractQuarters(contract, "2025-07-01")).toEqual([
      { quarter: "2025-Q1", period: { from: "2025-03-01", to: "2025-03-31" }, ended: true },
      { quarter: "2025-Q2", period: { from: "2025-04-01", to: "2025-06-30" }, ended: true },
      { quarter: "2025-Q3", period: { from: "2025-07-01", to: "2025-08-31" }, ended: false },
    ]);
    expect(contractQuarters(contract, "2025-06-30")[1]!.ended).toBe(false);
  });

  it("names quarters and tells overlaps", () => {
    expect(["2025-01", "2025-03", "2025-04", "2025-12"].map(quarterOf)).toEqual([
      "2025-Q1",
      "2025-Q1",
      "2025-Q2",
      "2025-Q4",
    ]);
    expect(periodsOverlap(contract, { from: "2025-08-31", to: "2025-12-31" })).toBe(true);
    expect(periodsOverlap(contract, { from: "2025-09-01", to: "2025-12-31" })).toBe(false);
    expect(clipPeriod(contract, { from: "2025-09-01", to: "2025-12-31" })).toBeNull();
  });
});

describe("template periods", () => {
  it("ends the day before the same day that many months later", () => {
    expect(periodEnd("2025-03-01", 6)).toBe("2025-08-31");
    expect(periodEnd("2025-09-01", 6)).toBe("2026-02-28");
    expect(periodEnd("2024-09-01", 6)).toBe("2025-02-28");
    expect(periodEnd("2025-01-15", 1)).toBe("2025-02-14");
    expect(periodEnd("", 6)).toBe("");
  });
});
