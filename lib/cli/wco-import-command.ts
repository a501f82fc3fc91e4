// pmc import --wco DIR: imports the WCO Data Model messages under DIR (or in a zip archive) with the import job's
// processor in this process, then prints what was read and every rejection with its file, line, element and reason.
import path from "node:path";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { rejectedRows } from "@/lib/clearance/rejected-row-files";
import { WCO_MESSAGES_FILE } from "@/lib/wco/import-wco";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { closeQueue } from "@/lib/queue/enqueue";
import { stringOption, type CliOptions } from "@/lib/cli/options";

export async function runWcoImportCommand(options: CliOptions): Promise<number> {
  const location = stringOption(options, "operand");
  if (!location) throw new Error("give the folder to read: import --wco DIR");
  if (options.dir !== undefined || options.kcs !== undefined) throw new Error("--wco goes without --dir or --kcs");
  try {
    const batchId = await createImportBatch({ kind: "WCO", sourcePath: path.resolve(location) });
    let shown = -10;
    const outcome = await runImportBatch(batchId, async (percent) => {
      if (percent - shown >= 10 || percent === 100) {
        shown = percent;
        process.stderr.write(`import ${batchId}: ${percent.toFixed(0)} %\n`);
      }
    });
    const width = Math.max(...Object.keys(outcome.files).map((f) => f.length));
    for (const [file, c] of Object.entries(outcome.files)) {
      const detail = c.error
        ? `  ERROR: ${c.error}`
        : `  (${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged)`;
      process.stdout.write(`${file.padEnd(width)}  accepted ${c.accepted}  rejected ${c.rejected}${detail}\n`);
      for (const w of c.warnings) process.stdout.write(`${" ".repeat(width)}  ${w}\n`);
    }
    for await (const row of rejectedRows(batchId, WCO_MESSAGES_FILE)) {
      const file = (row.values as { file?: string }).file ?? "";
      process.stdout.write(`rejected: ${file}:${row.line}  ${row.column ?? ""}  ${row.reason}\n`);
    }
    return 0;
  } finally {
    await closeQueue();
    await db.$disconnect();
    await pool.end();
  }
}
