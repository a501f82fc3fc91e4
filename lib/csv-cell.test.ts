import { describe, expect, it } from "vitest";
import { csvCell, defuseFormula, restoreDefusedCell } from "@/lib/csv-cell";

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

describe("defused cells round-trip", () => {
  const hostile = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x.invalid","click")',
    "+1+1",
    "@SUM(A1)",
    "\t=1",
    "'=already quoted",
    "''@two apostrophes",
  ];

  it("prefixes every formula, even one hidden behind apostrophes, and nothing else", () => {
    expect(hostile.map((text) => csvCell(text, { forSpreadsheet: true }).replace(/^"/, ""))).toEqual([
      "'=cmd|' /C calc'!A0",
      `'=HYPERLINK(""http://x.invalid"",""click"")"`,
      "'+1+1",
      "'@SUM(A1)",
      "'\t=1",
      "''=already quoted",
      "'''@two apostrophes",
    ]);
    for (const plain of ["D001", "-5.12", "+3", "O'Brien", "'quoted"]) expect(defuseFormula(plain)).toBe(plain);
  });

  it("gives back exactly the original text on import", () => {
    for (const text of [...hostile, "D001", "-5.12", "O'Brien", "'quoted"]) {
      expect(restoreDefusedCell(defuseFormula(text))).toBe(text);
    }
  });
});
