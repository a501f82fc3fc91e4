// Import of Korea Customs Service synthetic declarations (docs/data-format.md, "The KCS synthetic CSV" mapping). The
// fixture is
// the first 29 rows of df_syn_train_eng.csv plus one row with an impossible date.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { clearClearanceData } from "@/tests/support/clearance-db";

const FILE = path.resolve("tests/fixtures/kcs-small/kcs-small.csv");

describe("KCS import", () => {
  beforeAll(clearClearanceData);
  afterAll(async () => {
    await db.$disconnect();
  });

  it("maps each row to a declaration with one item and one inspection", async () => {
    const batchId = await createImportBatch({ kind: "KCS", sourcePath: FILE });
    const outcome = await runImportBatch(batchId);
    expect(outcome.files["declarations.csv"]).toMatchObject({ read: 30, accepted: 29, rejected: 1 });
    expect(outcome.files["items.csv"]).toMatchObject({ accepted: 29 });
    expect(outcome.files["inspections.csv"]).toMatchObject({ accepted: 29 });

    const { rows: rejected } = await pool.query(
      `SELECT file, line, "column", reason FROM import_rejected_rows WHERE batch_id = $1`,
      [batchId],
    );
    expect(rejected).toEqual([
      { file: "kcs-small.csv", line: 31, column: "Date", reason: 'not a date YYYY-MM-DD: "2020-13-01"' },
    ]);

    // Row 2 of the file: 97061800,2020-01-01,30,…,ZZR1LT6,QLRUBN9,…,440890,BE,BE,0.0,…,108.0,372254.4,0,0
    const { rows } = await pool.query(
      `SELECT d.office_code, d.broker_id, d.importer_id, d.export_country, d.reg_ts, d.lane_initial, d.lane_final,
              d.value_initial, i.hs6, i.origin_country, i.net_kg, i.cif_value, i.taxes, x.result, x.offence_code
         FROM declarations d JOIN items i USING (decl_id) JOIN inspections x USING (decl_id)
        WHERE d.decl_id = '97061800'`,
    );
    expect(rows[0]).toEqual({
      office_code: "30",
      broker_id: "ZZR1LT6",
      importer_id: "QLRUBN9",
      export_country: "BE",
      reg_ts: "2020-01-01 00:00:00",
      lane_initial: "R",
      lane_final: "R",
      value_initial: "372254.40",
      hs6: "440890",
      origin_country: "BE",
      net_kg: "108.000",
      cif_value: "372254.40",
      taxes: "0.00",
      result: "no_offence",
      offence_code: null,
    });
    // 85945189: Tax Rate 8.0, Item Price 375751.2 → taxes 30060.10 (8 % of the price, rounded to the cent).
    const { rows: taxed } = await pool.query(`SELECT taxes FROM items WHERE decl_id = '85945189'`);
    expect(taxed[0].taxes).toBe("30060.10");
    // Fraud = 1 rows become offences; Critical Fraud = 1 adds offence_code CRITICAL.
    const { rows: offences } = await pool.query(
      `SELECT count(*) FILTER (WHERE result = 'offence')::int AS offences,
              count(*) FILTER (WHERE offence_code = 'CRITICAL')::int AS critical FROM inspections`,
    );
    expect(offences[0]).toEqual({ offences: 5, critical: 5 });
  });
});
