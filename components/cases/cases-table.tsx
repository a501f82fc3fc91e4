// The cases list: one row per case with its status, investigator, due date (overdue marked), flags and opening day.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseListRow } from "@/lib/cases/list-cases";
import { formatDay } from "@/components/format/kpi-format";
import { CaseStatusBadge, FindingBadge, OverdueBadge } from "@/components/cases/case-badges";
import { TableFrame, TableHead } from "@/components/ui/table-frame";
import { isoDate } from "@/lib/kernel/calendar";

const th = "px-4 py-3";

export async function CasesTable({ rows }: { rows: CaseListRow[] }) {
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  return (
    <TableFrame caption={t("list.caption")} testId="cases-table">
      <TableHead>
        <th scope="col" className={th}>
          {t("list.columns.case")}
        </th>
        <th scope="col" className={th}>
          {t("list.columns.status")}
        </th>
        <th scope="col" className={th}>
          {t("list.columns.assignee")}
        </th>
        <th scope="col" className={th}>
          {t("list.columns.due")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("list.columns.flags")}
        </th>
        <th scope="col" className={th}>
          {t("list.columns.opened")}
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50" data-case={r.id} data-status={r.status}>
            <td className="max-w-md px-4 py-3">
              <Link
                href={`/integrity/cases/${r.id}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {t("heading", { id: r.id })}
              </Link>
              <div className="truncate text-xs text-slate-600" title={r.title}>
                {r.title}
              </div>
              {r.reopenedCount > 0 ? (
                <div className="text-xs text-slate-500">{t("list.reopened", { count: r.reopenedCount })}</div>
              ) : null}
            </td>
            <td className="px-4 py-3">
              <div className="flex flex-wrap gap-1.5">
                <CaseStatusBadge status={r.status} />
                {r.finding ? <FindingBadge finding={r.finding} /> : null}
              </div>
            </td>
            <td className="px-4 py-3 text-slate-800">
              {r.assigneeName ?? <span className="text-slate-500">{t("list.unassigned")}</span>}
            </td>
            <td className="whitespace-nowrap px-4 py-3">
              {r.dueDate ? (
                <div className="text-slate-800">{formatDay(format, isoDate(r.dueDate))}</div>
              ) : (
                <span className="text-slate-500">{t("list.noDueDate")}</span>
              )}
              {r.overdue ? (
                <div className="mt-1">
                  <OverdueBadge />
                </div>
              ) : null}
            </td>
            <td className="px-4 py-3 text-right tabular-nums text-slate-800">{r._count.flags}</td>
            <td className="whitespace-nowrap px-4 py-3 text-slate-700">{formatDay(format, isoDate(r.openedAt))}</td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
