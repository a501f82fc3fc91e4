// Expected values worked by hand: p0 = 0.1, n = 100 → σ = sqrt(0.09 / 100) = 0.03.
import { describe, expect, it } from "vitest";
import { controlLimits, funnelBand, funnelCurve } from "@/lib/integrity/control-limits";

describe("funnel plot control limits", () => {
  it("p0 ± k·σ: 0.1 ± 0.06 at 2σ and 0.1 ± 0.09 at 3σ for n = 100", () => {
    expect(controlLimits(0.1, 100, 2)!.lower).toBeCloseTo(0.04, 12);
    expect(controlLimits(0.1, 100, 2)!.upper).toBeCloseTo(0.16, 12);
    expect(controlLimits(0.1, 100, 3)!.lower).toBeCloseTo(0.01, 12);
    expect(controlLimits(0.1, 100, 3)!.upper).toBeCloseTo(0.19, 12);
  });

  it("clips to [0, 1]: p0 = 0.5, n = 4 → σ = 0.25, 3σ = 0.75", () => {
    expect(controlLimits(0.5, 4, 3)).toEqual({ lower: 0, upper: 1 });
    // p0 = 0.5, n = 25: σ = 0.1 → 2σ limits 0.3 and 0.7
    expect(controlLimits(0.5, 25, 2)!.lower).toBeCloseTo(0.3, 12);
    expect(controlLimits(0.5, 25, 2)!.upper).toBeCloseTo(0.7, 12);
  });

  it("has no limits without a denominator or with p0 outside [0, 1]", () => {
    expect(controlLimits(0.1, 0, 2)).toBeNull();
    expect(controlLimits(1.2, 10, 2)).toBeNull();
    expect(controlLimits(0, 10, 3)).toEqual({ lower: 0, upper: 0 });
  });

  it("samples the curves from nMin to nMax, narrowing as n grows", () => {
    const curve = funnelCurve(0.1, 10, 1000, 4);
    // 10 × 100^(i/4): 10, 31.6 → 32, 100, 316.2 → 316, 1000
    expect(curve.map((p) => p.n)).toEqual([10, 32, 100, 316, 1000]);
    expect(curve[2]).toMatchObject({ n: 100 });
    expect(curve[2]!.upper3).toBeCloseTo(0.19, 12);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.upper3).toBeLessThan(curve[i - 1]!.upper3);
  });

  it("places a rate against the limits on the side that matters", () => {
    // p0 = 0.1, n = 100: 2σ limits 0.04 / 0.16, 3σ limits 0.01 / 0.19
    expect(funnelBand(0.15, 0.1, 100)).toBe("inside");
    expect(funnelBand(0.17, 0.1, 100)).toBe("warning");
    expect(funnelBand(0.2, 0.1, 100)).toBe("alarm");
    expect(funnelBand(0.005, 0.1, 100)).toBe("better");
    expect(funnelBand(0.05, 0.1, 100)).toBe("inside");
    // Higher is better (P11): a low rate is the worse side.
    expect(funnelBand(0.005, 0.1, 100, "higher")).toBe("alarm");
    expect(funnelBand(0.03, 0.1, 100, "higher")).toBe("warning");
    expect(funnelBand(0.2, 0.1, 100, "higher")).toBe("better");
  });
});
