import { describe, expect, it } from "vitest";
import { comparePeriods, periodKind } from "@/lib/integrity/period-kind";

describe("flag period kinds", () => {
  it("recognises calendar years, quarters and months, leap years included", () => {
    expect(periodKind("2025-01-01", "2025-12-31")).toEqual({ kind: "year", year: 2025 });
    expect(periodKind("2025-04-01", "2025-06-30")).toEqual({ kind: "quarter", year: 2025, quarter: 2 });
    expect(periodKind("2024-02-01", "2024-02-29")).toEqual({ kind: "month", year: 2024, month: 2 });
    expect(periodKind("2025-02-01", "2025-02-28")).toEqual({ kind: "month", year: 2025, month: 2 });
  });

  it("calls anything else a range", () => {
    expect(periodKind("2025-02-01", "2025-04-30")).toEqual({ kind: "range", from: "2025-02-01", to: "2025-04-30" });
    expect(periodKind("2025-03-10", "2025-03-31").kind).toBe("range");
    expect(periodKind("2024-12-01", "2025-02-28").kind).toBe("range");
  });

  it("orders the latest year first, then year, quarters, months", () => {
    const periods = [
      { from: "2024-01-01", to: "2024-12-31" },
      { from: "2025-01-01", to: "2025-01-31" },
      { from: "2025-04-01", to: "2025-06-30" },
      { from: "2025-01-01", to: "2025-03-31" },
      { from: "2025-01-01", to: "2025-12-31" },
    ];
    expect(periods.sort(comparePeriods).map((p) => `${p.from}_${p.to}`)).toEqual([
      "2025-01-01_2025-12-31",
      "2025-01-01_2025-03-31",
      "2025-04-01_2025-06-30",
      "2025-01-01_2025-01-31",
      "2024-01-01_2024-12-31",
    ]);
  });
});
