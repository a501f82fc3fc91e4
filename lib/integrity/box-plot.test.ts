// Hand-worked: values 1..9 and 1, 2, 3, 4, 100.
import { describe, expect, it } from "vitest";
import { boxDomain, boxStats, logValueTicks, percentileCont, tukeyFences } from "@/lib/integrity/box-plot";

describe("box-plot statistics", () => {
  it("percentile_cont interpolates between closest ranks", () => {
    // [1, 2, 3, 4]: p25 at rank 0.75 → 1.75; p50 at rank 1.5 → 2.5; p75 at rank 2.25 → 3.25
    expect(percentileCont([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(percentileCont([], 0.5)).toBeNull();
  });

  it("1..9: quartiles 3, 5, 7; fences −3 and 13 keep every value", () => {
    expect(boxStats([9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({
      n: 9,
      q1: 3,
      median: 5,
      q3: 7,
      whiskerLow: 1,
      whiskerHigh: 9,
      outliers: 0,
    });
  });

  it("1, 2, 3, 4, 100: q1 2, median 3, q3 4, IQR 2 → fences −1 and 7, so 100 is an outlier and the whisker stops at 4", () => {
    expect(tukeyFences(2, 4)).toEqual({ low: -1, high: 7 });
    expect(boxStats([100, 1, 2, 3, 4])).toEqual({
      n: 5,
      q1: 2,
      median: 3,
      q3: 4,
      whiskerLow: 1,
      whiskerHigh: 4,
      outliers: 1,
    });
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

describe("log-value axis ticks", () => {
  it("uses 1, 2, 5 × 10^k within the range", () => {
    // ln 1 = 0 … ln 60 = 4.094: 1, 2, 5, 10, 20, 50
    expect(logValueTicks(0, Math.log(60))).toEqual([1, 2, 5, 10, 20, 50]);
  });

  it("thins to powers of ten over wide ranges", () => {
    // 0.01 … 1e6: 1, 2, 5 × 10^k gives 25 ticks; powers of ten 0.01 … 1e6 = 9 > 8, so every second one
    expect(logValueTicks(Math.log(0.01), Math.log(1e6))).toEqual([0.01, 1, 100, 10000, 1000000]);
    expect(logValueTicks(Math.log(0.1), Math.log(1e5))).toEqual([0.1, 1, 10, 100, 1000, 10000, 100000]);
    expect(logValueTicks(2, 1)).toEqual([]);
  });
});
