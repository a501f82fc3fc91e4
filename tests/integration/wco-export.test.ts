// WCO Data Model export (docs/data-format.md): a canonical data set (the hand-made fixture, then 1,500 generated
// declarations) exported as WCO XML validates against the DEC-DMS and RES schemas — checked here with libxml2 on the
// files as written, not through the import's own validator — and imports back into an empty database with the same
// declarations, items, values, dates, lanes and taxes. Officers never appear in the files.
import { WCO_SCHEMAS_DIR, wcoDataMissing } from "@/tests/support/wco-data";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML, memoryPages } from "xmllint-wasm";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { exportWco } from "@/lib/wco/export-wco";
import { generateDataset } from "@/tools/generator/generate-dataset";
import { clearClearanceData } from "@/tests/support/clearance-db";

const DECLARATION_COLUMNS = `decl_id, office_code, flow, regime, broker_id, importer_id, export_country, reg_ts,
  lane_initial, lane_final, asmt_ts, pay_ts, release_ts, value_initial, value_final, taxes_initial, taxes_final, status`;
const ITEM_COLUMNS = `decl_id, item_no, hs_code, hs6, description, origin_country, net_kg, gross_kg, supp_qty, supp_unit,
  cif_value, taxes`;

async function snapshot() {
  const declarations = await pool.query(`SELECT ${DECLARATION_COLUMNS} FROM declarations ORDER BY decl_id`);
  const items = await pool.query(`SELECT ${ITEM_COLUMNS} FROM items ORDER BY decl_id, item_no`);
  return { declarations: declarations.rows, items: items.rows };
}

async function importInto(kind: "CANONICAL" | "WCO", location: string) {
  const batchId = await createImportBatch({ kind, sourcePath: location });
  return runImportBatch(batchId);
}

async function exportTo(dir: string) {
  return exportWco(
    { from: "2000-01-01", to: "2100-12-31", pseudonymPurpose: null, officeCode: null },
    async (file, xml) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), xml);
    },
  );
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// libxml2 on the written files: declarations against DocumentMetaData + WCO_DEC_2_DMS, notifications against
// DocumentMetaData + WCO_RES_2_DMS, each from its own folder of the published schemas.
async function schemaErrors(files: string[]): Promise<string[]> {
  const preload = walk(WCO_SCHEMAS_DIR).map((f) => ({
    fileName: `s/${path.relative(WCO_SCHEMAS_DIR, f)}`,
    contents: fs.readFileSync(f, "utf8"),
  }));
  const errors: string[] = [];
  for (const [kind, folder, main, ns] of [
    ["DEC", "declaration", "WCO_DEC_2_DMS.xsd", "urn:wco:datamodel:WCO:DEC-DMS:2"],
    ["RES", "notification", "WCO_RES_2_DMS.xsd", "urn:wco:datamodel:WCO:RES-DMS:2"],
  ] as const) {
    const mine = files.filter((f) => (kind === "DEC" ? f.endsWith("_DEC.xml") : !f.endsWith("_DEC.xml")));
    const driver = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test">
      <xs:import namespace="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2" schemaLocation="${folder}/DocumentMetaData_2_DMS.xsd"/>
      <xs:import namespace="${ns}" schemaLocation="${folder}/${main}"/></xs:schema>`;
    for (let i = 0; i < mine.length; i += 2000) {
      const chunk = mine.slice(i, i + 2000);
      const result = await validateXML({
        xml: chunk.map((f, j) => ({ fileName: `f${j}.xml`, contents: fs.readFileSync(f, "utf8") })),
        schema: { fileName: "s/driver.xsd", contents: driver },
        preload,
        maxMemoryPages: memoryPages.GiB,
      });
      if (!result.valid) errors.push(...result.errors.map((e) => e.rawMessage));
    }
  }
  return errors;
}

describe.skipIf(wcoDataMissing())("WCO export", () => {
  let tmp = "";
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-wco-export-"));
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await db.$disconnect();
  });

  const roundTrip = async (name: string, load: () => Promise<void>) => {
    await clearClearanceData();
    await pool.query("DELETE FROM wco_messages");
    await load();
    const before = await snapshot();
    const { rows: officers } = await pool.query<{ officer_id: string }>(
      `SELECT DISTINCT assessing_officer_id AS officer_id FROM declarations WHERE assessing_officer_id IS NOT NULL`,
    );
    const out = path.join(tmp, name);
    const summary = await exportTo(out);
    const files = walk(out);
    expect(summary).toMatchObject({ declarations: before.declarations.length, skipped: [] });
    expect(files.length).toBe(summary.messages);
    expect(await schemaErrors(files)).toEqual([]);
    // No officer's identifier in any file.
    expect(officers.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      for (const { officer_id } of officers) expect(text.includes(`>${officer_id}<`), file).toBe(false);
    }

    await clearClearanceData();
    await pool.query("DELETE FROM wco_messages");
    const outcome = await importInto("WCO", out);
    expect(outcome.files["WCO messages"]).toMatchObject({ rejected: 0, accepted: summary.messages });
    expect(await snapshot()).toEqual(before);
  };

  it("round-trips the hand-made canonical fixture", async () => {
    await roundTrip("fixture", async () => {
      await importInto("CANONICAL", path.resolve("tests/fixtures/canonical-small"));
    });
  });

  it("round-trips 1,500 generated declarations", async () => {
    await roundTrip("generated", async () => {
      const dir = path.join(tmp, "canonical");
      await generateDataset({ outDir: dir, declarations: 1_500, seed: 11, from: "2025-01-01", to: "2025-12-31" });
      await importInto("CANONICAL", dir);
    });
  });
});
