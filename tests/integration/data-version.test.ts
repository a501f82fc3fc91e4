// The portal's data version, the page cache's key (docs/decisions/026-rendered-page-cache.md): moved once by every
// committed transaction that changes what pages show, at its commit; left alone by reads, audit entries, password
// changes, job progress, statements that match no row, rolled-back work and writes in other databases of the
// same server.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeAudit } from "@/lib/audit";
import { readDataVersion } from "@/lib/page-cache/data-version";

const version = async () => Number(await readDataVersion());

async function movedBy(change: () => Promise<unknown>): Promise<number> {
  const before = await version();
  await change();
  return (await version()) - before;
}

// Tables whose writes must not empty the page cache (or that are the version itself), and those that move it only
// through some columns. Any other table of the schema must move it on every write.
// The job bookkeeping (job_runs, database_identity) is not what the pages show: the results the jobs store are.
const UNTRACKED = [
  "_prisma_migrations",
  "audit_log",
  "data_version",
  "data_version_marks",
  "job_runs",
  "database_identity",
  "view_log",
];
const BY_COLUMN: Record<string, string[]> = {
  users: ["active", "email", "integrity_access", "locale", "name", "office_code", "officer_id", "role"],
  import_batches: ["status"],
  analysis_runs: ["status"],
};

afterAll(async () => {
  await db.$disconnect();
});

describe("data version", () => {
  it("has a trigger on every table of the schema but the audit log and its own bookkeeping", async () => {
    const { rows } = await pool.query<{ table: string; events: string[]; columns: string[] | null }>(`
      SELECT c.relname AS table,
             array_agg(DISTINCT ev) AS events,
             array_agg(DISTINCT a.attname::text ORDER BY a.attname::text) FILTER (WHERE a.attname IS NOT NULL) AS columns
        FROM pg_class c
        LEFT JOIN pg_trigger t ON t.tgrelid = c.oid
                              AND t.tgfoid IN ('note_data_change'::regproc, 'note_data_change_of_rows'::regproc)
        LEFT JOIN LATERAL unnest(ARRAY[
               CASE WHEN t.tgtype & 4 <> 0 THEN 'INSERT' END, CASE WHEN t.tgtype & 8 <> 0 THEN 'DELETE' END,
               CASE WHEN t.tgtype & 16 <> 0 AND cardinality(t.tgattr::int2[]) = 0 THEN 'UPDATE' END,
               CASE WHEN t.tgtype & 32 <> 0 THEN 'TRUNCATE' END]) ev ON true
        LEFT JOIN LATERAL unnest(t.tgattr::int2[]) k ON true
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k
       WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       GROUP BY c.relname`);
    expect(rows.length).toBeGreaterThan(30);
    for (const { table, events, columns } of rows) {
      const present = events.filter(Boolean).sort();
      if (UNTRACKED.includes(table)) {
        expect(present, table).toEqual([]);
      } else if (BY_COLUMN[table]) {
        expect(present, table).toEqual(["DELETE", "INSERT", "TRUNCATE"]);
        expect(columns, table).toEqual(BY_COLUMN[table]);
      } else {
        expect(present, `${table} moves the data version on every write`).toEqual([
          "DELETE",
          "INSERT",
          "TRUNCATE",
          "UPDATE",
        ]);
      }
    }
  });

  it("moves once per committed transaction, however many statements it has, and not before the commit", async () => {
    const office = { office_code: "DVTEST", name: "Data version test" };
    const other = new pg.Client({ connectionString: env.DATABASE_URL });
    await other.connect();
    try {
      const before = await version();
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES ($1, $2, '08:00', '16:00', '{1,2,3,4,5}')`,
        [office.office_code, office.name],
      );
      await other.query(`UPDATE offices SET name = name || ' (2)' WHERE office_code = $1`, [office.office_code]);
      expect(await version()).toBe(before);
      await other.query("COMMIT");
      expect(await version()).toBe(before + 1);

      expect(
        await movedBy(() => pool.query(`UPDATE offices SET name = 'nobody' WHERE office_code = 'NO-SUCH-OFFICE'`)),
        "an update that matches no row",
      ).toBe(0);
      expect(
        await movedBy(() => pool.query(`DELETE FROM kpi_results WHERE subject_id = 'NO-SUCH-SUBJECT'`)),
        "a delete that matches no row",
      ).toBe(0);
      expect(
        await movedBy(async () => {
          await other.query("BEGIN");
          await other.query(`UPDATE offices SET name = 'rolled back' WHERE office_code = $1`, [office.office_code]);
          await other.query("ROLLBACK");
        }),
      ).toBe(0);
      expect(await movedBy(() => pool.query(`DELETE FROM offices WHERE office_code = $1`, [office.office_code]))).toBe(
        1,
      );
    } finally {
      await other.end();
    }
  });

  it("is left alone by reads, audit entries, password changes, job progress and other databases", async () => {
    const user = await db.user.create({
      data: { email: "data-version@pmc.test", name: "Data version", passwordHash: "x", role: "MANAGER" },
    });
    const batch = await db.importBatch.create({
      data: { kind: "CANONICAL", sourceName: "dv", sourcePath: "/dev/null", sha256: "dv" },
    });
    try {
      expect(await movedBy(() => pool.query("SELECT count(*) FROM declarations"))).toBe(0);
      expect(
        await movedBy(() =>
          writeAudit({ actorId: user.id, action: "test.viewed", entityType: "user", entityId: user.id }),
        ),
      ).toBe(0);
      expect(await movedBy(() => db.user.update({ where: { id: user.id }, data: { passwordHash: "y" } }))).toBe(0);
      expect(
        await movedBy(() =>
          db.importBatch.update({ where: { id: batch.id }, data: { progress: 42, phase: "reading" } }),
        ),
      ).toBe(0);
      const postgres = new pg.Client({ connectionString: env.DATABASE_URL.replace(/\/[^/?]+(\?|$)/, "/postgres$1") });
      await postgres.connect();
      try {
        expect(await movedBy(() => postgres.query("SELECT txid_current()"))).toBe(0);
      } finally {
        await postgres.end();
      }

      expect(await movedBy(() => db.user.update({ where: { id: user.id }, data: { role: "INTEGRITY" } }))).toBe(1);
      expect(await movedBy(() => db.importBatch.update({ where: { id: batch.id }, data: { status: "FAILED" } }))).toBe(
        1,
      );
    } finally {
      await db.importBatch.delete({ where: { id: batch.id } });
      await db.user.delete({ where: { id: user.id } });
    }
  });
});
