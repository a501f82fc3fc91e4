// The integrity home page's section on cases: those past their due date (integrity.sla-check marks them), the
// latest daily digest narrowed to what this user may see, and the way to the cases list.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { usesCases } from "@/lib/cases/case-rules";
import { latestDigest, listOverdueCases } from "@/lib/cases/list-cases";
import { buttonClasses } from "@/components/ui/button";
import { formatDay } from "@/components/format/kpi-format";
import { CaseStatusBadge } from "@/components/cases/case-badges";
import { isoDate } from "@/lib/kernel/calendar";

export async function OverdueCasesSection({ user }: { user: SessionUser }) {
  if (!usesCases(user)) return null;
  const [t, format, overdue, digest] = await Promise.all([
    getTranslations("cases"),
    getFormatter(),
    listOverdueCases(user),
    latestDigest(user),
  ]);
  return (
    <section
      aria-labelledby="overdue-cases-title"
      className="mt-10 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="overdue-cases"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <h2 id="overdue-cases-title" className="text-lg font-semibold text-slate-900">
            {t("home.title")} <span className="text-base font-normal text-slate-500">({overdue.total})</span>
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("home.body")}</p>
        </div>
        <div className="flex flex-wrap gap-3">
          {overdue.total > 0 ? (
            <Link href="/integrity/cases?overdue=1" className={buttonClasses("secondary")}>
              {t("home.allOverdue")}
            </Link>
          ) : null}
          <Link href="/integrity/cases" className={buttonClasses("primary")} data-testid="cases-link">
            {t("home.allCases")}
          </Link>
        </div>
      </div>
      {overdue.rows.length ? (
        <ul
          className="mt-4 divide-y divide-slate-100 rounded-md border border-slate-200"
          aria-label={t("home.caption")}
        >
          {overdue.rows.map((c) => (
            <li
              key={c.id}
              className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm"
              data-case={c.id}
            >
              <div className="min-w-0">
                <Link
                  href={`/integrity/cases/${c.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {t("heading", { id: c.id })}
                </Link>
                <span className="ml-2 text-slate-600">{c.title}</span>
              </div>
              <div className="flex items-center gap-3 text-slate-700">
                <CaseStatusBadge status={c.status} />
                <span>{c.assigneeName ?? t("list.unassigned")}</span>
                <span className="font-medium text-red-700">
                  {c.dueDate ? t("home.due", { date: formatDay(format, isoDate(c.dueDate)) }) : ""}
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-sm text-slate-600">{t("home.none")}</p>
      )}
      {overdue.total > overdue.rows.length ? (
        <p className="mt-2 text-xs text-slate-600">{t("home.more", { count: overdue.total })}</p>
      ) : null}
      <div className="mt-5 border-t border-slate-100 pt-4" data-testid="latest-digest">
        <h3 className="text-sm font-semibold text-slate-900">{t("home.digestTitle")}</h3>
        {digest ? (
          <p className="mt-1 text-sm text-slate-700">
            {t("home.digest", {
              date: formatDay(format, isoDate(digest.digestDate)),
              count: digest.overdueCaseIds.length,
            })}
            {digest.overdueCaseIds.length ? " — " : ""}
            {digest.overdueCaseIds.slice(0, 20).map((id, i) => (
              <span key={id}>
                {i ? ", " : ""}
                <Link href={`/integrity/cases/${id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {t("heading", { id })}
                </Link>
              </span>
            ))}
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("home.noDigest")}</p>
        )}
      </div>
    </section>
  );
}
