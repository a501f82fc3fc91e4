import { describe, expect, it } from "vitest";
import { nextStep } from "@/lib/dashboard/next-step";

const rate = (direction: "higher" | "lower") => ({ direction, unit: "share" as const, kind: "ratio" as const });

describe("what would lift an indicator below its threshold", () => {
  it("counts the declarations for a higher-is-better rate", () => {
    // Same-day 46 of 120 (38.3 %), threshold 45 %: ⌈0.45·120⌉ = 54 needed, 8 more; 54/120 = 45 %.
    expect(nextStep(rate("higher"), { value: 46 / 120, numerator: 46, denominator: 120 }, 0.45)).toEqual({
      kind: "count",
      more: true,
      count: 8,
      n: 120,
      rateAtThreshold: 0.45,
    });
  });

  it("counts the declarations for a lower-is-better rate", () => {
    // Late 9 of 80 (11.25 %), threshold 5 %: at most ⌊0.05·80⌋ = 4 may be late, so 5 fewer; 4/80 = 5 %.
    expect(nextStep(rate("lower"), { value: 9 / 80, numerator: 9, denominator: 80 }, 0.05)).toEqual({
      kind: "count",
      more: false,
      count: 5,
      n: 80,
      rateAtThreshold: 0.05,
    });
    // 7 of 90 against 7.5 %: ⌊6.75⌋ = 6, one fewer, 6.67 %.
    const step = nextStep(rate("lower"), { value: 7 / 90, numerator: 7, denominator: 90 }, 0.075);
    expect(step).toMatchObject({ count: 1, n: 90 });
  });

  it("gives the distance for durations and amounts, and nothing when the threshold is met", () => {
    const hours = { direction: "lower" as const, unit: "hours" as const, kind: "percentile" as const };
    expect(nextStep(hours, { value: 30, numerator: null, denominator: 50 }, 24)).toEqual({ kind: "distance", by: 6 });
    expect(nextStep(rate("higher"), { value: 0.5, numerator: 50, denominator: 100 }, 0.45)).toBeNull();
    expect(nextStep(rate("higher"), { value: null, numerator: 0, denominator: 0 }, 0.45)).toBeNull();
  });
});
