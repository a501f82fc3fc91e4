import { describe, expect, it } from "vitest";
import { histogramBars, histogramBins } from "@/lib/trs/histogram-bins";
import { heatLevel } from "@/lib/trs/heat-level";

describe("histogram bins", () => {
  it("takes nice widths from 0 up to the 99th percentile", () => {
    // 0..97 h in about 20 bins: 97/20 = 4.85 → 5 h; 20 bins reach 100 h, past 97.
    expect(histogramBins(0.2, 97)).toEqual({ lower: 0, width: 5, count: 20 });
    // 0..1.3 h: 0.065 → 0.1 h; 14 bins, so that 1.3 is inside the last one.
    expect(histogramBins(0, 1.3)).toEqual({ lower: 0, width: 0.1, count: 14 });
    // A negative duration (a payment recorded after the release) starts the first bin below 0: span 40 → 2 h.
    expect(histogramBins(-3, 37)).toEqual({ lower: -4, width: 2, count: 21 });
    // Every duration 4 h: 0..4 in 0.2 h bins, the last one holding them all.
    expect(histogramBins(4, 4)).toEqual({ lower: 0, width: 0.2, count: 21 });
  });

  it("lists every bin in order, empty ones included, and an open-ended last bar for what lies beyond", () => {
    expect(
      histogramBars({ lower: 0, width: 5, count: 3 }, [
        { bucket: 3, n: 2 },
        { bucket: 1, n: 7 },
        { bucket: 4, n: 1 },
      ]),
    ).toEqual([
      { from: 0, to: 5, count: 7 },
      { from: 5, to: 10, count: 0 },
      { from: 10, to: 15, count: 2 },
      { from: 15, to: null, count: 1 },
    ]);
    expect(histogramBars({ lower: 0, width: 5, count: 1 }, [{ bucket: 1, n: 3 }])).toEqual([
      { from: 0, to: 5, count: 3 },
    ]);
  });
});

describe("heat level", () => {
  it("shades 0 as none and the busiest cell darkest, on a square-root scale", () => {
    expect(heatLevel(0, 100)).toBe(0);
    expect(heatLevel(100, 100)).toBe(5);
    expect(heatLevel(1, 100)).toBe(1);
    // √(25/100) · 5 = 2.5 → 3.
    expect(heatLevel(25, 100)).toBe(3);
  });
});
