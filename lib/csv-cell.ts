// One CSV cell (RFC 4180 quoting, empty for null, "." decimals, values unrounded). The pmc commands' data outputs
// write values exactly as computed (docs/cli.md); every file meant for people and spreadsheets (the portal's
// downloads, the rejected rows) defuses cells a spreadsheet would run as a formula: a text starting with = + - @, a
// tab or a carriage return, possibly after apostrophes, gets one more ' in front. The importer takes that one
// apostrophe off again (restoreDefusedCell), so a defused file imports back to the same values
// (docs/data-format.md, "Rejected rows").
type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^'*[=+\-@\t\r]/;
const DEFUSED = /^'+[=+\-@\t\r]/;

export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
}

export function restoreDefusedCell(text: string): string {
  // Most cells do not start with an apostrophe: imports restore millions of them.
  return text.charCodeAt(0) === 39 && DEFUSED.test(text) ? text.slice(1) : text;
}

export function csvCell(value: unknown, options: { forSpreadsheet?: boolean } = {}): string {
  if (value === null || value === undefined) return "";
  const s = options.forSpreadsheet ? defuseFormula(String(value)) : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: Cell[]) => cells.map((c) => csvCell(c)).join(",");
