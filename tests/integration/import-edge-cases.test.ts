// CSV files as other systems write them, through the whole import: other line endings, a stray CR, an unterminated
// quote, a missing required column, an invalid byte in a name, and a rejected row others depend on. Expected counts
// come from reading tests/fixtures/canonical-small (see tests/integration/import-canonical.test.ts) and the one
// edit each case makes to it.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import type { ImportOutcome } from "@/lib/clearance/import-pipeline";
import { closeQueue } from "@/lib/queue/enqueue";
import { clearClearanceData, clearanceDigest } from "@/tests/support/clearance-db";
import { projectRoot } from "@/tests/support/local-services";

const FIXTURE = path.resolve("tests/fixtures/canonical-small");

type Edit = (bytes: Buffer) => Buffer;
const text =
  (edit: (s: string) => string): Edit =>
  (bytes) =>
    Buffer.from(edit(bytes.toString("utf8")), "utf8");

async function copyFixture(edits: Record<string, Edit>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-edge-"));
  for (const file of await fs.readdir(FIXTURE)) {
    if (!file.endsWith(".csv")) continue;
    const bytes = await fs.readFile(path.join(FIXTURE, file));
    await fs.writeFile(path.join(dir, file), edits[file] ? edits[file](bytes) : bytes);
  }
  return dir;
}

const everyFile = async (edit: Edit) =>
  Object.fromEntries((await fs.readdir(FIXTURE)).filter((f) => f.endsWith(".csv")).map((f) => [f, edit]));

async function importFolder(dir: string) {
  const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: dir });
  return { batchId, outcome: await runImportBatch(batchId) };
}

const counts = (outcome: ImportOutcome) =>
  Object.fromEntries(Object.entries(outcome.files).map(([f, c]) => [f, [c.accepted, c.rejected]]));

async function rejected(batchId: number, file: string) {
  const { rows } = await pool.query<{ line: number; reason: string }>(
    `SELECT line, reason FROM import_rejected_rows WHERE batch_id = $1 AND file = $2 ORDER BY line`,
    [batchId, file],
  );
  return rows;
}

