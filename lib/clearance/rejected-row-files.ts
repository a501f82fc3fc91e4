// Rejected rows as CSV a user can fix and import again: the row's own columns, then _line, _column and _reason
// (unknown columns are ignored by the importer with a warning, so the file is re-importable as it is). The file is
// opened in spreadsheets: formula cells are defused, and the importer restores them (lib/csv-cell.ts).
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import { pool } from "@/lib/pg";
import { csvCell } from "@/lib/csv-cell";

const PAGE = 5000;

type RejectedRow = {
  id: number;
  file: string;
  line: number;
  column: string | null;
  reason: string;
  values: Record<string, unknown>;
};

export async function rejectedFiles(batchId: number): Promise<{ file: string; rows: number }[]> {
  const { rows } = await pool.query<{ file: string; rows: number }>(
    `SELECT file, count(*)::int AS rows FROM import_rejected_rows WHERE batch_id = $1 GROUP BY file ORDER BY file`,
    [batchId],
  );
  return rows;
}

// Pages through one file's rejected rows by id, so memory stays flat for any number of them.
export async function* rejectedRows(batchId: number, file: string): AsyncGenerator<RejectedRow> {
  let after = 0;
  for (;;) {
    const { rows } = await pool.query<RejectedRow>(
      `SELECT id, file, line, "column", reason, "values" FROM import_rejected_rows
        WHERE batch_id = $1 AND file = $2 AND id > $3 ORDER BY id LIMIT ${PAGE}`,
      [batchId, file, after],
    );
    if (!rows.length) return;
    yield* rows;
    after = rows[rows.length - 1]!.id;
  }
}

const cell = (v: unknown) =>
  v === null || v === undefined
    ? ""
    : Array.isArray(v)
      ? v.join(",")
      : typeof v === "object"
        ? JSON.stringify(v)
        : String(v);

const line = (cells: unknown[]) => `${cells.map((c) => csvCell(c, { forSpreadsheet: true })).join(",")}\n`;

// CSV lines (header first) for one file's rejected rows.
export async function* rejectedRowsCsv(batchId: number, file: string): AsyncGenerator<string> {
  let columns: string[] | null = null;
  for await (const row of rejectedRows(batchId, file)) {
    if (!columns) {
      columns = Object.keys(row.values);
      yield line([...columns, "_line", "_column", "_reason"]);
    }
    yield line([...columns.map((c) => cell(row.values[c])), row.line, row.column ?? "", row.reason]);
  }
}

export async function writeRejectedRowFiles(batchId: number, dir: string): Promise<string[]> {
  const files = await rejectedFiles(batchId);
  if (!files.length) return [];
  await fs.promises.mkdir(dir, { recursive: true });
  for (const { file } of files) {
    const out = fs.createWriteStream(path.join(dir, file));
    for await (const chunk of rejectedRowsCsv(batchId, file)) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    out.end();
    await finished(out);
  }
  return files.map((f) => f.file);
}
