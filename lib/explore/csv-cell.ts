// One cell of a CSV export. RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "boolean" ? (value ? "true" : "false") : String(value);
  if (/^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
