import { describe, expect, it } from "vitest";
import { observedExpected } from "@/lib/kpis/observed-expected";

describe("observed / expected", () => {
  it("gives O/E with Byar's 95 % interval", () => {
    // O = 20, E = 16: O/E = 1.25. Lower: 20·(1 − 1/180 − 1.96/(3·√20))³ = 20·(0.994444 − 0.146098)³
    //   = 20·0.848346³ = 20·0.610552 = 12.2110 → 0.76319. Upper: 21·(1 − 1/189 + 1.96/(3·√21))³
    //   = 21·(0.994709 + 0.142566)³ = 21·1.137275³ = 21·1.470941 = 30.8898 → 1.93061.
    const r = observedExpected(20, 16, 200);
    expect(r.ratio).toBeCloseTo(1.25, 12);
    expect(r.lower!).toBeCloseTo(0.7632, 3);
    expect(r.upper!).toBeCloseTo(1.9306, 3);
  });

  it("bounds O = 0 exactly, and has no ratio without an expected count", () => {
    const zero = observedExpected(0, 2, 50);
    expect(zero).toMatchObject({ ratio: 0, lower: 0 });
    expect(zero.upper!).toBeCloseTo(3.68888 / 2, 4);
    expect(observedExpected(3, 0, 40)).toMatchObject({ ratio: null, lower: null, upper: null });
  });
});
