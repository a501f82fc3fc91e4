// The retention job on the hand-made canonical fixture (reg_ts read from declarations.csv: D001–D003 on 2025-03-03,
// D006 on 2025-03-28, D004 on 2025-03-31, D005 on 2025-04-01). With "today" 2025-04-10 and 12 days the cutoff is
// 2025-03-29: D001, D002, D003 and D006 lose their identities, D004 and D005 keep them. The pseudonyms PostgreSQL
// writes are checked against the HMAC computed here in Node; a contract evaluation and a case's evidence are
// byte-for-byte untouched; a second run changes nothing; old views are deleted; the run is audited.
import crypto from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { runRetention, RETENTION_PURPOSE } from "@/lib/privacy/run-retention";
import { saveRetentionSettings } from "@/lib/privacy/retention-settings";
import { pseudonymKey } from "@/lib/privacy/pseudonym-key";
import { clearClearanceData, clearanceDigest } from "@/tests/support/clearance-db";

const TODAY = new Date("2025-04-10T12:00:00Z");
const hmac = (kind: "broker" | "importer" | "officer", id: string) =>
  ({ broker: "B", importer: "I", officer: "O" })[kind] +
  crypto
    .createHmac("sha256", pseudonymKey())
    .update(`${RETENTION_PURPOSE}\u0000${kind}\u0000${id}`)
    .digest("hex")
    .slice(0, 16);

const run = crypto.randomBytes(3).toString("hex");
let adminId = "";

async function frozen() {
  const { rows } = await pool.query(
    `SELECT (SELECT string_agg(e::text, '|' ORDER BY id) FROM case_evidence e) AS evidence,
            (SELECT string_agg(c::text, '|' ORDER BY id) FROM contract_evaluations c) AS evaluations`,
  );
  return rows[0];
}

async function declarations() {
  const { rows } = await pool.query(
    `SELECT decl_id, broker_id, importer_id, assessing_officer_id FROM declarations ORDER BY decl_id`,
  );
  return rows;
}

