// pmc kpis --from DATE --to DATE --subject officer|office --out FILE
import fs from "node:fs/promises";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { KPI_CSV_HEADER, kpiCsvLine } from "@/lib/kpis/kpi-csv";
import { pool } from "@/lib/pg";
import { periodOptions, stringOption, type CliOptions } from "@/lib/cli/options";

export async function runKpisCommand(options: CliOptions): Promise<number> {
  const { from, to } = periodOptions(options);
  const subject = stringOption(options, "subject");
  if (subject !== "officer" && subject !== "office") throw new Error("--subject must be officer or office");
  const out = stringOption(options, "out");
  if (!out) throw new Error("--out FILE is required");
  try {
    process.stderr.write(`computing the KPI catalogue for every ${subject}, ${from} to ${to}\n`);
    const rows = await computeKpis({ from, to, subject });
    await fs.writeFile(out, [KPI_CSV_HEADER, ...rows.map(kpiCsvLine)].join("\n") + "\n");
    process.stderr.write(`${rows.length} rows written to ${out}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}
