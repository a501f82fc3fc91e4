import { describe, expect, it } from "vitest";
import { forecastSeries, holtLinear, holtWinters, seasonalNaive } from "@/lib/dashboard/forecast";

// A year of revenue with a clear season: months 1..12 repeat the same shape, plus a steady rise.
const season = [100, 90, 120, 130, 110, 100, 95, 140, 150, 120, 110, 160];
const years = (count: number, rise = 0) => Array.from({ length: count * 12 }, (_, i) => season[i % 12]! + rise * i);

describe("seasonalNaive", () => {
  it("repeats the same months of last year", () => {
    expect(seasonalNaive(years(2), 3)).toEqual([100, 90, 120]);
    expect(seasonalNaive([1, 2, 3, 4], 5, 4)).toEqual([1, 2, 3, 4, 1]);
  });
});

describe("holtLinear", () => {
  it("extends an exact straight line exactly", () => {
    const line = [10, 12, 14, 16, 18, 20, 22];
    const next = holtLinear(line, 3);
    next.forEach((v, i) => expect(v).toBeCloseTo(24 + 2 * i, 9));
  });
});

describe("holtWinters", () => {
  it("reproduces a purely seasonal series with a linear trend", () => {
    const series = years(3, 2);
    const next = holtWinters(series, 3);
    // Months 37..39 repeat January..March, each 2 × 36.. higher than the base shape.
    next.forEach((v, i) => expect(v).toBeCloseTo(season[i]! + 2 * (36 + i), 6));
  });
});

describe("forecastSeries", () => {
  it("needs six months at least", () => {
    expect(forecastSeries([1, 2, 3, 4, 5])).toBeNull();
  });

  it("uses Holt's trend on a series shorter than a season and a quarter, and reports its past error", () => {
    const f = forecastSeries([10, 12, 14, 16, 18, 20, 22, 24], 3)!;
    expect(f.method).toBe("holt_linear");
    f.values.forEach((v, i) => expect(v).toBeCloseTo(26 + 2 * i, 9));
    // One-step forecasts from origins 3..7 of an exact line are exact.
    expect(f.backtest.months).toBe(5);
    expect(f.backtest.mae).toBeCloseTo(0, 9);
  });

  it("picks a seasonal method on two seasonal years and beats the trend-only model", () => {
    const f = forecastSeries(years(2), 3)!;
    expect(f.method).toBe("seasonal_naive");
    expect(f.values).toEqual([100, 90, 120]);
    expect(f.backtest.mae).toBe(0);
    expect(f.backtest.mape).toBe(0);
    expect(f.lower).toEqual(f.values);
  });

  it("works out the error measures of the backtest", () => {
    // Seasonal naive on 15 months with a season of 12: months 12..14 are forecast by months 0..2.
    const series = [...season, 110, 80, 126];
    const f = forecastSeries(series, 1)!;
    // Eligible: seasonal naive (15 ≥ 15) and Holt (≥ 6); both tested on months 12..14.
    // Seasonal naive errors: +10, −10, +6 → MAE 26/3, MAPE (10/110 + 10/80 + 6/126)/3, RMSE √(236/3).
    expect(f.method).toBe("seasonal_naive");
    expect(f.backtest.mae).toBeCloseTo(26 / 3, 12);
    expect(f.backtest.mape).toBeCloseTo((10 / 110 + 10 / 80 + 6 / 126) / 3, 12);
    expect(f.backtest.rmse).toBeCloseTo(Math.sqrt(236 / 3), 12);
    expect(f.values).toEqual([season[3]]);
    expect(f.backtest.months).toBe(3);
  });

  it("never forecasts negative revenue", () => {
    const f = forecastSeries([100, 80, 60, 40, 20, 10], 3)!;
    f.values.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
    f.lower.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
  });
});
