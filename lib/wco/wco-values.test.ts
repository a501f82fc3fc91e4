import { describe, expect, it } from "vitest";
import { decimalText, splitDecimal, sumDecimals, toWcoDateTime, wcoDateTime } from "@/lib/wco/wco-values";

describe("WCO values", () => {
  it("rounds amounts half away from zero and drops trailing zeros", () => {
    expect(decimalText("1000.00", 2)).toBe("1000");
    expect(decimalText("1020.005", 2)).toBe("1020.01");
    expect(decimalText("-0.125", 2)).toBe("-0.13");
    expect(decimalText("20.50", 2)).toBe("20.5");
    expect(decimalText("12,5", 2)).toBeNull();
  });

  it("converts with an exchange rate exactly: 1234.56 × 655.957 = 808636.8 + 1181.47392 = 809818.27392 → 809818.27", () => {
    expect(decimalText("1234.56", 2, "655.957")).toBe("809818.27");
  });

  it("adds amounts and splits a total so that the shares add up to it", () => {
    expect(sumDecimals(["20", "204", null], 2)).toBe("224");
    expect(sumDecimals([null], 2)).toBeNull();
    // 1000 over weights 1 : 2 : 0 → 333.33, 666.66, remainder 0.01 on the last share.
    expect(splitDecimal("1000", ["1", "2", "0"], 2)).toEqual(["333.33", "666.66", "0.01"]);
    expect(splitDecimal("10", [null, null], 2)).toEqual(["5", "5"]);
  });

  it("reads format 304 in UTC, with Z or an hour offset, and format 102", () => {
    expect(wcoDateTime("20240222100938Z", "304")).toBe("2024-02-22 10:09:38");
    expect(wcoDateTime("20220606010000+01", "304")).toBe("2022-06-06 00:00:00");
    expect(wcoDateTime("20220101003000-0230", "304")).toBe("2022-01-01 03:00:00");
    expect(wcoDateTime("20240222", "102")).toBe("2024-02-22 00:00:00");
    expect(wcoDateTime("20240231100938Z", "304")).toBeNull();
    expect(wcoDateTime("20240222", "304")).toBeNull();
    expect(wcoDateTime("2024-02-22", "102")).toBeNull();
  });

  it("writes format 304 back", () => {
    expect(toWcoDateTime("2025-03-03 08:15:00")).toBe("20250303081500Z");
    expect(wcoDateTime(toWcoDateTime("2025-12-31 23:59:59"), "304")).toBe("2025-12-31 23:59:59");
  });
});
