// /integrity/cases — the cases the user may see (their office's, or all for national analysts and administrators),
// filtered by status, investigator and overdue, with the feedback exports of confirmed findings.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { CASE_STATUSES } from "@/lib/cases/case-rules";
import { CaseListFilters } from "@/lib/cases/schema";
import { listCases } from "@/lib/cases/list-cases";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldIcon } from "@/components/ui/icons";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { ScopeNote } from "@/components/shell/scope-note";
import { Pager } from "@/components/ui/pager";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { CasesTable } from "@/components/cases/cases-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CasesPage({ searchParams }: Props) {
  const user = await requireArea("integrity");
  const filters = CaseListFilters.parse(await searchParams);
  const [t, { rows, total, page, pageCount }] = await Promise.all([getTranslations("cases"), listCases(user, filters)]);
  const filtered = filters.status !== "" || filters.overdue !== "" || filters.assignee !== "";
  const href = (p: number) =>
    `/integrity/cases?${new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), ...(filters.overdue ? { overdue: "1" } : {}), ...(filters.assignee ? { assignee: filters.assignee } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="cases" />
      <ScopeNote user={user} />
      <form
        method="get"
        role="search"
        aria-label={t("list.filters.label")}
        className="mb-6 flex flex-wrap items-end gap-4"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="filter-status" className="text-sm font-medium text-slate-800">
            {t("list.filters.status")}
          </label>
          <select id="filter-status" name="status" defaultValue={filters.status} className={inputClasses}>
            <option value="">{t("list.filters.allStatuses")}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="filter-assignee" className="text-sm font-medium text-slate-800">
            {t("list.filters.assignee")}
          </label>
          <select id="filter-assignee" name="assignee" defaultValue={filters.assignee} className={inputClasses}>
            <option value="">{t("list.filters.anyone")}</option>
            <option value="me">{t("list.filters.me")}</option>
            <option value="none">{t("list.filters.unassigned")}</option>
          </select>
        </div>
        <label className="inline-flex items-center gap-2 py-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="overdue"
            value="1"
            defaultChecked={filters.overdue === "1"}
            className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
          />
          {t("list.filters.overdueOnly")}
        </label>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("list.filters.apply")}
        </button>
        {filtered ? (
          <Link href="/integrity/cases" className="py-2 text-sm font-medium text-brand-700 hover:underline">
            {t("list.filters.reset")}
          </Link>
        ) : null}
      </form>
      <p className="mb-3 text-sm text-slate-600" data-testid="cases-total">
        {t("list.total", { count: total })}
      </p>
      {rows.length ? (
        <div className="space-y-4">
          <CasesTable rows={rows} />
          <Pager page={page} pageCount={pageCount} href={href} />
        </div>
      ) : filtered ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
          {t("list.emptyFiltered")}
        </p>
      ) : (
        <EmptyState title={t("list.empty.title")} icon={<ShieldIcon />}>
          <p>{t("list.empty.body")}</p>
        </EmptyState>
      )}
      <section
        aria-labelledby="case-feedback-title"
        className="mt-10 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="case-feedback-title" className="text-base font-semibold text-slate-900">
          {t("list.exports.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("list.exports.body")}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <a href="/api/cases/feedback/labels.csv" className={buttonClasses("secondary")} data-testid="labels-export">
            {t("list.exports.labels")}
          </a>
          <a
            href="/api/cases/feedback/offences.csv"
            className={buttonClasses("secondary")}
            data-testid="offences-export"
          >
            {t("list.exports.offences")}
          </a>
        </div>
      </section>
    </>
  );
}
