// WCO Data Model import (docs/data-format.md, "WCO Data Model messages") on the public samples. The expected values
// below were read from the sample files by hand (TT_IM001a's declaration and notifications, TT_IM017a's control
// notifications, TT_IM001b's rejection), and the set of MRNs is checked against the acceptances found by a plain
// text search of the files, not by the importer's parser.
import { WCO_SAMPLES_DIR, wcoDataMissing } from "@/tests/support/wco-data";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { clearClearanceData, clearanceDigest } from "@/tests/support/clearance-db";

async function importWcoFolder(location: string) {
  const batchId = await createImportBatch({ kind: "WCO", sourcePath: location });
  return { batchId, outcome: await runImportBatch(batchId) };
}

async function rejections(batchId: number) {
  const { rows } = await pool.query<{ file: string; line: number; column: string; reason: string }>(
    `SELECT "values"->>'file' AS file, line, "column", reason FROM import_rejected_rows WHERE batch_id = $1 ORDER BY id`,
    [batchId],
  );
  return rows;
}

function xmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? xmlFiles(full) : /\.xml$/i.test(e.name) ? [full] : [];
  });
}

async function clearAll() {
  await clearClearanceData();
  await pool.query("DELETE FROM wco_messages");
}

const IM001A = path.join(WCO_SAMPLES_DIR, "TT_IM001a");
const IM001A_MRN = "24GB22WOA1EV2P6AR5";

