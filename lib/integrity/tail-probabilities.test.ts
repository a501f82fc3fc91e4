// Expected values from the standard normal and χ² tables, closed forms worked in the comments, and for the far tail
// the asymptotic (Mills ratio) series Q(z) ≈ φ(z)/z · (1 − 1/z² + 3/z⁴ − 15/z⁶), exact to far below 1e-7 at z = 40.
import { describe, expect, it } from "vitest";
import {
  log10BinomialUpperTail,
  log10ChiSquareUpperTailEven,
  log10NormalUpperTail,
} from "@/lib/integrity/tail-probabilities";

const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);

describe("tail probabilities in logarithms", () => {
  it("normal: Q(0) = 1/2, Q(1.96) = 0.0249979, Q(3) = 0.00134990, Q(5) = 2.86652e-7, Q(10) = 7.61985e-24", () => {
    expect(10 ** log10NormalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(relative(10 ** log10NormalUpperTail(1.96), 0.0249979)).toBeLessThan(1e-5);
    expect(relative(10 ** log10NormalUpperTail(3), 0.0013499)).toBeLessThan(1e-4);
    expect(relative(10 ** log10NormalUpperTail(5), 2.86652e-7)).toBeLessThan(1e-5);
    expect(relative(10 ** log10NormalUpperTail(10), 7.61985e-24)).toBeLessThan(1e-5);
    // Below the mean: Q(−1) = 1 − Q(1) = 0.841345.
    expect(10 ** log10NormalUpperTail(-1)).toBeCloseTo(0.841345, 6);
  });

  it("normal: z = 40, far below what a double holds, still in logarithms (≈ −349.437)", () => {
    const z = 40;
    const series = 1 - 1 / z ** 2 + 3 / z ** 4 - 15 / z ** 6;
    const expected = (-(z * z) / 2 - 0.5 * Math.log(2 * Math.PI) - Math.log(z) + Math.log(series)) / Math.LN10;
    expect(log10NormalUpperTail(z)).toBeCloseTo(expected, 5);
    expect(log10NormalUpperTail(z)).toBeCloseTo(-349.437, 3);
    expect(log10NormalUpperTail(41)).toBeLessThan(log10NormalUpperTail(40));
  });

  it("χ²: 2 degrees of freedom is e^(−x/2); 8 degrees at the 5 % critical value 15.5073", () => {
    expect(10 ** log10ChiSquareUpperTailEven(10, 2)).toBeCloseTo(Math.exp(-5), 12);
    // y = 7.75365: e^(−y) (1 + y + y²/2 + y³/6) = 0.05.
    expect(10 ** log10ChiSquareUpperTailEven(15.5073, 8)).toBeCloseTo(0.05, 5);
    expect(log10ChiSquareUpperTailEven(0, 8)).toBe(0);
    expect(() => log10ChiSquareUpperTailEven(3, 7)).toThrow();
  });

  it("binomial: P(X ≥ 2; 3, 1/2) = 4/8, P(X ≥ 3; 3, 1/2) = 1/8, edges", () => {
    expect(10 ** log10BinomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(10 ** log10BinomialUpperTail(3, 3, 0.5)).toBeCloseTo(0.125, 12);
    expect(log10BinomialUpperTail(0, 3, 0.5)).toBe(0);
    expect(log10BinomialUpperTail(4, 3, 0.5)).toBe(-Infinity);
    // P(X ≥ 500; 500, 0.01) = 0.01^500: log10 = −1000, where the plain tail is 0.
    expect(log10BinomialUpperTail(500, 500, 0.01)).toBeCloseTo(-1000, 6);
  });
});

describe("binomial tail on both sides of the mode, against the plain sum", () => {
  it.each([
    [1, 500, 0.003],
    [2, 4, 0.003],
    [3, 10, 0.5],
    [6, 10, 0.5],
    [40, 4000, 0.01],
    [60, 4000, 0.01],
    [30, 40, 0.1],
  ])("P(X ≥ %i; %i, %f)", async (k, n, p) => {
    const { binomialUpperTail } = await import("@/lib/integrity/statistics");
    expect(10 ** log10BinomialUpperTail(k, n, p)).toBeCloseTo(binomialUpperTail(k, n, p), 10);
    expect(log10BinomialUpperTail(k, n, p)).toBeCloseTo(Math.log10(binomialUpperTail(k, n, p)), 6);
  });
});