describe("retention", () => {
  let original: Record<string, unknown>[] = [];
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM view_log");
    await runImportBatch(
      await createImportBatch({ kind: "CANONICAL", sourcePath: path.resolve("tests/fixtures/canonical-small") }),
    );
    original = await declarations();
    adminId = (
      await db.user.create({
        data: { email: `ret-${run}@test.local`, name: "Ret Admin", role: "ADMIN", passwordHash: "x" },
      })
    ).id;
    // A frozen contract evaluation of OF001 and a case whose evidence holds D002.
    const { rows: contract } = await pool.query(
      `INSERT INTO contracts (contract_no, title, principal_id, party_type, party_officer_id, office_code, period_from,
          period_to, created_by_id)
       VALUES (9001, 'Retention test', $1, 'OFFICER', 'OF001', 'CMDLA1', '2025-01-01', '2025-03-31', $1) RETURNING id`,
      [adminId],
    );
    await pool.query(
      `INSERT INTO contract_evaluations (contract_id, period_from, period_to, scorecard, inputs_hash, decision, comments,
          evaluator_id)
       VALUES ($1, '2025-01-01', '2025-03-31', '{"officer":"OF001","broker":"BR01"}', 'abc', 'NO_ACTION', 'ok', $2)`,
      [contract[0].id, adminId],
    );
    const { rows: flag } = await pool.query(
      `INSERT INTO flags (method, subject_type, subject_id, period_from, period_to, score, n, stats, rule, office_code)
       VALUES ('OUTLIER', 'officer', 'OF001', '2025-03-01', '2025-03-31', 3, 5, '{}', '{}', 'CMDLA1') RETURNING id`,
    );
    const { rows: kase } = await pool.query(
      `INSERT INTO cases (title, office_code, opened_by_id, updated_at) VALUES ('Retention case', 'CMDLA1', $1, now())
       RETURNING id`,
      [adminId],
    );
    await pool.query(
      `INSERT INTO case_evidence (case_id, flag_id, snapshot, sha256, declaration_count, captured_by_id)
       VALUES ($1, $2, '{"goods":{"D002":{"itemNo":1}},"declarations":[{"decl_id":"D002","broker_id":"BR01"}]}',
               'feedface', 1, $3)`,
      [kase[0].id, flag[0].id, adminId],
    );
    await pool.query(
      `INSERT INTO view_log (viewed_at, officer_id, what, source, viewer_label, event_id)
       VALUES ('2025-01-01T10:00:00Z', 'OF001', 'drilldown', '/explore/kpi', 'Old viewer', 'old-1'),
              ('2025-04-09T10:00:00Z', 'OF001', 'drilldown', '/explore/kpi', 'Recent viewer', 'new-1')`,
    );
  });
  // Case evidence is append-only (and holds its case): the case, like its author, stays in the test database.
  afterAll(async () => {
    await pool.query("DELETE FROM contracts WHERE contract_no = 9001");
    await db.$disconnect();
  });

  it("pseudonymises the declarations before the cutoff with the keyed HMAC, leaves the rest, the evaluations and the evidence", async () => {
    await saveRetentionSettings(
      { declarationDataDays: 12, declarationAction: "pseudonymise", viewLogDays: 30 },
      adminId,
    );
    const before = await frozen();
    const outcome = await runRetention({ actorId: adminId, today: TODAY });
    expect(outcome).toMatchObject({ cutoff: "2025-03-29", declarations: 4, deleted: 0, views: 1 });
    const due = new Set(["D001", "D002", "D003", "D006"]);
    const expected = original.map((d) =>
      due.has(d.decl_id as string)
        ? {
            decl_id: d.decl_id,
            broker_id: d.broker_id === null ? null : hmac("broker", d.broker_id as string),
            importer_id: d.importer_id === null ? null : hmac("importer", d.importer_id as string),
            assessing_officer_id:
              d.assessing_officer_id === null ? null : hmac("officer", d.assessing_officer_id as string),
          }
        : d,
    );
    expect(await declarations()).toEqual(expected);
    const { rows: events } = await pool.query(
      `SELECT DISTINCT officer_id FROM events WHERE decl_id = 'D001' AND officer_id IS NOT NULL`,
    );
    expect(events).toEqual([{ officer_id: hmac("officer", "OF001") }]);
    const { rows: inspected } = await pool.query(`SELECT decl_id, inspector_id FROM inspections ORDER BY decl_id`);
    expect(inspected).toEqual([
      { decl_id: "D003", inspector_id: hmac("officer", "OF002") },
      { decl_id: "D004", inspector_id: "OF003" },
    ]);
    expect(await frozen()).toEqual(before);
    const { rows: views } = await pool.query(`SELECT viewer_label FROM view_log`);
    expect(views).toEqual([{ viewer_label: "Recent viewer" }]);
    const { rows: audit } = await pool.query(
      `SELECT data FROM audit_log WHERE action = 'retention.run' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0].data).toMatchObject({
      declarationCutoff: "2025-03-29",
      pseudonymised: 4,
      deleted: 0,
      viewsDeleted: 1,
    });
  });

  it("changes nothing when run again", async () => {
    const digest = await clearanceDigest();
    const outcome = await runRetention({ actorId: adminId, today: TODAY });
    expect(outcome).toMatchObject({ declarations: 0, deleted: 0, views: 0 });
    expect(await clearanceDigest()).toBe(digest);
  });

  it("deletes what is due when told to, but keeps (pseudonymised) a declaration a case holds as evidence", async () => {
    await saveRetentionSettings({ declarationDataDays: 12, declarationAction: "delete", viewLogDays: null }, adminId);
    const before = await frozen();
    const outcome = await runRetention({ actorId: adminId, today: TODAY });
    expect(outcome).toMatchObject({ deleted: 3 });
    const { rows } = await pool.query(`SELECT decl_id FROM declarations ORDER BY decl_id`);
    expect(rows.map((r) => r.decl_id)).toEqual(["D002", "D004", "D005"]);
    const { rows: items } = await pool.query(`SELECT DISTINCT decl_id FROM items ORDER BY decl_id`);
    expect(items.map((r) => r.decl_id).filter((d: string) => ["D001", "D003", "D006"].includes(d))).toEqual([]);
    expect(await frozen()).toEqual(before);
  });
});
