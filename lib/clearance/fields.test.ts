import { describe, expect, it } from "vitest";
import { parseField, parseTimestamp } from "@/lib/clearance/fields";

const value = (r: ReturnType<typeof parseField>) => (r.ok ? r.value : `ERR ${r.reason}`);

describe("canonical field parsers", () => {
  it("accepts local timestamps with a space or a T and normalises to a space", () => {
    expect(value(parseTimestamp("2025-03-03 08:15:00"))).toBe("2025-03-03 08:15:00");
    expect(value(parseTimestamp("2025-03-03T08:15:00"))).toBe("2025-03-03 08:15:00");
  });

  it("rejects explicit UTC offsets, impossible dates and years out of range", () => {
    expect(value(parseTimestamp("2025-03-03 08:15:00+01:00"))).toMatch(/UTC offset/);
    expect(value(parseTimestamp("2025-03-03T08:15:00Z"))).toMatch(/UTC offset/);
    expect(value(parseTimestamp("2025-02-29 08:00:00"))).toMatch(/no such date/);
    expect(value(parseTimestamp("2024-02-29 08:00:00"))).toBe("2024-02-29 08:00:00");
    expect(value(parseTimestamp("2025-03-03 24:00:00"))).toMatch(/no such date or time/);
    expect(value(parseTimestamp("0000-01-01 00:00:00"))).toMatch(/no such date/);
    expect(value(parseTimestamp("2025-3-3 8:15:00"))).toMatch(/not a timestamp/);
  });

  it("checks money has at most 2 decimals and masses are not negative", () => {
    expect(value(parseField("money", "1500000.00"))).toBe("1500000.00");
    expect(value(parseField("money", "-12.5"))).toBe("-12.5");
    expect(value(parseField("money", "1.234"))).toMatch(/at most 2 decimals/);
    expect(value(parseField("money", "123,45"))).toMatch(/at most 2 decimals/);
    expect(value(parseField("nonNegativeNumber", "-4"))).toMatch(/negative/);
    expect(value(parseField("nonNegativeNumber", "0"))).toBe("0");
    expect(value(parseField("nonNegativeMoney", "-1"))).toMatch(/negative amount/);
  });

  it("checks codes: lanes, HS codes, countries, office hours and workdays", () => {
    expect(value(parseField({ oneOf: ["G", "B", "Y", "R"] }, "g"))).toMatch(/not one of/);
    expect(value(parseField("hsCode", "85171300"))).toBe("85171300");
    expect(value(parseField("hsCode", "22042"))).toMatch(/6 to 10 digits/);
    expect(value(parseField("hsCode", "85171300123"))).toMatch(/6 to 10 digits/);
    expect(value(parseField("country", "cn"))).toMatch(/alpha-2/);
    expect(value(parseField("hhmm", "07:30"))).toBe("07:30");
    expect(value(parseField("hhmm", "7:30"))).toMatch(/HH:MM/);
    expect(value(parseField("hhmm", "24:00"))).toBe("24:00");
    expect(value(parseField("hhmm", "24:30"))).toMatch(/HH:MM/);
    expect(value(parseField("workdays", "1,2,3,4,5"))).toBe("{1,2,3,4,5}");
    expect(value(parseField("workdays", "1,8"))).toMatch(/ISO weekdays/);
    expect(value(parseField("workdays", "1,1"))).toMatch(/repeated/);
    expect(value(parseField("positiveInteger", "0"))).toMatch(/≥ 1/);
  });
});
