// Expected values computed independently: binomial tails and log-gamma with exact rational arithmetic or
// well-known closed forms (worked in the comments), Benford shares from log10.
import { describe, expect, it } from "vitest";
import {
  benfordMad,
  binomialUpperTail,
  logGamma,
  median,
  medianAbsoluteDeviation,
  modifiedZ,
  rateZ,
} from "@/lib/integrity/statistics";

describe("statistics of the detection methods", () => {
  it("rateZ: (0.2 − 0.1) / sqrt(0.1 × 0.9 / 100) = 0.1 / 0.03 = 3.333…", () => {
    expect(rateZ(0.2, 0.1, 100)).toBeCloseTo(10 / 3, 12);
    expect(rateZ(0.2, 0, 100)).toBeNull();
    expect(rateZ(0.2, 1, 100)).toBeNull();
  });

  it("median and MAD follow percentile_cont (even counts average the middle pair)", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    // |1−2.5|, |2−2.5|, |3−2.5|, |4−2.5| = 1.5, 0.5, 0.5, 1.5 → median 1
    expect(medianAbsoluteDeviation([1, 2, 3, 4], 2.5)).toBe(1);
    expect(median([])).toBeNull();
  });

  it("modifiedZ: 0.6745 × (10 − 4) / 1.5 = 2.698", () => {
    expect(modifiedZ(10, 4, 1.5)).toBeCloseTo(2.698, 12);
    expect(modifiedZ(10, 4, 0)).toBeNull();
  });

  it("benfordMad is 0 for counts in Benford's proportions and 0.1383 for all ones", () => {
    const benford = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => Math.round(Math.log10(1 + 1 / d) * 1e9));
    expect(benfordMad(benford)).toBeLessThan(1e-9);
    // All first digits 1: |1 − 0.30103| + Σ_{d≥2} log10(1+1/d) = 0.69897 + 0.69897 = 1.39794 → / 9 = 0.155327
    const ones = [100, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(benfordMad(ones)).toBeCloseTo((2 * (1 - Math.log10(2))) / 9, 12);
  });

  it("logGamma matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 11);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 8);
  });

  it("binomialUpperTail matches exact sums", () => {
    // Bin(10, 0.5): P(X ≥ 8) = (45 + 10 + 1) / 1024 = 56/1024
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 13);
    // Bin(5, 0.2): P(X ≥ 3) = 10·0.008·0.64 + 5·0.0016·0.8 + 0.00032 = 0.0512 + 0.0064 + 0.00032 = 0.05792
    expect(binomialUpperTail(3, 5, 0.2)).toBeCloseTo(0.05792, 13);
    // P(X ≥ n) = pⁿ: 0.1^20 = 1e-20, far below double-precision differences from 1
    expect(binomialUpperTail(20, 20, 0.1) / 1e-20).toBeCloseTo(1, 10);
    expect(binomialUpperTail(0, 20, 0.1)).toBe(1);
    expect(binomialUpperTail(21, 20, 0.1)).toBe(0);
  });
});
