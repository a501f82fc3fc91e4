// pmc mirror --year YYYY --out FILE
import fs from "node:fs/promises";
import { computeMirror } from "@/lib/mirror/compute-mirror";
import { pool } from "@/lib/pg";
import { csvLine } from "@/lib/csv-cell";
import { stringOption, type CliOptions } from "@/lib/cli/options";

const HEADER =
  "partner_country,hs6,year,x_fob_usd,m_fob_usd,value_gap_usd,rel_gap,qty_gap,unit_value_ratio,flagged,revenue_at_stake";

export async function runMirrorCommand(options: CliOptions): Promise<number> {
  const year = Number(stringOption(options, "year"));
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new Error("--year YYYY is required");
  const out = stringOption(options, "out");
  if (!out) throw new Error("--out FILE is required");
  try {
    const rows = await computeMirror({ year });
    const lines = rows.map((r) =>
      csvLine([
        r.partnerCountry,
        r.hs6,
        r.year,
        r.xFobUsd,
        r.mFobUsd,
        r.valueGapUsd,
        r.relGap,
        r.qtyGap,
        r.unitValueRatio,
        r.flagged,
        r.revenueAtStake,
      ]),
    );
    await fs.writeFile(out, [HEADER, ...lines].join("\n") + "\n");
    process.stderr.write(`${rows.length} rows written to ${out}\n`);
    return 0;
  } finally {
    await pool.end();
  }
}
