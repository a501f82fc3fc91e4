// pmc export --wco --from DATE --to DATE --out DIR [--pseudonyms PURPOSE]: the declarations registered in the
// period as WCO Data Model messages, one folder per declaration under DIR, which `pmc import --wco DIR` reads back.
import fs from "node:fs/promises";
import path from "node:path";
import { exportWco } from "@/lib/wco/export-wco";
import { PseudonymPurpose } from "@/lib/privacy/pseudonyms";
import { pool } from "@/lib/pg";
import { periodOptions, stringOption, type CliOptions } from "@/lib/cli/options";

export async function runWcoExportCommand(options: CliOptions): Promise<number> {
  if (options.wco !== true) throw new Error("export needs a format: export --wco --from DATE --to DATE --out DIR");
  const period = periodOptions(options);
  const out = stringOption(options, "out");
  if (!out) throw new Error("--out DIR is required");
  const purpose = stringOption(options, "pseudonyms");
  if (purpose !== undefined) PseudonymPurpose.parse(purpose);
  try {
    await fs.mkdir(out, { recursive: true });
    const made = new Set<string>();
    const summary = await exportWco(
      { ...period, pseudonymPurpose: purpose ?? null, officeCode: null },
      async (file, xml) => {
        const target = path.join(out, file);
        const dir = path.dirname(target);
        if (!made.has(dir)) {
          await fs.mkdir(dir, { recursive: true });
          made.add(dir);
        }
        await fs.writeFile(target, xml);
      },
      (n) => process.stderr.write(`export: ${n} declarations\n`),
    );
    for (const s of summary.skipped) process.stdout.write(`not exported: ${s.declId}: ${s.reason}\n`);
    process.stdout.write(
      `${summary.declarations} declarations written to ${out} as ${summary.messages} WCO messages` +
        `${summary.skipped.length ? `, ${summary.skipped.length} not exported` : ""}\n`,
    );
    return 0;
  } finally {
    await pool.end();
  }
}
