// The portal's own connection (the least-privileged role the test setup grants, as npm run demo does) may append to
// the audit log but is refused every statement that would change or hide it; the owner's connection is the one that
// runs migrations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";

const appUrl = process.env.PMC_APP_DATABASE_URL!;
let app: pg.Client;

async function refusal(sql: string): Promise<string | undefined> {
  try {
    await app.query(sql);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

beforeAll(async () => {
  expect(appUrl, "the integration setup hands the app role's URL to the tests").toBeTruthy();
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
});

describe("the portal's database role", () => {
  it("is not the owner and not a superuser", async () => {
    const { rows } = await app.query<{ usesuper: boolean; owner: string; me: string }>(
      `SELECT usesuper, current_user AS me, pg_get_userbyid(c.relowner) AS owner
         FROM pg_user, pg_class c WHERE usename = current_user AND c.relname = 'audit_log'`,
    );
    expect(rows[0]!.usesuper).toBe(false);
    expect(rows[0]!.owner).not.toBe(rows[0]!.me);
  });

  it("appends to the audit log and reads it", async () => {
    const { rows } = await app.query<{ id: string }>(
      `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.append', 'test', 'role') RETURNING id::text`,
    );
    const read = await app.query("SELECT action FROM audit_log WHERE id = $1", [rows[0]!.id]);
    expect(read.rows).toEqual([{ action: "test.append" }]);
  });

  it("is refused UPDATE, DELETE and TRUNCATE of the audit log, and any change to its triggers", async () => {
    const statements = [
      "UPDATE audit_log SET action = 'forged'",
      "DELETE FROM audit_log",
      "TRUNCATE audit_log",
      "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete",
      "ALTER TABLE audit_log DISABLE TRIGGER ALL",
      "DROP TRIGGER audit_log_no_update_delete ON audit_log",
      "DROP TRIGGER audit_log_no_truncate ON audit_log",
      "CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
      "SET session_replication_role = replica",
      "DROP TABLE audit_log",
      "CREATE TABLE intruder (x int)",
    ];
    const codes: Record<string, string | undefined> = {};
    for (const sql of statements) codes[sql] = await refusal(sql);
    // 42501: insufficient privilege; 42883/42P01 would mean the statement reached nothing, which is not a proof.
    for (const sql of statements) expect(codes[sql], sql).toBe("42501");
  });

  it("can still create the monthly partitions an import needs, through the owner's function", async () => {
    await app.query("SELECT ensure_declaration_partitions('2031-01-05', '2031-02-10')");
    const { rows } = await app.query<{ relname: string }>(
      "SELECT relname FROM pg_class WHERE relname IN ('declarations_2031_01', 'declarations_2031_02') ORDER BY 1",
    );
    expect(rows.map((r) => r.relname)).toEqual(["declarations_2031_01", "declarations_2031_02"]);
  });
});
