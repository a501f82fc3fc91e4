// Benjamini–Hochberg worked by hand at q = 0.05: the k-th smallest p-value is compared with k·q/m.
import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "@/lib/integrity/benjamini-hochberg";

const log10 = (ps: number[]) => ps.map(Math.log10);

describe("Benjamini–Hochberg", () => {
  it("m = 4, p = .01 .04 .03 .005: limits .0125 .025 .0375 .05, every one rejected", () => {
    expect(benjaminiHochberg(log10([0.01, 0.04, 0.03, 0.005]), 4).survives).toEqual([true, true, true, true]);
  });

  it("the same four flags out of m = 10 tests: limits .005 .01 .015 .02, only .0049 and .0099 survive", () => {
    const r = benjaminiHochberg(log10([0.0099, 0.04, 0.03, 0.0049]), 10);
    expect(r.survives).toEqual([true, false, false, true]);
    expect(10 ** r.cutoff).toBeCloseTo(0.0099, 12);
    expect(r.m).toBe(10);
  });

  it("steps up: .03 misses its own limit .025 (k = 1) but survives with .04 ≤ .05 (k = 2)", () => {
    expect(benjaminiHochberg(log10([0.04, 0.03]), 2).survives).toEqual([true, true]);
    // Bonferroni (each against q/m = .025) would reject neither.
  });

  it("nothing survives when even the smallest misses: .03 and .06 of m = 2", () => {
    const r = benjaminiHochberg(log10([0.06, 0.03]), 2);
    expect(r.survives).toEqual([false, false]);
    expect(r.cutoff).toBe(-Infinity);
  });

  it("m is never taken below the number of flags, and the order of the flags does not matter", () => {
    expect(benjaminiHochberg(log10([0.03, 0.04]), 0).m).toBe(2);
    const ps = log10([0.001, 0.2, 0.012, 0.03, 0.04, 0.004]);
    const straight = benjaminiHochberg(ps, 20).survives;
    const reversed = benjaminiHochberg([...ps].reverse(), 20).survives.reverse();
    expect(reversed).toEqual(straight);
    // limits k·.05/20 = .0025 .005 .0075 .01 …: .001 and .004 survive, .012 (k = 3 needs ≤ .0075) does not.
    expect(straight).toEqual([true, false, false, false, false, true]);
  });

  it("p-values below 1e-300 (−Infinity included) keep their order and survive", () => {
    expect(benjaminiHochberg([-400, -Infinity, -1], 1000).survives).toEqual([true, true, false]);
  });
});
