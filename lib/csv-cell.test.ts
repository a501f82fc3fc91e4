import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/csv-cell";

describe("csvCell", () => {
  it("writes plain values as they are and empty values as nothing", () => {
    expect(csvCell("D001")).toBe("D001");
    expect(csvCell(1.75)).toBe("1.75");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("quoted, with comma")).toBe('"quoted, with comma"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });

  it("keeps negative numbers but defuses spreadsheet formulas", () => {
    const sheet = { forSpreadsheet: true };
    expect(csvCell("-5.12", sheet)).toBe("-5.12");
    expect(csvCell("=HYPERLINK(1)", sheet)).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM(A1)", sheet)).toBe("'@SUM(A1)");
    // The pmc commands write values as they are.
    expect(csvCell("=HYPERLINK(1)")).toBe("=HYPERLINK(1)");
  });
});
