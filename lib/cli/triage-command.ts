// pmc triage --from DATE --to DATE --top K --out FILE: runs detection over the window and each calendar month in it
// (the integrity.detect job's service, so the flags are stored as the portal stores them), then writes the first K
// subjects of the work queue, over every office.
import fs from "node:fs/promises";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { detectionPeriods } from "@/lib/integrity/rank-subjects";
import { SYSTEM_VIEWER, triageQueue } from "@/lib/integrity/triage-queue";
import { TRIAGE_CSV_HEADER, triageCsvLine } from "@/lib/integrity/triage-csv";
import { periodOptions, stringOption, type CliOptions } from "@/lib/cli/options";

export async function runTriageCommand(options: CliOptions): Promise<number> {
  const window = periodOptions(options);
  const out = stringOption(options, "out");
  if (!out) throw new Error("--out FILE is required");
  const topText = stringOption(options, "top");
  const top = topText === undefined ? Infinity : Number(topText);
  if (topText !== undefined && !(Number.isInteger(top) && top >= 1))
    throw new Error("--top must be a whole number ≥ 1");
  try {
    for (const period of detectionPeriods(window)) {
      const { raised } = await detectAndStoreFlags(period);
      process.stderr.write(`detection ${period.from} to ${period.to}: ${raised} flags\n`);
    }
    const queue = await triageQueue(SYSTEM_VIEWER, window);
    const rows = queue.rows.slice(0, top);
    await fs.writeFile(out, [TRIAGE_CSV_HEADER, ...rows.map(triageCsvLine)].join("\n") + "\n");
    process.stderr.write(
      `${queue.rows.length} subjects behind ${queue.flags.length} flags; ${queue.aboveLine.subjects} above the line of ` +
        `${queue.capacityPerMonth} cases a month × ${queue.months}; ${rows.length} rows written to ${out}\n`,
    );
    return 0;
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}
