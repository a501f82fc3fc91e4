// One CSV cell as the pmc commands write them (spec/cli.md): "." decimals, unrounded, empty for null, RFC 4180 quoting.
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: (string | number | boolean | null | undefined)[]) => cells.map(csvCell).join(",");
