import { describe, expect, it } from "vitest";
import { proposeTerms, referencePeriod, roundForUnit, spreadOf } from "@/lib/contracts/calibration";

describe("calibration rule", () => {
  it("sets the threshold at the worse quartile and the target at the better one, by direction", () => {
    // Same-day assessment (higher is better): quartiles 0.41237 and 0.78912 → 41.2 % and 78.9 %.
    expect(proposeTerms("higher", "share", { p10: 0.2, p25: 0.41237, p50: 0.6, p75: 0.78912, p90: 0.9 })).toEqual({
      threshold: 0.412,
      target: 0.789,
      rule: "quartiles",
    });
    // Late assessment (lower is better): the threshold is the 75th percentile, the target the 25th.
    expect(proposeTerms("lower", "share", { p10: 0.01, p25: 0.02, p50: 0.05, p75: 0.0849, p90: 0.2 })).toEqual({
      threshold: 0.085,
      target: 0.02,
      rule: "quartiles",
    });
    // Median assessment time in hours, lower is better: 30.04 h → 30 h, 12.96 h → 13 h.
    expect(proposeTerms("lower", "hours", { p10: 5, p25: 12.96, p50: 20, p75: 30.04, p90: 50 })).toEqual({
      threshold: 30,
      target: 13,
      rule: "quartiles",
    });
    // Revenue per declaration, three significant digits: 7,712,345 → 7,710,000; 9,144,966 → 9,140,000.
    expect(proposeTerms("higher", "amount", { p10: 1, p25: 7_712_345, p50: 8e6, p75: 9_144_966, p90: 1e7 })).toEqual({
      threshold: 7_710_000,
      target: 9_140_000,
      rule: "quartiles",
    });
  });

  it("falls back to the deciles when the quartiles coincide, then to one step from a common value", () => {
    // Lane downgrades: most officers at 0, a few higher: p25 = p75 = 0, p90 = 0.04 → threshold 4 %, target 0 %.
    expect(proposeTerms("lower", "share", { p10: 0, p25: 0, p50: 0, p75: 0, p90: 0.04 })).toEqual({
      threshold: 0.04,
      target: 0,
      rule: "deciles",
    });
    // Everyone at 0 %: target 0 %, threshold one percentage point worse.
    expect(proposeTerms("lower", "share", { p10: 0, p25: 0, p50: 0, p75: 0, p90: 0 })).toEqual({
      threshold: 0.01,
      target: 0,
      rule: "step",
    });
    // Everyone at 100 % on a higher-is-better share: target 100 %, threshold 99 %.
    expect(proposeTerms("higher", "share", { p10: 1, p25: 1, p50: 1, p75: 1, p90: 1 })).toEqual({
      threshold: 0.99,
      target: 1,
      rule: "step",
    });
    // Everyone at 0 % on a higher-is-better share: the threshold cannot go below 0, so the target moves up.
    expect(proposeTerms("higher", "share", { p10: 0, p25: 0, p50: 0, p75: 0, p90: 0 })).toEqual({
      threshold: 0,
      target: 0.01,
      rule: "step",
    });
    // Every office at 2,000,000 of revenue: the threshold is 10 % lower.
    expect(proposeTerms("higher", "amount", { p10: 2e6, p25: 2e6, p50: 2e6, p75: 2e6, p90: 2e6 })).toEqual({
      threshold: 1_800_000,
      target: 2_000_000,
      rule: "step",
    });
  });

  it("calibrates O/E terms by the same rule over the group's O/E ratios", () => {
    // Five officers' O/E on I1 lane downgrades (lower is better): 0.6, 0.8, 1.0, 1.1, 1.5. p25 at rank 0.25·4 = 1:
    // 0.8; p75 at rank 3: 1.1 → threshold 1.10 (worse quartile), target 0.80 (better quartile).
    const spread = spreadOf([1.5, 0.6, 1.1, 0.8, 1.0])!;
    expect(spread).toMatchObject({ p25: 0.8, p50: 1, p75: 1.1, n: 5 });
    expect(proposeTerms("lower", "ratio", spread)).toEqual({ threshold: 1.1, target: 0.8, rule: "quartiles" });
    // The same ratios for P1 same-day assessment (higher is better): threshold 0.80, target 1.10.
    expect(proposeTerms("higher", "ratio", spread)).toEqual({ threshold: 0.8, target: 1.1, rule: "quartiles" });
    // Rounded to 0.01: four ratios 21/43, 35/43, 42/43, 63/43 → p25 = (21 + ¾·14)/43 = 0.7326 → 0.73,
    // p75 = (42 + ¼·21)/43 = 1.0988 → 1.10.
    expect(proposeTerms("higher", "ratio", spreadOf([21 / 43, 35 / 43, 42 / 43, 63 / 43])!)).toEqual({
      threshold: 0.73,
      target: 1.1,
      rule: "quartiles",
    });
    // Everyone as expected (O/E 1.00): target 1.00, threshold one step of 0.10 worse.
    expect(proposeTerms("lower", "ratio", spreadOf([1, 1, 1])!)).toEqual({ threshold: 1.1, target: 1, rule: "step" });
    expect(proposeTerms("higher", "ratio", spreadOf([1, 1, 1])!)).toEqual({ threshold: 0.9, target: 1, rule: "step" });
    // Everyone at O/E 0 on a higher-is-better rate: a ratio cannot go below 0, so the target moves up.
    expect(proposeTerms("higher", "ratio", spreadOf([0, 0])!)).toEqual({ threshold: 0, target: 0.1, rule: "step" });
    expect(spreadOf([])).toBeNull();
  });

  it("rounds by unit", () => {
    expect(roundForUnit("ratio", 1.0988)).toBe(1.1);
    expect(roundForUnit("share", 0.12345)).toBe(0.123);
    expect(roundForUnit("hours", 47.96)).toBe(48);
    expect(roundForUnit("amount", 123_456)).toBe(123_000);
    expect(roundForUnit("amount", -98_765)).toBe(-98_800);
    expect(roundForUnit("amount", 0)).toBe(0);
  });
});

describe("reference period", () => {
  it("is the six complete months before the contract's first month", () => {
    expect(referencePeriod("2025-07-01", "2025-12-31")).toEqual({ from: "2025-01-01", to: "2025-06-30" });
    // A contract starting mid-month: the months before its first month.
    expect(referencePeriod("2025-07-15", "2025-12-31")).toEqual({ from: "2025-01-01", to: "2025-06-30" });
  });

  it("ends with the last complete month of data when the data stops earlier", () => {
    // Data up to 2025-09-17: September is incomplete, August is the last complete month.
    expect(referencePeriod("2026-01-01", "2025-09-17")).toEqual({ from: "2025-03-01", to: "2025-08-31" });
    // Data up to the last day of September: September counts.
    expect(referencePeriod("2026-01-01", "2025-09-30")).toEqual({ from: "2025-04-01", to: "2025-09-30" });
    expect(referencePeriod("2026-01-01", null)).toBeNull();
  });
});
