// pmc baselines --from DATE --to DATE --subject officer|office --out FILE
import fs from "node:fs/promises";
import { computeBaselines } from "@/lib/kpis/baselines";
import { BASELINE_CSV_HEADER, baselineCsvLine } from "@/lib/kpis/baseline-csv";
import { pool } from "@/lib/pg";
import { periodOptions, stringOption, type CliOptions } from "@/lib/cli/options";

export async function runBaselinesCommand(options: CliOptions): Promise<number> {
  const { from, to } = periodOptions(options);
  const subject = stringOption(options, "subject");
  if (subject !== "officer" && subject !== "office") throw new Error("--subject must be officer or office");
  const out = stringOption(options, "out");
  if (!out) throw new Error("--out FILE is required");
  try {
    process.stderr.write(`computing the baselines of every KPI over the ${subject}s, ${from} to ${to}\n`);
    const { baselines } = await computeBaselines({ from, to, subject, groupBy: ["office"] });
    await fs.writeFile(out, [BASELINE_CSV_HEADER, ...baselines.map(baselineCsvLine)].join("\n") + "\n");
    process.stderr.write(`${baselines.length} rows written to ${out}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}
