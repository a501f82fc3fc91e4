// Hand-worked: values 1..9 and 1, 2, 3, 4, 100.
import { describe, expect, it } from "vitest";
import { boxDomain, boxStats, percentileCont, tukeyFences } from "@/lib/integrity/box-plot";

describe("box-plot statistics", () => {
  it("percentile_cont interpolates between closest ranks", () => {
    // [1, 2, 3, 4]: p25 at rank 0.75 → 1.75; p50 at rank 1.5 → 2.5; p75 at rank 2.25 → 3.25
    expect(percentileCont([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(percentileCont([], 0.5)).toBeNull();
  });

  it("1..9: quartiles 3, 5, 7; fences −3 and 13 keep every value", () => {
    expect(boxStats([9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ n: 9, q1: 3, median: 5, q3: 7, whiskerLow: 1, whiskerHigh: 9, outliers: 0 });
  });

  it("1, 2, 3, 4, 100: q1 2, median 3, q3 4, IQR 2 → fences −1 and 7, so 100 is an outlier and the whisker stops at 4", () => {
    expect(tukeyFences(2, 4)).toEqual({ low: -1, high: 7 });
    expect(boxStats([100, 1, 2, 3, 4])).toEqual({ n: 5, q1: 2, median: 3, q3: 4, whiskerLow: 1, whiskerHigh: 4, outliers: 1 });
  });

  it("one value is its own box", () => {
    expect(boxStats([2])).toEqual({ n: 1, q1: 2, median: 2, q3: 2, whiskerLow: 2, whiskerHigh: 2, outliers: 0 });
    expect(boxStats([])).toBeNull();
  });

  it("pads the domain by 5 % of the range", () => {
    expect(boxDomain([0, 10])).toEqual([-0.5, 10.5]);
    expect(boxDomain([])).toEqual([0, 1]);
  });
});
