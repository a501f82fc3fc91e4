// pmc import --dir DIR | --kcs FILE: runs the import job's processor in this process, prints per-file counts and
// writes the rejected rows to DIR/rejected/ (next to the file for --kcs). A failure is not retried in the
// background: the user sees it (exit 1). Ctrl-C or SIGTERM marks the batch FAILED with that reason, rolls back what
// it had not committed, and exits 130 / 143.
import path from "node:path";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { writeRejectedRowFiles } from "@/lib/clearance/rejected-row-files";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { closeQueue } from "@/lib/queue/enqueue";
import { setLeaseOwner, stopActiveLeases } from "@/lib/queue/job-lease";
import { stringOption, type CliOptions } from "@/lib/cli/options";

export async function runImportCommand(options: CliOptions): Promise<number> {
  const dir = stringOption(options, "dir");
  const kcs = stringOption(options, "kcs");
  if (!dir === !kcs) throw new Error("give exactly one of --dir DIR or --kcs FILE");
  setLeaseOwner("cli");
  const stop = (signal: NodeJS.Signals, code: number) => {
    process.stderr.write(`pmc: ${signal}: stopping the import\n`);
    void stopActiveLeases(`stopped by ${signal} in pmc import`, { fail: true }).finally(() => process.exit(code));
  };
  process.once("SIGINT", () => stop("SIGINT", 130));
  process.once("SIGTERM", () => stop("SIGTERM", 143));
  try {
    const location = (dir ?? kcs)!;
    const batchId = await createImportBatch({ kind: dir ? "CANONICAL" : "KCS", sourcePath: location });
    let shown = -10;
    const outcome = await runImportBatch(
      batchId,
      async (percent) => {
        if (percent - shown >= 10 || percent === 100) {
          shown = percent;
          process.stderr.write(`import ${batchId}: ${percent.toFixed(0)} %\n`);
        }
      },
      { retry: false },
    );
    const width = Math.max(...Object.keys(outcome.files).map((f) => f.length));
    for (const [file, c] of Object.entries(outcome.files)) {
      const detail = c.error
        ? `  ERROR: ${c.error}`
        : `  (${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged)`;
      const dependent = c.dependent ? ` (${c.dependent} only because a row they depend on was rejected)` : "";
      process.stdout.write(
        `${file.padEnd(width)}  accepted ${c.accepted}  rejected ${c.rejected}${dependent}${detail}\n`,
      );
      for (const w of c.warnings) process.stdout.write(`${" ".repeat(width)}  warning: ${w}\n`);
    }
    const causes = outcome.quality.rejectionCauses ?? [];
    if (causes.length)
      process.stdout.write("rows rejected only because of a rejected row they depend on, by that row:\n");
    for (const cause of causes) {
      const dependents = Object.entries(cause.dependents).map(([file, n]) => `${n} in ${file}`);
      process.stdout.write(`  ${cause.file} line ${cause.line} (${cause.reason}): ${dependents.join(", ")}\n`);
    }
    // A KCS file usually sits in a read-only data folder: its rejected rows go to ./rejected instead.
    const rejectedDir = path.join(dir ?? process.cwd(), "rejected");
    const written = await writeRejectedRowFiles(batchId, rejectedDir);
    if (written.length) process.stdout.write(`rejected rows written to ${rejectedDir}: ${written.join(", ")}\n`);
    return 0;
  } finally {
    await closeQueue();
    await db.$disconnect();
    await pool.end();
  }
}
