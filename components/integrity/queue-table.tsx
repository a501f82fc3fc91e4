// The work queue's rows, best first: rank, who, priority, the flags behind them (how many survive the false
// discovery rate control), their methods, periods and offices, the revenue at stake, and whether the row fits the
// unit's capacity. A rule under the last row that fits marks the capacity line. Each row opens its subject.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SubjectRow } from "@/lib/integrity/rank-subjects";
import { periodKey } from "@/lib/integrity/schema";
import { TableFrame, TableHead } from "@/components/ui/table-frame";
import { SubjectName } from "@/components/integrity/subject-name";
import { formatPeriod } from "@/components/integrity/period-label";
import { formatMoney } from "@/components/integrity/triage-format";

const th = "px-3 py-3";

export function subjectHref(row: Pick<SubjectRow, "subjectType" | "subjectId">, window: { from: string; to: string }) {
  return `/integrity/queue/${encodeURIComponent(row.subjectType)}/${encodeURIComponent(row.subjectId)}?period=${periodKey(window)}`;
}

export async function QueueTable({
  rows,
  names,
  window,
  line,
  months,
  caption,
}: {
  rows: SubjectRow[];
  names: Map<string, string>;
  window: { from: string; to: string };
  line: number;
  months: number;
  caption: string;
}) {
  const [t, ti, tp, format] = await Promise.all([
    getTranslations("triage.table"),
    getTranslations("integrity"),
    getTranslations("integrity.period"),
    getFormatter(),
  ]);
  const methodName = (m: string) => (ti.has(`methods.${m}` as never) ? ti(`methods.${m}` as never) : m);
  return (
    <TableFrame caption={caption} testId="queue-table">
      <TableHead>
        <th scope="col" className={`${th} text-right`}>
          {t("rank")}
        </th>
        <th scope="col" className={th}>
          {t("subject")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("priority")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("flags")}
        </th>
        <th scope="col" className={th}>
          {t("methods")}
        </th>
        <th scope="col" className={th}>
          {t("periods")}
        </th>
        <th scope="col" className={th}>
          {t("offices")}
        </th>
        <th scope="col" className={`${th} text-right`}>
          {t("revenue")}
        </th>
        <th scope="col" className={th}>
          {t("capacity")}
        </th>
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr
            key={`${r.subjectType}:${r.subjectId}`}
            className={`align-top hover:bg-slate-50 ${r.aboveLine ? "" : "text-slate-500"} ${
              r.rank === line ? "border-b-2 border-b-amber-500" : ""
            }`}
            data-subject={`${r.subjectType}:${r.subjectId}`}
            data-rank={r.rank}
            data-above-line={r.aboveLine ? "yes" : "no"}
          >
            <td className="px-3 py-2.5 text-right tabular-nums">{r.rank}</td>
            <td className="px-3 py-2.5">
              <Link href={subjectHref(r, window)} className="hover:underline" data-testid="queue-subject-link">
                <SubjectName type={r.subjectType} id={r.subjectId} names={names} pairedWith={r.pairedWith} />
              </Link>
            </td>
            <td className="px-3 py-2.5 text-right font-medium tabular-nums text-slate-900">
              {format.number(r.priority, { maximumFractionDigits: 1 })}
            </td>
            <td className="px-3 py-2.5 text-right tabular-nums">
              {format.number(r.flagIds.length)}
              {r.survivingFlags < r.flagIds.length ? (
                <span className="block text-xs text-slate-500">{t("surviving", { count: r.survivingFlags })}</span>
              ) : null}
            </td>
            <td className="px-3 py-2.5">{r.methods.map(methodName).join(", ")}</td>
            <td className="px-3 py-2.5 whitespace-nowrap">
              {r.firstPeriod === window.from && r.lastPeriod === window.to
                ? formatPeriod(format, tp, window.from, window.to)
                : t("periodRange", {
                    from: format.dateTime(new Date(`${r.firstPeriod}T00:00:00Z`), {
                      dateStyle: "medium",
                      timeZone: "UTC",
                    }),
                    to: format.dateTime(new Date(`${r.lastPeriod}T00:00:00Z`), {
                      dateStyle: "medium",
                      timeZone: "UTC",
                    }),
                  })}
              <span className="block text-xs text-slate-500">
                {t("months", { flagged: Math.round(r.recurrence * months), months })}
              </span>
            </td>
            <td className="px-3 py-2.5">{r.officeCodes.map((o) => o ?? t("allOffices")).join(", ")}</td>
            <td className="px-3 py-2.5 text-right tabular-nums">{formatMoney(format, r.revenueAtStake)}</td>
            <td className="px-3 py-2.5">
              {r.aboveLine ? (
                <span className="inline-flex whitespace-nowrap rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-600/20">
                  {t("fits")}
                </span>
              ) : (
                <span className="text-xs">{t("belowLine")}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
