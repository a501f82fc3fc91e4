// Any on-screen table as a CSV or XLSX download: the same columns and the same unrounded values the page shows,
// with cells a spreadsheet would run as a formula defused. Small tables (a page's worth, a few thousand rows)
// are built in memory; the drill-down streams its own (lib/explore/export-drilldown.ts).
import "server-only";
import ExcelJS from "exceljs";
import { csvCell } from "@/lib/csv-cell";

export type ExportCell = string | number | boolean | null;
export type ExportTable = { name: string; columns: string[]; rows: ExportCell[][] };
export type ExportFormat = "csv" | "xlsx";

export async function tableExportResponse(
  table: ExportTable,
  format: ExportFormat,
  fileStem: string,
): Promise<Response> {
  const safe = fileStem.replace(/[^A-Za-z0-9_.-]+/g, "_");
  const headers = { "content-disposition": `attachment; filename="${safe}.${format}"`, "cache-control": "no-store" };
  if (format === "csv") {
    const lines = [table.columns, ...table.rows].map((row) =>
      row.map((c) => csvCell(c, { forSpreadsheet: true })).join(","),
    );
    return new Response(`${lines.join("\r\n")}\r\n`, {
      headers: { ...headers, "content-type": "text/csv; charset=utf-8" },
    });
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.columns = table.columns.map((header) => ({ header, width: Math.max(12, header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Response(buffer as ArrayBuffer, {
    headers: { ...headers, "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
