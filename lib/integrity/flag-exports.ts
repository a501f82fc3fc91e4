// The CSV/XLSX downloads of the integrity area: the filtered inbox and one flag's evidence declarations, as
// lib/table-export.ts writes any table. The scope is checked by the services (FORBIDDEN / NOT_FOUND before any byte).
import "server-only";
import { firstValues } from "@/lib/explore/schema";
import { inboxExportTable } from "@/lib/integrity/list-flags";
import { allFlagEvidenceDeclarations, getFlagForViewerOrThrow, type FlagViewer } from "@/lib/integrity/flag-evidence";
import { FlagInboxFilters } from "@/lib/integrity/schema";
import { AppError } from "@/lib/kernel/app-error";
import { tableExportResponse, type ExportCell, type ExportFormat } from "@/lib/table-export";
import { todayIso } from "@/lib/kernel/calendar";

export async function inboxExportResponse(
  viewer: FlagViewer,
  params: URLSearchParams,
  format: ExportFormat,
): Promise<Response> {
  const filters = FlagInboxFilters.parse(firstValues(params));
  return tableExportResponse(await inboxExportTable(viewer, filters), format, `flags_${todayIso()}`);
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const cell = (v: unknown): ExportCell =>
  v === null || v === undefined
    ? null
    : typeof v === "number" || typeof v === "boolean"
      ? v
      : typeof v === "string" && NUMERIC.test(v) && v.length < 16
        ? Number(v)
        : String(v);

export async function evidenceExportResponse(
  viewer: FlagViewer,
  rawId: string | undefined,
  format: ExportFormat,
): Promise<Response> {
  const flagId = Number(rawId);
  if (!Number.isSafeInteger(flagId)) throw new AppError("NOT_FOUND", "Flag not found");
  const flag = await getFlagForViewerOrThrow(flagId, viewer);
  const rows = await allFlagEvidenceDeclarations(flagId, viewer);
  const columns = Object.keys(rows[0] ?? { decl_id: null });
  return tableExportResponse(
    { name: `flag-${flag.id}`, columns, rows: rows.map((r) => columns.map((c) => cell(r[c]))) },
    format,
    `flag_${flag.id}_evidence`,
  );
}
