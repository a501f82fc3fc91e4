// A first load large enough for the import's bulk path (over 50,000 rows in one table), run as the portal's
// least-privileged role, as the worker imports an upload, and as the tables' owner. Both copy each clean file
// straight into its empty table (lib/clearance/straight-load.ts); rebuilding the indexes after the load is the
// owner's alone, so the portal's role loads with the indexes in place. Both must store, and reject, exactly the
// same rows, including when a file falls back to its staging table.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { closeQueue } from "@/lib/queue/enqueue";
import { generateDataset } from "@/tools/generator/generate-dataset";
import { clearClearanceData, clearanceDigest } from "@/tests/support/clearance-db";
import { clearQueuedJobs } from "@/tests/support/clear-jobs";
import { projectRoot } from "@/tests/support/local-services";

const appUrl = process.env.PMC_APP_DATABASE_URL!;
let dataset = "";

// The owner's import in this process, as the worker runs it: its outcome holds the import's profile.
const ownerImport = async () => runImportBatch(await createImportBatch({ kind: "CANONICAL", sourcePath: dataset }));

async function pmcImport(databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["bin/pmc.mjs", "import", "--dir", dataset], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

// The rejected rows of the latest import, as the user downloads them.
const latestRejections = async () =>
  (
    await pool.query<{ r: string }>(
      `SELECT concat_ws(' | ', file, line, "column", reason, "values"::text) AS r FROM import_rejected_rows
        WHERE batch_id = (SELECT max(id) FROM import_batches) ORDER BY file, line`,
    )
  ).rows.map((row) => row.r);

const eventIndexes = async () =>
  (await pool.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY 1`))
    .rows;

beforeAll(async () => {
  expect(appUrl, "the integration setup hands the app role's URL to the tests").toBeTruthy();
  dataset = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-app-role-import-"));
  await generateDataset({ outDir: dataset, declarations: 12_000, seed: 23, from: "2025-01-01", to: "2025-03-31" });
  await clearQueuedJobs();
}, 180_000);

afterAll(async () => {
  await clearQueuedJobs();
  await clearClearanceData();
  await closeQueue();
  await fs.rm(dataset, { recursive: true, force: true });
});

describe("a first bulk load by the portal's own role", () => {
  it("succeeds with the indexes in place and stores what the owner's import stores", async () => {
    const indexes = await eventIndexes();
    await clearClearanceData();
    await pmcImport(appUrl);
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
    expect(rows[0]!.n).toBeGreaterThan(50_000);
    expect(await eventIndexes()).toEqual(indexes);
    const asApp = await clearanceDigest({ ignore: ["import_batch_id"] });

    // The owner's first load writes the large files once, straight into their tables (lib/clearance/straight-load.ts).
    await clearClearanceData();
    const { profile } = await ownerImport();
    expect(profile?.["writing rows straight into the tables"]).toBeGreaterThan(0);
    expect(await eventIndexes()).toEqual(indexes);
    expect(await clearanceDigest({ ignore: ["import_batch_id"] })).toBe(asApp);
  }, 300_000);

  // A straight load finds duplicate keys by the primary key (rebuilt by the owner, kept by the portal's role) or, for
  // declarations, whose primary key adds reg_ts, by grouping; the file is then merged again through its staging
  // table with the duplicate check, which names each duplicate line.
  it("rejects duplicate keys of a bulk-loaded file on both paths, naming their lines", async () => {
    const events = path.join(dataset, "events.csv");
    const declarations = path.join(dataset, "declarations.csv");
    const original = await fs.readFile(events, "utf8");
    const originalDeclarations = await fs.readFile(declarations, "utf8");
    const lines = original.trimEnd().split("\n");
    // Line 3 again after line 2000, and line 2000 again at the end: two duplicates, far from their first lines.
    await fs.writeFile(
      events,
      [...lines.slice(0, 2000), lines[2]!, ...lines.slice(2000), lines[1999]!].join("\n") + "\n",
    );
    // A declaration again at the end, registered at its arrival: its decl_id repeats, but not the declarations
    // table's primary key (decl_id, reg_ts), which a straight load would keep.
    const declarationLines = originalDeclarations.trimEnd().split("\n");
    const header = declarationLines[0]!.split(",");
    const again = declarationLines[10]!.split(",");
    again[header.indexOf("reg_ts")] = again[header.indexOf("arrival_ts")]!;
    await fs.writeFile(declarations, [...declarationLines, again.join(",")].join("\n") + "\n");
    try {
      const indexes = await eventIndexes();
      await clearClearanceData();
      const asApp = { printed: await pmcImport(appUrl), rejected: await latestRejections() };
      const stored = await clearanceDigest({ ignore: ["import_batch_id"] });
      expect(asApp.rejected.map((r) => r.split(" | ").slice(0, 2).join(":"))).toEqual([
        `declarations.csv:${declarationLines.length + 1}`,
        "events.csv:2001",
        `events.csv:${lines.length + 2}`,
      ]);
      expect(asApp.rejected.every((r) => r.includes("duplicate key"))).toBe(true);

      await clearClearanceData();
      const asOwner = { printed: await pmcImport(process.env.DATABASE_URL!), rejected: await latestRejections() };
      expect(asOwner).toEqual(asApp);
      expect(await clearanceDigest({ ignore: ["import_batch_id"] })).toBe(stored);
      expect(await eventIndexes()).toEqual(indexes);
    } finally {
      await fs.writeFile(events, original);
      await fs.writeFile(declarations, originalDeclarations);
    }
  }, 300_000);

  // A file loaded straight into its table that names an unknown declaration, or one rejected while reading, is
  // taken back and merged through its staging table: the rejections name the same lines as on the checked path.
  it("rejects unknown and dependent references of a bulk-loaded file on both paths, naming their lines", async () => {
    const files = ["declarations.csv", "events.csv"].map((f) => path.join(dataset, f));
    const originals = await Promise.all(files.map((f) => fs.readFile(f, "utf8")));
    const [declarations, events] = originals.map((text) => text.trimEnd().split("\n"));
    // Line 500's reg_ts is not a timestamp: its items and events depend on a rejected row.
    const broken = declarations![499]!.split(",");
    const regTs = declarations![0]!.split(",").indexOf("reg_ts");
    broken[regTs] = "not a time";
    const rejectedDecl = broken[0]!;
    declarations![499] = broken.join(",");
    events!.splice(3000, 0, "NO-SUCH-DECLARATION,2025-02-03 10:00:00,register,,,");
    await fs.writeFile(files[0]!, declarations!.join("\n") + "\n");
    await fs.writeFile(files[1]!, events!.join("\n") + "\n");
    try {
      await clearClearanceData();
      await pmcImport(appUrl);
      const asApp = await latestRejections();
      const stored = await clearanceDigest({ ignore: ["import_batch_id"] });
      expect(asApp.some((r) => r.startsWith("events.csv | 3001 | decl_id | unknown decl_id"))).toBe(true);
      const dependent = asApp.filter((r) => r.includes(rejectedDecl) && !r.startsWith("declarations.csv"));
      expect(dependent.length).toBeGreaterThan(1);
      expect(dependent.some((r) => r.startsWith("items.csv"))).toBe(true);

      await clearClearanceData();
      await ownerImport();
      expect(await latestRejections()).toEqual(asApp);
      expect(await clearanceDigest({ ignore: ["import_batch_id"] })).toBe(stored);
    } finally {
      await Promise.all(files.map((f, i) => fs.writeFile(f, originals[i]!)));
    }
  }, 300_000);
});
