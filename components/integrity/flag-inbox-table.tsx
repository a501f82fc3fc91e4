// The inbox table: one row per flag with its method, KPI, subject, office, period, score, n, state and whether
// detection still raises it; NEW flags carry the checkbox of the bulk triage form around the table.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { InboxRow } from "@/lib/integrity/list-flags";
import { FlagRelated, FlagSubject } from "@/components/integrity/flag-subject";
import { FlagStateBadge } from "@/components/integrity/flag-state-badge";
import { formatPeriod } from "@/components/integrity/period-label";
import { formatScoreOf } from "@/components/integrity/flag-format";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

const th = "px-3 py-3";

export async function FlagInboxTable({
  rows,
  selectable = true,
  caption,
}: {
  rows: InboxRow[];
  selectable?: boolean;
  caption?: string;
}) {
  const [t, ti, te, tp, format] = await Promise.all([
    getTranslations("integrity.inbox"),
    getTranslations("integrity"),
    getTranslations("explore"),
    getTranslations("integrity.period"),
    getFormatter(),
  ]);
  return (
    <TableFrame caption={caption ?? t("caption")} testId="flag-table">
      <TableHead>
        {selectable ? (
          <th scope="col" className={th}>
            <span className="sr-only">{t("columns.select")}</span>
          </th>
        ) : null}
        <th scope="col" className={th}>
          {t("columns.flag")}
        </th>
        <th scope="col" className={th}>
          {t("columns.subject")}
        </th>
        <th scope="col" className={th}>
          {t("columns.related")}
        </th>
        <th scope="col" className={th}>
          {t("columns.office")}
        </th>
        <th scope="col" className={th}>
          {t("columns.period")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("columns.score")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("columns.n")}
        </th>
        <th scope="col" className={th}>
          {t("columns.state")}
        </th>
        <th scope="col" className={th}>
          {t("columns.active")}
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr
            key={r.id}
            className={`align-top hover:bg-slate-50 ${r.active ? "" : "text-slate-500"}`}
            data-flag={r.id}
            data-method={r.method}
            data-score={r.score}
          >
            {selectable ? (
              <td className="px-3 py-3">
                {r.state === "NEW" ? (
                  <input
                    type="checkbox"
                    name="flagIds"
                    value={r.id}
                    className="h-4 w-4 rounded border-slate-300 text-brand-600"
                    aria-label={t("selectFlag", { id: r.id })}
                  />
                ) : null}
              </td>
            ) : null}
            <td className="px-3 py-3">
              <Link
                href={`/integrity/flags/${r.id}`}
                className="font-medium text-brand-700 hover:underline"
                data-testid="flag-link"
              >
                {ti(`methods.${r.method}` as never)}
              </Link>
              {r.kpiId ? (
                <div className="text-xs text-slate-600">{`${r.kpiId} · ${te(`names.${r.kpiId}` as never)}`}</div>
              ) : null}
              <div className="text-xs text-slate-500">{t("flagNo", { id: r.id })}</div>
            </td>
            <td className="px-3 py-3">
              <FlagSubject flag={r} />
            </td>
            <td className="px-3 py-3">
              <FlagRelated flag={r} />
            </td>
            <td className="px-3 py-3">
              {r.officeCode ?? <span className="text-xs text-slate-500">{t("allOffices")}</span>}
            </td>
            <td className="whitespace-nowrap px-3 py-3">{formatPeriod(format, tp, r.periodFrom, r.periodTo)}</td>
            <td className="px-3 py-3 text-right font-semibold tabular-nums text-slate-900" data-testid="flag-score">
              {formatScoreOf(format, r.method, r.score)}
            </td>
            <td className="px-3 py-3 text-right tabular-nums">{format.number(r.n)}</td>
            <td className="px-3 py-3">
              <FlagStateBadge state={r.state} />
              {r.dismissReason ? (
                <div className="mt-1 max-w-48 truncate text-xs text-slate-500" title={r.dismissReason}>
                  {r.dismissReason}
                </div>
              ) : null}
            </td>
            <td className="px-3 py-3 text-xs" data-testid="flag-active">
              {r.active ? t("activeYes") : t("activeNo")}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
