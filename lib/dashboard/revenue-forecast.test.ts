import { describe, expect, it } from "vitest";
import { revenueForecast, type MonthValue } from "@/lib/dashboard/revenue-forecast";

const cell = (month: string, revenue: number | null): MonthValue => ({
  month,
  value: null,
  numerator: revenue,
  denominator: 10,
});

describe("revenueForecast", () => {
  it("forecasts the quarter after the last complete month from P8 numerators, a missing month counting 0", () => {
    const months = ["2025-01", "2025-02", "2025-03", "2025-05", "2025-06", "2025-07", "2025-08"];
    const p8 = months.map((m, i) => cell(m, 100 + 10 * i));
    const f = revenueForecast([...p8, cell("2025-09", 5)], "2025-08");
    expect(f.history.map((h) => [h.month, h.revenue])).toEqual([
      ["2025-01", 100],
      ["2025-02", 110],
      ["2025-03", 120],
      ["2025-04", 0],
      ["2025-05", 130],
      ["2025-06", 140],
      ["2025-07", 150],
      ["2025-08", 160],
    ]);
    // The partial September is neither history nor skipped: the forecast starts there.
    expect(f.forecast.map((m) => m.month)).toEqual(["2025-09", "2025-10", "2025-11"]);
    expect(f.method).toBe("holt_linear");
    expect(f.backtest?.months).toBe(5);
    for (const m of f.forecast) expect(m.lower).toBeLessThanOrEqual(m.revenue);
  });

  it("has nothing to forecast without a complete month or too short a history", () => {
    expect(revenueForecast([cell("2025-01", 1)], null).forecast).toEqual([]);
    const short = revenueForecast([cell("2025-01", 1), cell("2025-02", 2)], "2025-02");
    expect(short.history).toHaveLength(2);
    expect(short.forecast).toEqual([]);
    expect(short.method).toBeNull();
  });
});
