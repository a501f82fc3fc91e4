// Import of the Korea Customs Service synthetic declarations (docs/data-format.md, "The KCS synthetic CSV"): one
// declaration per
// row with one item and one inspection (every row was inspected; Fraud = offence, Critical Fraud = CRITICAL).
// Rows are staged once into stg_kcs, then spread into the canonical staging tables in SQL, so the rest of the
// pipeline (reference checks, upserts, quality report) is the canonical one.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PoolClient } from "pg";
import { csvRecords } from "@/lib/clearance/csv-records";
import { restoreDefusedCell } from "@/lib/csv-cell";
import { CopyWriter } from "@/lib/clearance/copy-writer";
import { kcsFieldGetter, mapKcsRecord, missingKcsColumns } from "@/lib/clearance/kcs-record";
import { runImport, type BeforeCommit, type ImportOutcome, type Progress } from "@/lib/clearance/import-pipeline";
import { ImportInputError } from "@/lib/clearance/import-input-error";
import type { StageResult } from "@/lib/clearance/stage-file";
import type { RejectedRowsWriter } from "@/lib/clearance/rejected-rows";

export { mapKcsRecord, type KcsRow } from "@/lib/clearance/kcs-record";

const STG_KCS_COLUMNS = [
  "decl_id",
  "office_code",
  "regime",
  "broker_id",
  "importer_id",
  "export_country",
  "reg_ts",
  "hs_code",
  "origin_country",
  "net_kg",
  "cif_value",
  "taxes",
  "fraud",
  "critical",
] as const;

export async function importKcs(
  batchId: number,
  file: string,
  progress: Progress,
  beforeCommit?: BeforeCommit,
): Promise<ImportOutcome> {
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new ImportInputError(`${file} is not a readable file`);
  return runImport(
    batchId,
    (client, rejects, report) => stageKcs(client, file, stat.size, rejects, report),
    progress,
    beforeCommit,
  );
}

async function stageKcs(
  client: PoolClient,
  file: string,
  size: number,
  rejects: RejectedRowsWriter,
  report: (fraction: number) => Promise<void>,
): Promise<Record<string, StageResult>> {
  const name = path.basename(file);
  await client.query(`CREATE TEMP TABLE stg_kcs (line integer, decl_id text, office_code text, regime text,
    broker_id text, importer_id text, export_country text, reg_ts timestamp(0), hs_code text, origin_country text,
    net_kg numeric(18,3), cif_value numeric(18,2), taxes numeric(18,2), fraud boolean, critical boolean)`);
  try {
    const started = performance.now();
    const result: StageResult = { read: 0, rejected: 0, warnings: [], error: null };
    const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    let bytes = 0;
    input.on("data", (chunk) => {
      bytes += chunk.length;
      void report(bytes / size);
    });
    const writer = new CopyWriter(client, "stg_kcs", ["line", ...STG_KCS_COLUMNS]);
    let header: string[] | null = null;
    for await (const batch of csvRecords(input)) {
      for (const { line, fields: raw, error } of batch) {
        // A rejected-rows file fixed in a spreadsheet reads back as written (lib/csv-cell.ts).
        const fields = raw.map(restoreDefusedCell);
        if (!header) {
          header = fields.map((h) => h.trim());
          const missing = missingKcsColumns(header);
          if (missing.length) throw new ImportInputError(`${name}: missing KCS column(s): ${missing.join(", ")}`);
          continue;
        }
        result.read++;
        const mapped = error
          ? { ok: false as const, column: null, reason: `malformed CSV: ${error}` }
          : mapKcsRecord(kcsFieldGetter(header, fields));
        if (mapped.ok) {
          const r = mapped.row;
          await writer.write([
            line,
            ...STG_KCS_COLUMNS.map((c) => (typeof r[c] === "boolean" ? (r[c] ? "t" : "f") : r[c])),
          ]);
        } else {
          result.rejected++;
          await rejects.add({
            file: name,
            line,
            column: mapped.column,
            reason: mapped.reason,
            values: Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ""])),
          });
        }
      }
    }
    await writer.end();
    await spreadKcs(client);
    result.seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query<{ offices: number }>("SELECT count(*)::int AS offices FROM stg_offices");
    const none = { read: 0, rejected: 0, warnings: [], error: null };
    return {
      "offices.csv": { ...none, read: rows[0]!.offices },
      "declarations.csv": result,
      "items.csv": { ...none, read: result.read - result.rejected },
      "inspections.csv": { ...none, read: result.read - result.rejected },
    };
  } finally {
    await client.query("DROP TABLE IF EXISTS stg_kcs");
  }
}

// KCS has no office hours: new offices get a documented default (Mon–Fri 09:00–18:00).
async function spreadKcs(client: PoolClient): Promise<void> {
  await client.query(`INSERT INTO stg_offices (line, office_code, name, open_time, close_time, workdays)
    SELECT min(line), office_code, 'KCS office ' || office_code, '09:00', '18:00', '{1,2,3,4,5}'
      FROM stg_kcs s WHERE NOT EXISTS (SELECT 1 FROM offices o WHERE o.office_code = s.office_code)
     GROUP BY office_code`);
  await client.query(`INSERT INTO stg_declarations (line, decl_id, office_code, flow, regime, broker_id, importer_id,
      export_country, reg_ts, lane_initial, lane_final, assignment_mode, value_initial, status)
    SELECT line, decl_id, office_code, 'I'::"Flow", regime, broker_id, importer_id, export_country, reg_ts,
           'R'::"Lane", 'R'::"Lane", 'auto'::"AssignmentMode", cif_value, 'registered'::"DeclarationStatus"
      FROM stg_kcs`);
  await client.query(`INSERT INTO stg_items (line, decl_id, item_no, hs_code, origin_country, net_kg, cif_value, taxes)
    SELECT line, decl_id, 1, hs_code, origin_country, net_kg, cif_value, taxes FROM stg_kcs`);
  await client.query(`INSERT INTO stg_inspections (line, decl_id, exam_ts, result, offence_code)
    SELECT line, decl_id, reg_ts, (CASE WHEN fraud THEN 'offence' ELSE 'no_offence' END)::"InspectionResult",
           CASE WHEN critical THEN 'CRITICAL' END FROM stg_kcs`);
}
