// One CSV cell (RFC 4180 quoting, empty for null, "." decimals, values unrounded). The pmc commands write values
// exactly as computed (docs/cli.md); exports meant for spreadsheets also defuse cells a spreadsheet would run as
// a formula (a leading = + - @ on a non-number gets a ').
type Cell = string | number | boolean | null | undefined;

export function csvCell(value: unknown, options: { forSpreadsheet?: boolean } = {}): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (options.forSpreadsheet && /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s))) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: Cell[]) => cells.map((c) => csvCell(c)).join(",");