describe("import of CSV edge cases", () => {
  let reference: { counts: Record<string, number[]>; digest: string };

  beforeAll(async () => {
    await clearClearanceData();
    const { outcome } = await importFolder(FIXTURE);
    reference = { counts: counts(outcome), digest: await clearanceDigest({ ignore: ["import_batch_id"] }) };
  });
  afterAll(async () => {
    await closeQueue();
    await db.$disconnect();
  });

  it.each([
    ["CR-only", (s: string) => s.replace(/\n/g, "\r")],
    ["CRLF", (s: string) => s.replace(/\n/g, "\r\n")],
    ["a stray CR before each CRLF", (s: string) => s.replace(/\n/g, "\r\r\n")],
  ])("reads %s line endings as the LF files", async (_name, edit) => {
    await clearClearanceData();
    const { outcome } = await importFolder(await copyFixture(await everyFile(text(edit))));
    expect(counts(outcome)).toEqual(reference.counts);
    expect(await clearanceDigest({ ignore: ["import_batch_id"] })).toBe(reference.digest);
  });

  it("rejects only the line of an unterminated quote, saying how many lines it would swallow", async () => {
    // items.csv line 3 (D001 item 2, valid in the fixture) opens a quote it never closes.
    const dir = await copyFixture({
      "items.csv": text((s) => s.replace("D001,2,851762,Routers", 'D001,2,851762,"Routers')),
    });
    const { batchId, outcome } = await importFolder(dir);
    expect(outcome.files["items.csv"]).toMatchObject({
      accepted: reference.counts["items.csv"]![0]! - 1,
      rejected: reference.counts["items.csv"]![1]! + 1,
    });
    // 11 lines in all: the quote would have swallowed lines 4 to 11.
    expect((await rejected(batchId, "items.csv")).find((r) => r.line === 3)?.reason).toBe(
      "malformed CSV: unterminated quote: read as one field, it would swallow the next 8 lines up to the end of the file; only line 3 is rejected, the lines after it are read on their own",
    );
  });

  it("keeps an officer whose name has an invalid byte, and every row that depends on the officer", async () => {
    await clearClearanceData();
    const dir = await copyFixture({
      "officers.csv": (bytes) => {
        const at = bytes.indexOf("Awa Nkeng");
        return Buffer.concat([bytes.subarray(0, at + 6), Buffer.from([0xff]), bytes.subarray(at + 6)]);
      },
    });
    const { outcome } = await importFolder(dir);
    expect(counts(outcome)).toEqual(reference.counts);
    expect(outcome.files["officers.csv"]!.warnings).toEqual([
      "invalid UTF-8 in free text replaced by \uFFFD in 1 row(s) (first: line 2, full_name)",
    ]);
    const { rows } = await pool.query(`SELECT full_name FROM officers WHERE officer_id = 'OF001'`);
    expect(rows).toEqual([{ full_name: "Awa Nk\uFFFDeng" }]);
  });

  it("reports rows rejected only because a row they depend on was, grouped under that row", async () => {
    await clearClearanceData();
    // OF004 (officers.csv line 5) loses its office: D006 (declarations.csv line 7), which OF004 assessed, and D006's
    // item (items.csv line 7) go with it. The fixture's own D007 (line 8, lane "X") takes its item (line 11).
    const dir = await copyFixture({
      "officers.csv": text((s) => s.replace("OF004,Paul Etoa,CMDLA5,", "OF004,Paul Etoa,,")),
    });
    const { batchId, outcome } = await importFolder(dir);
    expect(outcome.files["declarations.csv"]!.dependent).toBe(1);
    expect(outcome.files["items.csv"]!.dependent).toBe(2);
    expect(outcome.quality.rejectionCauses).toEqual([
      {
        file: "officers.csv",
        line: 5,
        reason: "required value is empty",
        dependents: { "declarations.csv": 1, "items.csv": 1 },
      },
      { file: "declarations.csv", line: 8, reason: '"X" is not one of G, B, Y, R', dependents: { "items.csv": 1 } },
    ]);
    expect((await rejected(batchId, "items.csv")).find((r) => r.line === 7)?.reason).toBe(
      "rejected only because officers.csv line 5 was rejected: required value is empty",
    );
  });

  it("fails `pmc import` as a whole when declarations.csv lacks a required column: nothing stored, exit 1, the reason", async () => {
    await clearClearanceData();
    await importFolder(FIXTURE);
    const before = await clearanceDigest();
    const dir = await copyFixture({ "declarations.csv": text((s) => s.replace("lane_initial,", "lane_first,")) });
    const cli = promisify(execFile)(process.execPath, ["bin/pmc.mjs", "import", "--dir", dir], {
      cwd: projectRoot,
      env: process.env,
    });
    await expect(cli).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("pmc: declarations.csv: missing required column(s): lane_initial"),
    });
    expect(await clearanceDigest()).toBe(before);
    const { rows } = await pool.query(
      `SELECT status::text AS status, error FROM import_batches WHERE source_path = $1`,
      [path.resolve(dir)],
    );
    expect(rows).toEqual([{ status: "FAILED", error: "declarations.csv: missing required column(s): lane_initial" }]);
  });

  // events.csv is read last, while the files before it are already being merged inside the import's transaction
  // (lib/clearance/spool-files.ts): its failure must still leave everything as it was, and no spool behind.
  it("fails as a whole when events.csv, read while the earlier files are merged, lacks a required column", async () => {
    await clearClearanceData();
    await importFolder(FIXTURE);
    const before = await clearanceDigest();
    const spools = async () => (await fs.readdir(os.tmpdir())).filter((f) => f.startsWith("pmc-import-spool-"));
    const spoolsBefore = await spools();
    const dir = await copyFixture({ "events.csv": text((s) => s.replace("decl_id,ts,action,", "decl_id,ts,act,")) });
    await expect(importFolder(dir)).rejects.toThrow("events.csv: missing required column(s): action");
    expect(await clearanceDigest()).toBe(before);
    expect((await spools()).filter((f) => !spoolsBefore.includes(f))).toEqual([]);
  });
});
