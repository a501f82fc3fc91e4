// WCO Data Model export (docs/data-format.md, "WCO Data Model messages"): the declarations registered in a period,
// each as a folder of its messages (lib/wco/write-wco-messages.ts), read page by page so memory stays flat. Brokers
// and importers can be replaced by keyed pseudonyms for one purpose; officers are never written.
import "server-only";
import crypto from "node:crypto";
import { pool } from "@/lib/pg";
import { pseudonymizer, type Pseudonymizer } from "@/lib/privacy/pseudonyms";
import { pseudonymKey } from "@/lib/privacy/pseudonym-key";
import {
  exportProblem,
  lrnFor,
  writeWcoMessages,
  type ExportDeclaration,
  type ExportItem,
} from "@/lib/wco/write-wco-messages";

export type WcoExportRequest = {
  from: string;
  to: string;
  // Pseudonymise brokers and importers for this purpose (null: their identifiers as stored).
  pseudonymPurpose: string | null;
  // Only this office's declarations (a manager's scope); null = all.
  officeCode: string | null;
};

export type WcoExportSink = (path: string, xml: string) => Promise<void>;

export type WcoExportSummary = {
  declarations: number;
  messages: number;
  skipped: { declId: string; reason: string }[];
};

const PAGE = 1000;

type Row = Omit<ExportDeclaration, "items"> & { items: ExportItem[] | null };

// Folder names keep letters, digits, dots and dashes; an id that needed changing gets a digest so two ids never
// share a folder.
export function folderFor(declId: string): string {
  const safe = declId.replace(/[^\w.-]/g, "_");
  return safe === declId && !safe.startsWith(".") ? safe : `${safe}-${digest(declId).slice(0, 8)}`;
}

const digest = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export async function exportWco(
  request: WcoExportRequest,
  sink: WcoExportSink,
  onProgress?: (declarations: number) => void,
): Promise<WcoExportSummary> {
  const rename: Pseudonymizer = pseudonymizer(
    request.pseudonymPurpose ? pseudonymKey() : null,
    request.pseudonymPurpose,
  );
  const summary: WcoExportSummary = { declarations: 0, messages: 0, skipped: [] };
  let after: [string, string] | null = null;
  for (;;) {
    const result: { rows: Row[] } = await pool.query<Row>(
      `SELECT d.decl_id AS "declId", d.office_code AS "officeCode", d.flow, d.regime, d.broker_id AS "brokerId",
              d.importer_id AS "importerId", d.export_country AS "exportCountry", d.reg_ts AS "regTs",
              d.lane_initial AS "laneInitial", d.lane_final AS "laneFinal", d.asmt_ts AS "asmtTs", d.pay_ts AS "payTs",
              d.release_ts AS "releaseTs", d.value_initial AS "valueInitial", d.value_final AS "valueFinal",
              d.taxes_initial AS "taxesInitial", d.taxes_final AS "taxesFinal", d.status,
              (SELECT max(e.ts) FROM events e WHERE e.decl_id = d.decl_id AND e.action = 'reroute') AS "rerouteTs",
              (SELECT max(e.ts) FROM events e WHERE e.decl_id = d.decl_id AND e.action = 'cancel') AS "cancelTs",
              (SELECT json_agg(json_build_object('itemNo', i.item_no, 'hsCode', i.hs_code, 'description', i.description,
                        'originCountry', i.origin_country, 'netKg', i.net_kg::text, 'grossKg', i.gross_kg::text,
                        'suppQty', i.supp_qty::text, 'suppUnit', i.supp_unit, 'cifValue', i.cif_value::text,
                        'taxes', i.taxes::text) ORDER BY i.item_no)
                 FROM items i WHERE i.decl_id = d.decl_id) AS items
         FROM declarations d
        WHERE d.reg_ts >= $1::date AND d.reg_ts < $2::date + 1
          AND ($3::text IS NULL OR d.office_code = $3)
          AND ($4::timestamp IS NULL OR (d.reg_ts, d.decl_id) > ($4::timestamp, $5::text))
        ORDER BY d.reg_ts, d.decl_id
        LIMIT ${PAGE}`,
      [request.from, request.to, request.officeCode, after?.[0] ?? null, after?.[1] ?? null],
    );
    const rows: Row[] = result.rows;
    if (!rows.length) break;
    for (const row of rows) {
      const declaration: ExportDeclaration = {
        ...row,
        brokerId: rename("broker", row.brokerId),
        importerId: rename("importer", row.importerId),
        items: row.items ?? [],
      };
      const problem = exportProblem(declaration);
      if (problem) {
        summary.skipped.push({ declId: row.declId, reason: problem });
        continue;
      }
      const folder = folderFor(row.declId);
      for (const file of writeWcoMessages(declaration, lrnFor(row.declId, digest))) {
        await sink(`${folder}/${file.name}`, file.xml);
        summary.messages++;
      }
      summary.declarations++;
    }
    onProgress?.(summary.declarations);
    const last: Row = rows[rows.length - 1]!;
    after = [last.regTs, last.declId];
  }
  return summary;
}