describe.skipIf(wcoDataMissing())("WCO import", () => {
  let tmp = "";
  beforeAll(async () => {
    await clearAll();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-wco-"));
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await db.$disconnect();
  });

  const copy = (folder: string, files: string[]) => {
    fs.mkdirSync(folder, { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(IM001A, f), path.join(folder, path.basename(f)));
    return folder;
  };

  it("waits for the acceptance, then registers, then completes the declaration as notifications arrive", async () => {
    // The declaration alone: not registered (no MRN, no registration time yet).
    const first = await importWcoFolder(copy(path.join(tmp, "a"), ["Step1_TT_IM001a.xml"]));
    expect(first.outcome.files["declarations.csv"]?.accepted).toBe(0);
    expect(first.outcome.files["WCO messages"]?.warnings[1]).toMatch(
      /^0 declarations registered; 1 awaiting acceptance/,
    );

    // Its acceptance and first tax calculation: registered under the MRN, assessed.
    await importWcoFolder(
      copy(path.join(tmp, "b"), ["Example_Notifications/01_DMSACC.xml", "Example_Notifications/02_DMSTAX.xml"]),
    );
    const { rows: registered } = await pool.query(
      `SELECT decl_id, reg_ts, asmt_ts, release_ts, status, taxes_final FROM declarations`,
    );
    expect(registered).toEqual([
      {
        decl_id: IM001A_MRN,
        reg_ts: "2024-02-22 10:09:38",
        asmt_ts: "2024-02-22 10:09:38",
        release_ts: null,
        status: "assessed",
        taxes_final: "224.00",
      },
    ]);

    // The clearance, imported on its own later, releases it.
    const later = await importWcoFolder(copy(path.join(tmp, "c"), ["Example_Notifications/04_DMSCLE.xml"]));
    expect(later.outcome.files["declarations.csv"]).toMatchObject({ accepted: 1, updated: 1 });
    const { rows: released } = await pool.query(`SELECT release_ts, status FROM declarations`);
    expect(released).toEqual([{ release_ts: "2024-02-22 10:09:40", status: "released" }]);
  });

  it("imports the public samples: accepted declarations under their MRN, rejected ones reported", async () => {
    await clearAll();
    const { batchId, outcome } = await importWcoFolder(WCO_SAMPLES_DIR);

    // Every registered declaration is one the customs accepted: its MRN is the ID of a DMSACC (function 01).
    const acceptedMrns = new Set<string>();
    for (const file of xmlFiles(WCO_SAMPLES_DIR)) {
      const text = fs.readFileSync(file, "utf8");
      if (!/<FunctionCode>\s*01\s*<\/FunctionCode>/.test(text)) continue;
      const id = /<Declaration>[\s\S]*?<ID>\s*([^<\s]+)\s*<\/ID>/.exec(text);
      if (id) acceptedMrns.add(id[1]!);
    }
    const { rows: declarations } = await pool.query<{ decl_id: string }>(`SELECT decl_id FROM declarations`);
    expect(declarations.length).toBe(outcome.files["declarations.csv"]!.accepted);
    expect(declarations.length).toBeGreaterThan(60);
    for (const d of declarations) expect(acceptedMrns.has(d.decl_id), d.decl_id).toBe(true);

    // TT_IM001a, as read from its files: a frontier declaration (IMA) at Wallasea Island, one item of shaver parts.
    const { rows: im001a } = await pool.query(
      `SELECT d.office_code, d.flow, d.regime, d.broker_id, d.importer_id, d.export_country, d.reg_ts, d.asmt_ts,
              d.release_ts, d.lane_initial, d.lane_final, d.value_initial, d.value_final, d.taxes_initial,
              d.taxes_final, d.status, d.assessing_officer_id, i.item_no, i.hs_code, i.hs6, i.origin_country,
              i.net_kg, i.gross_kg, i.cif_value, i.taxes
         FROM declarations d JOIN items i USING (decl_id) WHERE d.decl_id = $1`,
      [IM001A_MRN],
    );
    expect(im001a).toEqual([
      {
        office_code: "WLALONBTW",
        flow: "I",
        regime: "IMA",
        broker_id: "GB603202734852",
        importer_id: "GB553202734852",
        export_country: "US",
        reg_ts: "2024-02-22 10:09:38",
        // The second DMSTAX (10:09:39) is the last assessment; the DMSCLE (10:09:40) the release.
        asmt_ts: "2024-02-22 10:09:39",
        release_ts: "2024-02-22 10:09:40",
        lane_initial: "G",
        lane_final: "G",
        value_initial: "1000.00",
        value_final: "1000.00",
        // Customs duty A00 20.00 + VAT B00 204.00.
        taxes_initial: "224.00",
        taxes_final: "224.00",
        status: "released",
        assessing_officer_id: null,
        item_no: 1,
        hs_code: "85109000",
        hs6: "851090",
        origin_country: "US",
        net_kg: "100.000",
        gross_kg: "150.000",
        cif_value: "1000.00",
        taxes: "224.00",
      },
    ]);

    // TT_IM017a: documents requested (DMSDOC) then goods selected for control (DMSCTL): yellow, then red.
    const { rows: lanes } = await pool.query(
      `SELECT lane_initial, lane_final FROM declarations WHERE decl_id = '21GB7X8M7S6NG8N6R0'`,
    );
    expect(lanes).toEqual([{ lane_initial: "Y", lane_final: "R" }]);

    // TT_IM001b was rejected by customs (DMSREJ only): not registered.
    const { rows: rejectedByCustoms } = await pool.query(
      `SELECT 1 FROM declarations WHERE decl_id = '22GB37AEDQ0215GAR0'`,
    );
    expect(rejectedByCustoms).toEqual([]);

    const rejected = await rejections(batchId);
    expect(rejected).toContainEqual({
      file: "TT_IM084a/TT_IM084a.xml",
      line: 164,
      column: "/",
      reason: expect.stringMatching(/^not well-formed XML: .*comment/) as string,
    });
    // A notification whose date-time has no formatCode fails the RES schema.
    expect(rejected).toContainEqual({
      file: "TT_IM219a/05_DMSCLE.xml",
      line: 13,
      column: "/MetaData/Response/IssueDateTime/DateTimeString",
      reason: "schema: Element 'DateTimeString': The attribute 'formatCode' is required but missing.",
    });
    const wco = outcome.files["WCO messages"]!;
    expect(wco.rejected).toBe(rejected.length);
    expect(wco.warnings).toContain(
      "skipped TT_IM082a/DIS_Report/TT_IM082a_DIS_Report.xml: root element DeclarationVersionResponse: not a WCO Data Model message",
    );
    expect(wco.warnings).toContain("TT_IM192a/Step1_TT_IM192a.xml: unwrapped from submitDeclarationRequest");
  });

  it("changes nothing when the same messages are imported again", async () => {
    const before = await clearanceDigest();
    const { outcome } = await importWcoFolder(WCO_SAMPLES_DIR);
    expect(await clearanceDigest()).toBe(before);
    expect(outcome.files["WCO messages"]).toMatchObject({ inserted: 0 });
    expect(outcome.files["declarations.csv"]).toMatchObject({ inserted: 0, updated: 0 });
  });

  it("rejects a declaration that fails the schema and keeps the rest of the folder", async () => {
    await clearAll();
    const folder = copy(path.join(tmp, "bad"), ["Step1_TT_IM001a.xml", "Example_Notifications/01_DMSACC.xml"]);
    const text = fs.readFileSync(path.join(IM001A, "Step1_TT_IM001a.xml"), "utf8");
    // A TypeCode of four letters: the DEC-DMS schema allows three at most.
    fs.writeFileSync(
      path.join(folder, "other.xml"),
      text.replace("<TypeCode>IMA</TypeCode>", "<TypeCode>IMAX</TypeCode>").replace("7847767E1WB6", "OTHER-LRN"),
    );
    const { batchId, outcome } = await importWcoFolder(folder);
    const line = text.split("\n").findIndex((l) => l.includes("<TypeCode>IMA</TypeCode>")) + 1;
    expect(await rejections(batchId)).toEqual([
      {
        file: "other.xml",
        line,
        column: "/MetaData/Declaration/TypeCode",
        reason: expect.stringMatching(/^schema: Element 'TypeCode': \[facet 'maxLength'\]/) as string,
      },
    ]);
    expect(outcome.files["declarations.csv"]?.accepted).toBe(1);
  });
});
