// pmc db backup / restore: a backup of the test database restored into an empty database holds the same rows in
// every table (compared by digest), and a backup that does not match its sha256 is refused before anything changes.
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, tableDigests } from "@/lib/database/backup";
import { localDatabaseUrl, recreateDatabase } from "@/tests/support/local-services";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { db } from "@/lib/db";

const source = process.env.DATABASE_URL!;
const targetName = `${new URL(source).pathname.slice(1)}_restore`;
const target = localDatabaseUrl(targetName, source);
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pmc-backup-"));
  // Something in every kind of table: clearance data, an import batch, users and audit entries.
  const batchId = await createImportBatch({
    kind: "CANONICAL",
    sourcePath: path.resolve("tests/fixtures/canonical-small"),
  });
  await runImportBatch(batchId);
  await recreateDatabase(target);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("backup and restore", () => {
  it("restores into an empty database with the same digest for every table", async () => {
    const file = path.join(dir, "portal.dump");
    const { sha256, bytes } = await backupDatabase(source, file);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(bytes).toBeGreaterThan(1000);
    await restoreDatabase(target, file, { replace: false });
    const [before, after] = await Promise.all([tableDigests(source), tableDigests(target)]);
    expect(Object.keys(after).length).toBeGreaterThan(20);
    expect(before.declarations!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("refuses a damaged backup, and a database that is not empty without --yes", async () => {
    const file = path.join(dir, "portal.dump");
    await expect(restoreDatabase(target, file, { replace: false })).rejects.toThrow(/not empty/);
    await appendFile(file, "tampered");
    await expect(restoreDatabase(target, file, { replace: true })).rejects.toThrow(/does not match its digest/);
    // Nothing was dropped by the refused restore.
    expect((await tableDigests(target)).declarations!.rows).toBeGreaterThan(0);
  });
});
