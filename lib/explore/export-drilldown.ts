// The whole drill-down of a KPI as CSV or XLSX, streamed page by page from kpiEvidence so a large set never sits in
// memory at once. The caller (app/api/explore/kpi.*) has parsed the input; the scope check runs in allDrilldownRows.
import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Viewer } from "@/lib/auth/session-user";
import { allDrilldownRows } from "@/lib/explore/kpi-drilldown";
import type { KpiDrilldownInput } from "@/lib/explore/schema";
import { assertSubjectVisible } from "@/lib/explore/assert-subject-visible";
import { csvCell } from "@/lib/csv-cell";

export function exportFileName(input: KpiDrilldownInput, ext: "csv" | "xlsx"): string {
  const safe = input.id.replace(/[^A-Za-z0-9_-]+/g, "_");
  return `${input.kpi}_${input.type}_${safe}_${input.from}_${input.to}${input.only === "numerator" ? "_numerator" : ""}.${ext}`;
}

export async function drilldownCsvStream(user: Viewer, input: KpiDrilldownInput): Promise<ReadableStream<Uint8Array>> {
  // Refuse before the response starts, so a refusal is a real 403 and not a truncated file.
  await assertSubjectVisible(user, input.type, input.id);
  const encoder = new TextEncoder();
  const pages = allDrilldownRows(user, input);
  let header: string[] | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pages.next();
      if (next.done) {
        if (!header) controller.enqueue(encoder.encode("\n"));
        controller.close();
        return;
      }
      let chunk = "";
      if (!header) {
        header = Object.keys(next.value[0] ?? {});
        chunk += `${header.join(",")}\r\n`;
      }
      const columns = header;
      chunk +=
        next.value.map((row) => columns.map((c) => csvCell(row[c], { forSpreadsheet: true })).join(",")).join("\r\n") +
        "\r\n";
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const AMOUNT_COLUMNS = new Set([
  "taxes_initial",
  "taxes_final",
  "value_initial",
  "value_final",
  "adjustment_amount",
  "cif_value",
  "net_kg",
  "ref_p10",
]);

export async function drilldownXlsxStream(user: Viewer, input: KpiDrilldownInput): Promise<ReadableStream<Uint8Array>> {
  await assertSubjectVisible(user, input.type, input.id);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(input.kpi);
  void (async () => {
    try {
      let header: string[] | null = null;
      for await (const rows of allDrilldownRows(user, input)) {
        if (!header) {
          header = Object.keys(rows[0] ?? {});
          sheet.columns = header.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2) }));
          sheet.getRow(1).font = { bold: true };
        }
        for (const row of rows) {
          // Decimals come from pg as text: write them as numbers so the spreadsheet can sum them.
          const values = Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              typeof v === "string" && AMOUNT_COLUMNS.has(k) && NUMERIC.test(v) ? Number(v) : v,
            ]),
          );
          sheet.addRow(values).commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}
