// pmc flags --from DATE --to DATE --out FILE
import fs from "node:fs/promises";
import { detectFlags } from "@/lib/integrity/detect-flags";
import { FLAG_CSV_HEADER, flagCsvLine } from "@/lib/integrity/flag-csv";
import { pool } from "@/lib/pg";
import { periodOptions, stringOption, type CliOptions } from "@/lib/cli/options";

export async function runFlagsCommand(options: CliOptions): Promise<number> {
  const period = periodOptions(options);
  const out = stringOption(options, "out");
  if (!out) throw new Error("--out FILE is required");
  try {
    process.stderr.write(`running every detection method, ${period.from} to ${period.to}\n`);
    const flags = await detectFlags(period);
    await fs.writeFile(out, [FLAG_CSV_HEADER, ...flags.map(flagCsvLine)].join("\n") + "\n");
    process.stderr.write(`${flags.length} flags written to ${out}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}
