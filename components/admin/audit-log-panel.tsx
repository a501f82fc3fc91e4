// The audit log as a table: when, who, what, on which object, and the details readably (the table itself refuses
// updates and deletes).
import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRow } from "@/lib/audit-log/search-audit";
import { AuditDetails } from "@/components/admin/audit-details";

export async function AuditLogPanel({ entries }: { entries: AuditRow[] }) {
  const [t, format] = await Promise.all([getTranslations("admin.audit"), getFormatter()]);
  if (entries.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
        {t("empty")}
      </p>
    );
  const th = "px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  return (
    <div className="overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              {t("columns.at")}
            </th>
            <th scope="col" className={th}>
              {t("columns.actor")}
            </th>
            <th scope="col" className={th}>
              {t("columns.action")}
            </th>
            <th scope="col" className={th}>
              {t("columns.entity")}
            </th>
            <th scope="col" className={th}>
              {t("columns.details")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action} className="align-top">
              <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                <time dateTime={entry.at}>
                  {format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </td>
              <td className="px-4 py-2.5 text-slate-700">
                {entry.actorEmail ??
                  (entry.actorId ? <span title={entry.actorId}>{t("removedUser")}</span> : t("system"))}
              </td>
              <td className="px-4 py-2.5">
                <span className="text-slate-900">
                  {t.has(`actions.${entry.action}`) ? t(`actions.${entry.action}`) : entry.action}
                </span>
                <code className="ml-1 block text-[11px] text-slate-500">{entry.action}</code>
              </td>
              <td className="px-4 py-2.5 text-slate-700">
                {t.has(`entityTypes.${entry.entityType}`) ? t(`entityTypes.${entry.entityType}`) : entry.entityType}{" "}
                <span className="break-all text-xs text-slate-500" title={entry.entityId}>
                  {entry.entityLabel ?? entry.entityId}
                </span>
              </td>
              <td className="max-w-md px-4 py-2.5">
                <AuditDetails data={entry.data} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
