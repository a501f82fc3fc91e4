import { describe, expect, it } from "vitest";
import { addMonths, daysIn, monthPeriod, monthsOf, periodsForMonths, quarterPeriod } from "@/lib/kernel/calendar";

describe("KPI periods", () => {
  it("knows month lengths, leap years included", () => {
    expect(monthPeriod("2025-02")).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(monthPeriod("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthPeriod("2025-12")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("counts a period's days, both ends included", () => {
    expect(daysIn({ from: "2025-11-01", to: "2025-11-30" })).toBe(30);
    expect(daysIn({ from: "2025-10-01", to: "2025-12-31" })).toBe(92);
    expect(daysIn({ from: "2024-01-01", to: "2024-12-31" })).toBe(366);
    expect(daysIn({ from: "2025-03-30", to: "2025-03-30" })).toBe(1);
  });

  it("puts a month in its calendar quarter", () => {
    expect(quarterPeriod("2025-05")).toEqual({ from: "2025-04-01", to: "2025-06-30" });
    expect(quarterPeriod("2025-12")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
  });

  it("steps across years", () => {
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(addMonths("2025-11", 3)).toBe("2026-02");
  });

  it("lists the months a period touches, across a year's end", () => {
    expect(monthsOf({ from: "2025-11-15", to: "2026-01-31" })).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(monthsOf({ from: "2025-10-01", to: "2025-12-31" })).toEqual(["2025-10", "2025-11", "2025-12"]);
  });

  it("lists each month and quarter once", () => {
    expect(periodsForMonths(["2025-03", "2025-02", "2025-03"])).toEqual([
      { from: "2025-01-01", to: "2025-03-31" },
      { from: "2025-02-01", to: "2025-02-28" },
      { from: "2025-03-01", to: "2025-03-31" },
    ]);
  });
});
