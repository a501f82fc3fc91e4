// Import of the hand-made canonical folder tests/fixtures/canonical-small: every expected count and every planted
// bad row below was worked out by reading the fixture files, not by running the importer.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { clearClearanceData, clearanceDigest, tableCounts } from "@/tests/support/clearance-db";
import { zipFolder } from "@/tests/support/zip-folder";

const FIXTURE = path.resolve("tests/fixtures/canonical-small");

async function importFolder(location: string) {
  const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: location });
  return { batchId, outcome: await runImportBatch(batchId) };
}

async function rejectedRows(batchId: number) {
  const { rows } = await pool.query<{ file: string; line: number; column: string | null; reason: string }>(
    `SELECT file, line, "column", reason FROM import_rejected_rows WHERE batch_id = $1 ORDER BY file, line`,
    [batchId],
  );
  return rows;
}

describe("canonical import of a small hand-made folder", () => {
  beforeAll(clearClearanceData);
  afterAll(async () => {
    await db.$disconnect();
  });

  let firstBatch = 0;

  it("keeps the valid rows and counts them per file", async () => {
    const { batchId, outcome } = await importFolder(FIXTURE);
    firstBatch = batchId;
    const counts = Object.fromEntries(
      Object.entries(outcome.files).map(([f, c]) => [
        f,
        { accepted: c.accepted, rejected: c.rejected, inserted: c.inserted },
      ]),
    );
    expect(counts).toEqual({
      "offices.csv": { accepted: 2, rejected: 1, inserted: 2 },
      "officers.csv": { accepted: 4, rejected: 1, inserted: 4 },
      "declarations.csv": { accepted: 6, rejected: 7, inserted: 6 },
      "items.csv": { accepted: 6, rejected: 4, inserted: 6 },
      "inspections.csv": { accepted: 2, rejected: 1, inserted: 2 },
      "events.csv": { accepted: 12, rejected: 1, inserted: 12 },
      "holidays.csv": { accepted: 3, rejected: 0, inserted: 3 },
      "exchange_rates.csv": { accepted: 1, rejected: 0, inserted: 1 },
      "mirror_exports.csv": { accepted: 2, rejected: 0, inserted: 2 },
    });
    expect(outcome.files["declarations.csv"]!.warnings).toEqual(["unknown columns ignored: remarks"]);
    expect(await tableCounts()).toMatchObject({
      offices: 2,
      officers: 4,
      declarations: 6,
      items: 6,
      inspections: 2,
      events: 12,
      // BR01–BR04 and IMP01–IMP04 are named by the accepted declarations (D005 has no importer).
      brokers: 4,
      importers: 4,
      holidays: 3,
      exchange_rates: 1,
      mirror_exports: 2,
    });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.status).toBe("SUCCEEDED");
    expect(batch.progress).toBe(100);
  });

  it("rejects exactly the planted bad rows, naming file, line, column and reason", async () => {
    const rows = await rejectedRows(firstBatch);
    const summary = rows.map((r) => `${r.file}:${r.line}:${r.column ?? "-"}`);
    expect(summary).toEqual([
      "declarations.csv:8:lane_initial",
      "declarations.csv:9:asmt_ts",
      "declarations.csv:10:assessing_officer_id",
      "declarations.csv:11:reg_ts",
      "declarations.csv:12:-",
      "declarations.csv:13:decl_id",
      "declarations.csv:14:value_initial",
      "events.csv:14:action",
      "inspections.csv:4:result",
      "items.csv:8:net_kg",
      "items.csv:9:decl_id",
      "items.csv:10:hs_code",
      "items.csv:11:decl_id",
      "officers.csv:6:office_code",
      "offices.csv:4:workdays",
    ]);
    const reason = (file: string, line: number) => rows.find((r) => r.file === file && r.line === line)!.reason;
    expect(reason("declarations.csv", 8)).toMatch(/"X" is not one of G, B, Y, R/);
    expect(reason("declarations.csv", 9)).toBe("reg_ts is after asmt_ts");
    expect(reason("declarations.csv", 10)).toMatch(/unknown assessing_officer_id "OF777"/);
    expect(reason("declarations.csv", 11)).toMatch(/UTC offset/);
    expect(reason("declarations.csv", 12)).toMatch(/too few fields/);
    expect(reason("declarations.csv", 13)).toMatch(/duplicate key.*line 2/);
    expect(reason("declarations.csv", 14)).toMatch(/at most 2 decimals/);
    expect(reason("items.csv", 8)).toMatch(/negative/);
    expect(reason("items.csv", 9)).toMatch(/unknown decl_id "D999"/);
    expect(reason("items.csv", 10)).toMatch(/6 to 10 digits/);
    // D007 itself was rejected (line 8), so its item is rejected for that reason, traced to that line.
    expect(reason("items.csv", 11)).toBe(
      'rejected only because declarations.csv line 8 was rejected: "X" is not one of G, B, Y, R',
    );
    expect(reason("officers.csv", 6)).toMatch(/unknown office_code "XXXX99"/);
  });

  it("stores values as given: local timestamps, T separator, hs6, holidays for every office", async () => {
    const { rows } = await pool.query(
      `SELECT d.decl_id, d.asmt_ts, d.value_final, i.hs6, i.hs_code
         FROM declarations d JOIN items i USING (decl_id) WHERE d.decl_id = 'D002' AND i.item_no = 1`,
    );
    expect(rows[0]).toMatchObject({
      asmt_ts: "2025-03-04 09:30:00",
      value_final: "2000000.50",
      hs6: "220421",
      hs_code: "2204210010",
    });
    const holidays = await pool.query(`SELECT office_code FROM holidays ORDER BY date`);
    expect(holidays.rows.map((r) => r.office_code)).toEqual(["", "CMDLA5", ""]);
  });

  it("reports suspicious sequences it accepted", async () => {
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: firstBatch } });
    const quality = batch.quality as {
      declarations: number;
      sequences: { check: string; count: number; examples: string[] }[];
    };
    expect(quality.declarations).toBe(6);
    const byCheck = Object.fromEntries(quality.sequences.map((s) => [s.check, [s.count, s.examples]]));
    expect(byCheck).toEqual({
      release_before_payment: [1, ["D006"]],
      payment_before_assessment: [0, []],
      release_before_registration: [0, []],
      arrival_after_registration: [0, []],
      inspection_before_registration: [1, ["D004"]],
    });
  });

  it("changes nothing when the same files are imported again, as a zip", async () => {
    const before = await clearanceDigest();
    const { outcome } = await importFolder(await zipFolder(FIXTURE));
    for (const [file, c] of Object.entries(outcome.files)) {
      expect({ file, inserted: c.inserted, updated: c.updated }).toEqual({ file, inserted: 0, updated: 0 });
    }
    expect(await clearanceDigest()).toBe(before);
  });

  it("replaces a row whose key is imported again with new values", async () => {
    const dir = await copyFixture({
      "declarations.csv": (text) => text.replace("D003,CMDLA1,I,IM4,BR02", "D003,CMDLA1,I,IM7,BR02"),
    });
    const { outcome } = await importFolder(dir);
    expect(outcome.files["declarations.csv"]).toMatchObject({ accepted: 6, inserted: 0, updated: 1, unchanged: 5 });
    const { rows } = await pool.query(`SELECT regime FROM declarations WHERE decl_id = 'D003'`);
    expect(rows[0].regime).toBe("IM7");
  });

  it("moves a declaration to its new month when its registration changes, without duplicating it", async () => {
    const dir = await copyFixture({
      "declarations.csv": (text) => text.replace("2025-04-01 00:00:00,G,G,auto", "2025-03-15 00:00:00,G,G,auto"),
    });
    const { outcome } = await importFolder(dir);
    // D005 moves; D003 also changes back to the fixture's IM4 after the previous test.
    expect(outcome.files["declarations.csv"]).toMatchObject({ inserted: 0, updated: 2 });
    const { rows } = await pool.query(
      `SELECT tableoid::regclass::text AS partition, reg_ts FROM declarations WHERE decl_id = 'D005'`,
    );
    expect(rows).toEqual([{ partition: "declarations_2025_03", reg_ts: "2025-03-15 00:00:00" }]);
    await importFolder(FIXTURE);
  });

  it("leaves earlier data intact when an import fails half-way", async () => {
    const before = await clearanceDigest();
    // A database rule the import cannot know about makes its declarations upsert fail after offices and officers
    // were already written in the same transaction.
    await pool.query(`ALTER TABLE declarations ADD CONSTRAINT test_no_failme CHECK (regime IS DISTINCT FROM 'FAILME')`);
    try {
      const dir = await copyFixture({
        "offices.csv": (text) => text.replace("Douala Port I,", "Renamed office,"),
        "declarations.csv": (text) => text.replace("D001,CMDLA1,I,IM4", "D001,CMDLA1,I,FAILME"),
      });
      const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: dir });
      await expect(runImportBatch(batchId, undefined, { retry: false })).rejects.toThrow(/test_no_failme/);
      const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
      expect(batch.status).toBe("FAILED");
      expect(batch.error).toMatch(/test_no_failme/);
    } finally {
      await pool.query(`ALTER TABLE declarations DROP CONSTRAINT test_no_failme`);
    }
    expect(await clearanceDigest()).toBe(before);
  });

  it("refuses a folder without a required file, before touching anything", async () => {
    const dir = await copyFixture({}, ["events.csv"]);
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: dir });
    await expect(runImportBatch(batchId)).rejects.toThrow("required file(s) missing: events.csv");
  });

  it("fails the whole import, storing nothing, when a file lacks a required column", async () => {
    const before = await clearanceDigest();
    const dir = await copyFixture({
      "offices.csv": (text) => text.replace("Douala Port I,", "Renamed office,"),
      "inspections.csv": (text) =>
        text.replace("decl_id,inspector_id,exam_ts,result", "decl_id,inspector_id,exam_ts,outcome"),
    });
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: dir });
    await expect(runImportBatch(batchId)).rejects.toThrow("inspections.csv: missing required column(s): result");
    // Not retried: no attempt can fix the file.
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      status: "FAILED",
      error: "inspections.csv: missing required column(s): result",
      attempts: 1,
    });
    expect(await clearanceDigest()).toBe(before);
  });
});

async function copyFixture(edits: Record<string, (text: string) => string>, omit: string[] = []): Promise<string> {
  const fs = await import("node:fs/promises");
  const os = await import("node:os");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-fixture-"));
  for (const file of await fs.readdir(FIXTURE)) {
    if (omit.includes(file) || !file.endsWith(".csv")) continue;
    const text = await fs.readFile(path.join(FIXTURE, file), "utf8");
    await fs.writeFile(path.join(dir, file), edits[file] ? edits[file](text) : text);
  }
  return dir;
}
