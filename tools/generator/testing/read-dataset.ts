// Test support: reads a generated folder back with csv-parse into plain records, with no code shared with the
// generator (timestamps are parsed with Date, not with the generator's local-time helpers).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export type Row = Record<string, string>;

export type Dataset = {
  dir: string;
  headers: Record<string, string[]>;
  offices: Row[];
  officers: Row[];
  declarations: Row[];
  items: Row[];
  inspections: Row[];
  events: Row[];
  mirror: Row[];
  rates: Row[];
  holidays: Row[];
};

function readCsv(dir: string, file: string): { header: string[]; rows: Row[] } {
  const text = readFileSync(path.join(dir, file), "utf8");
  const records = parse(text, { columns: false, skip_empty_lines: true }) as string[][];
  const [header = [], ...body] = records;
  const rows = body.map((fields) => {
    const row: Row = {};
    header.forEach((name, i) => {
      row[name] = fields[i] ?? "";
    });
    return row;
  });
  return { header, rows };
}

export function readDataset(dir: string): Dataset {
  const files = {
    offices: "offices.csv",
    officers: "officers.csv",
    declarations: "declarations.csv",
    items: "items.csv",
    inspections: "inspections.csv",
    events: "events.csv",
    mirror: "mirror_exports.csv",
    rates: "exchange_rates.csv",
    holidays: "holidays.csv",
  } as const;
  const headers: Record<string, string[]> = {};
  const data: Partial<Record<keyof typeof files, Row[]>> = {};
  for (const [key, file] of Object.entries(files) as [keyof typeof files, string][]) {
    const { header, rows } = readCsv(dir, file);
    headers[file] = header;
    data[key] = rows;
  }
  return { dir, headers, ...(data as Record<keyof typeof files, Row[]>) };
}

/** Seconds since the epoch of a local `YYYY-MM-DD HH:MM:SS` (read as UTC: only differences and clock times matter). */
export function seconds(ts: string): number {
  return Date.parse(`${ts.replace(" ", "T")}Z`) / 1000;
}
