// The filtered audit log as a CSV or XLSX download: every matching entry (up to AUDIT_EXPORT_MAX_ROWS, newest
// first), the action and object type in the reader's language beside their codes, details as text with values
// unrounded.
import "server-only";
import { getTranslations } from "next-intl/server";
import { parseAuditFilters } from "@/lib/audit-log/audit-filters";
import { auditForExport } from "@/lib/audit-log/search-audit";
import { describeAuditDetails, detailsAsText } from "@/lib/audit-log/describe-audit-details";
import { tableExportResponse, type ExportFormat } from "@/lib/table-export";

export async function auditExportResponse(params: URLSearchParams, format: ExportFormat): Promise<Response> {
  const filters = parseAuditFilters(params);
  const [t, rows] = await Promise.all([getTranslations("admin.audit"), auditForExport(filters)]);
  const label = (group: string, code: string) => (t.has(`${group}.${code}`) ? t(`${group}.${code}`) : code);
  const field = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : key);
  const c = (key: string) => t(`export.${key}`);
  return tableExportResponse(
    {
      name: t("title"),
      columns: [
        c("id"),
        c("at"),
        c("actor"),
        c("actorId"),
        c("action"),
        c("actionCode"),
        c("entityType"),
        c("entityId"),
        c("entityLabel"),
        c("details"),
      ],
      rows: rows.map((r) => [
        Number(r.id),
        r.at,
        r.actorEmail ?? (r.actorId ? t("removedUser") : t("system")),
        r.actorId,
        label("actions", r.action),
        r.action,
        label("entityTypes", r.entityType),
        r.entityId,
        r.entityLabel,
        detailsAsText(describeAuditDetails(r.data), field),
      ]),
    },
    format,
    "audit-log",
  );
}
