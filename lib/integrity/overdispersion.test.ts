// Overdispersion worked by hand on five officers of one office, p0 = 0.1, each n = 100: s = √(0.1 × 0.9 / 100) = 0.03.
//   rates 0.04 0.07 0.10 0.16 0.25 → z = −2, −1, 0, 2, 5
//   10th percentile: (5 − 1) × 0.1 = 0.4 → −2 + 0.4 × (−1 + 2) = −1.6; 90th: 3.6 → 2 + 0.6 × (5 − 2) = 3.8
//   winsorised z = −1.6, −1, 0, 2, 3.8; squares 2.56 + 1 + 0 + 4 + 14.44 = 22; φ = 22 / 5 = 4.4
//   w = 1/0.0009 = 1111.1 each: Σw = 5555.6, Σw²/Σw = 1111.1; τ² = (5 × 4.4 − 4) / 4444.4 = 18 / 4444.4 = 0.00405
//   2σ limits at n = 100: binomial 0.1 ± 0.06; multiplicative 0.1 ± 2 √4.4 × 0.03 = ± 0.125857;
//   additive 0.1 ± 2 √(0.0009 + 0.00405) = ± 0.140712 (lower clipped at 0)
import { describe, expect, it } from "vitest";
import {
  additiveLimits,
  beyondAdditive,
  estimateOverdispersion,
  multiplicativeLimits,
  percentile,
  winsorise,
} from "@/lib/integrity/overdispersion";
import { controlLimits } from "@/lib/integrity/control-limits";

const OFFICERS = [0.04, 0.07, 0.1, 0.16, 0.25].map((p) => ({ p, n: 100 }));

describe("overdispersion of an office", () => {
  it("winsorises at the 10th and 90th continuous percentiles", () => {
    expect(percentile([-2, -1, 0, 2, 5], 0.1)).toBeCloseTo(-1.6, 12);
    expect(percentile([-2, -1, 0, 2, 5], 0.9)).toBeCloseTo(3.8, 12);
    const w = winsorise([5, -2, 0, 2, -1]);
    expect(w.map((v) => +v.toFixed(12))).toEqual([3.8, -1.6, 0, 2, -1]);
  });

  it("estimates φ = 4.4 and τ² = 0.00405", () => {
    const od = estimateOverdispersion(OFFICERS, 0.1)!;
    expect(od.officers).toBe(5);
    expect(od.phi).toBeCloseTo(4.4, 10);
    expect(od.tau2).toBeCloseTo(0.00405, 10);
    expect(od.tau).toBeCloseTo(Math.sqrt(0.00405), 10);
  });

  it("draws the limits that include it beside the binomial ones", () => {
    const binomial = controlLimits(0.1, 100, 2)!;
    expect(binomial.upper).toBeCloseTo(0.16, 12);
    const multiplicative = multiplicativeLimits(0.1, 100, 2, 4.4);
    expect(multiplicative.upper).toBeCloseTo(0.1 + 0.125857, 6);
    expect(multiplicative.lower).toBe(0);
    const additive = additiveLimits(0.1, 100, 2, 0.00405);
    expect(additive.upper).toBeCloseTo(0.1 + 0.140712, 6);
    expect(additive.lower).toBe(0);
    // The officer at 0.25 is beyond binomial 3σ (0.19) but inside the additive 3σ (0.1 + 3 × 0.070356 = 0.311).
    expect(0.25).toBeGreaterThan(controlLimits(0.1, 100, 3)!.upper);
    expect(beyondAdditive(0.25, 0.1, 100, 3, 0.00405, "lower")).toBe(false);
    expect(beyondAdditive(0.35, 0.1, 100, 3, 0.00405, "lower")).toBe(true);
  });

  it("adds nothing when the officers scatter no more than chance (I·φ ≤ I − 1)", () => {
    // z = −0.5, 0, 0.5, winsorised −0.4, 0, 0.4: φ = 0.32 / 3, and 3φ = 0.32 < 2 = I − 1.
    const od = estimateOverdispersion(
      [0.085, 0.1, 0.115].map((p) => ({ p, n: 100 })),
      0.1,
    )!;
    expect(od.tau2).toBe(0);
    expect(multiplicativeLimits(0.1, 100, 2, od.phi).upper).toBeCloseTo(0.16, 12);
  });

  it("has nothing to estimate at p0 = 0 or 1, or with one officer", () => {
    expect(estimateOverdispersion(OFFICERS, 0)).toBeNull();
    expect(estimateOverdispersion(OFFICERS, 1)).toBeNull();
    expect(estimateOverdispersion([{ p: 0.2, n: 100 }], 0.1)).toBeNull();
  });
});
