import { describe, expect, it } from "vitest";
import { binIndexOf, histogram, quartiles, shareOfPeersBeaten } from "@/lib/dashboard/distribution";

describe("histogram", () => {
  it("spreads values over equal-width bins, the largest value in the last bin", () => {
    const bins = histogram([0, 1, 2, 3, 4, 10], 5);
    expect(bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 2, 2],
      [2, 4, 2],
      [4, 6, 1],
      [6, 8, 0],
      [8, 10, 1],
    ]);
    expect(binIndexOf(bins, 10)).toBe(4);
    expect(binIndexOf(bins, 2)).toBe(1);
    expect(binIndexOf(bins, 11)).toBe(-1);
  });
  it("has one bin when every value is the same, none without values", () => {
    expect(histogram([0.5, 0.5, 0.5])).toEqual([{ from: 0.5, to: 0.5, count: 3 }]);
    expect(histogram([])).toEqual([]);
  });
});

describe("shareOfPeersBeaten", () => {
  it("counts peers the officer does better than, ties as half", () => {
    // higher is better: 0.8 beats 0.5 and 0.7, ties 0.8, loses to 0.9 → (2 + 0.5) / 4
    expect(shareOfPeersBeaten(0.8, [0.5, 0.7, 0.8, 0.9], "higher")).toBe(0.625);
    // lower is better: 10 h beats 12 and 20, loses to 5 → 2 / 3
    expect(shareOfPeersBeaten(10, [5, 12, 20], "lower")).toBeCloseTo(2 / 3, 12);
    expect(shareOfPeersBeaten(1, [], "higher")).toBeNull();
    expect(shareOfPeersBeaten(1, [2], "context")).toBeNull();
  });
});

describe("quartiles", () => {
  it("interpolates like percentile_cont", () => {
    // ranks 0.75, 1.5, 2.25 over [1, 2, 4, 8]
    expect(quartiles([8, 1, 4, 2])).toEqual({ q1: 1.75, median: 3, q3: 5 });
    expect(quartiles([])).toBeNull();
  });
});
