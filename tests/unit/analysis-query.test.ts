import { describe, expect, it } from "vitest";
import { MirrorQuery, previousPeriod, queryString, TrsQuery, trsPeriodOf } from "@/lib/analysis/analysis-query";

describe("TRS query strings", () => {
  it("keeps valid choices and drops malformed ones instead of failing the page", () => {
    expect(
      TrsQuery.parse({ from: "2025-03-01", to: "2025-03-31", lane: "R", interval: "asmt_pay", office: "CMDLA1" }),
    ).toEqual({
      from: "2025-03-01",
      to: "2025-03-31",
      lane: "R",
      interval: "asmt_pay",
      office: "CMDLA1",
    });
    expect(
      TrsQuery.parse({ from: "2025-13-45", lane: "X", interval: "drop table", measure: ["mean", "median"] }),
    ).toEqual({ measure: "mean" });
  });

  it("uses the period asked for, or the latest month with data", () => {
    expect(trsPeriodOf({ from: "2025-01-01", to: "2025-03-31" }, "2025-12")).toEqual({
      from: "2025-01-01",
      to: "2025-03-31",
    });
    expect(trsPeriodOf({ from: "2025-04-01", to: "2025-03-31" }, "2025-12")).toEqual({
      from: "2025-12-01",
      to: "2025-12-31",
    });
    expect(trsPeriodOf({}, null)).toBeNull();
  });

  it("takes as many calendar months before a period of whole months, else as many days just before", () => {
    expect(previousPeriod({ from: "2025-03-01", to: "2025-03-31" })).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(previousPeriod({ from: "2025-01-01", to: "2025-01-31" })).toEqual({ from: "2024-12-01", to: "2024-12-31" });
    expect(previousPeriod({ from: "2025-03-10", to: "2025-03-19" })).toEqual({ from: "2025-02-28", to: "2025-03-09" });
    expect(previousPeriod({ from: "2025-04-01", to: "2025-06-30" })).toEqual({ from: "2025-01-01", to: "2025-03-31" });
    expect(previousPeriod({ from: "2025-01-01", to: "2025-12-31" })).toEqual({ from: "2024-01-01", to: "2024-12-31" });
  });
});

describe("mirror query strings", () => {
  it("reads the year and the page, with defaults", () => {
    expect(MirrorQuery.parse({ year: "2025", page: "3", flagged: "1" })).toEqual({ year: 2025, page: 3, flagged: "1" });
    expect(MirrorQuery.parse({ year: "twenty", page: "-1" })).toEqual({ page: 1 });
  });

  it("writes only the values present", () => {
    expect(queryString({ year: 2025, flagged: undefined, page: 2, office: "" })).toBe("year=2025&page=2");
  });
});
