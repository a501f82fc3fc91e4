// Child process of bench/wco-import.ts: writes every declaration of the database as WCO messages into a folder.
import fs from "node:fs/promises";
import path from "node:path";
import { exportWco } from "@/lib/wco/export-wco";
import { pool } from "@/lib/pg";

const out = process.argv[2]!;
const made = new Set<string>();
const summary = await exportWco(
  { from: "2000-01-01", to: "2100-12-31", pseudonymPurpose: null, officeCode: null },
  async (file, xml) => {
    const target = path.join(out, file);
    if (!made.has(path.dirname(target))) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      made.add(path.dirname(target));
    }
    await fs.writeFile(target, xml);
  },
);
process.stdout.write(JSON.stringify(summary) + "\n");
await pool.end();
