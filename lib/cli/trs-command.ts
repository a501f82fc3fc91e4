// pmc trs --from DATE --to DATE --out FILE
import fs from "node:fs/promises";
import { computeTrs } from "@/lib/trs/compute-trs";
import { pool } from "@/lib/pg";
import { csvLine } from "@/lib/csv-cell";
import { periodOptions, stringOption, type CliOptions } from "@/lib/cli/options";

export async function runTrsCommand(options: CliOptions): Promise<number> {
  const period = periodOptions(options);
  const out = stringOption(options, "out");
  if (!out) throw new Error("--out FILE is required");
  try {
    const rows = await computeTrs(period);
    const lines = rows.map((r) =>
      csvLine([r.officeCode, r.lane, r.interval, r.count, r.meanH, r.medianH, r.p90H, r.censored]),
    );
    await fs.writeFile(
      out,
      ["office_code,lane,interval,count,mean_h,median_h,p90_h,censored", ...lines].join("\n") + "\n",
    );
    process.stderr.write(`${rows.length} rows written to ${out}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}
