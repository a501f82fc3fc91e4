// /contracts — the contracts the user may see (their office's, or all for national managers and administrators),
// filtered by status and text, with links to create one, to apply a template to a unit and to the KPI disputes to
// answer (with how many are open).
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { CONTRACT_STATUSES, ContractListFilters, listContracts } from "@/lib/contracts/list-contracts";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ContractIcon } from "@/components/ui/icons";
import { Notice } from "@/components/ui/notice";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { ScopeNote } from "@/components/shell/scope-note";
import { ContractsTable } from "@/components/contracts/contracts-table";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import type { SessionUser } from "@/lib/auth/session-user";
import { countOpenDisputes } from "@/lib/disputes/list-disputes";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The list computes each contract's score so far (KPI cells may need computing): it streams in after the filters.
async function ContractsList({ user, filters }: { user: SessionUser; filters: ContractListFilters }) {
  const [t, { rows, truncated }] = await Promise.all([getTranslations("contracts"), listContracts(user, filters)]);
  const filtered = filters.status !== "" || filters.q !== "";
  return (
    <>
      {truncated ? (
        <div className="mb-4">
          <Notice tone="info">{t("list.truncated", { count: rows.length })}</Notice>
        </div>
      ) : null}
      {rows.length ? (
        <ContractsTable rows={rows} basePath="/contracts" />
      ) : filtered ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
          {t("emptyFiltered")}
        </p>
      ) : (
        <EmptyState title={t("empty.title")} icon={<ContractIcon />}>
          <p>{t("empty.body")}</p>
        </EmptyState>
      )}
    </>
  );
}

// No loading.tsx in this area: a contract page must be able to answer a real 404 before anything is streamed
// (docs/decisions/013-guards-and-403.md); slow parts stream behind their own Suspense boundaries instead.
export default async function ContractsPage({ searchParams }: Props) {
  const user = await requireArea("contracts");
  const filters = ContractListFilters.parse(await searchParams);
  const [t, td, openDisputes] = await Promise.all([
    getTranslations("contracts"),
    getTranslations("disputes"),
    countOpenDisputes(user),
  ]);
  const filtered = filters.status !== "" || filters.q !== "";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <Link href="/contracts/disputes" className={buttonClasses("secondary")} data-testid="disputes-link">
          {td("link")}
          {openDisputes > 0 ? (
            <span
              className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-200"
              title={td("openCount", { count: openDisputes })}
            >
              <span aria-hidden>{openDisputes}</span>
              <span className="sr-only">{td("openCount", { count: openDisputes })}</span>
            </span>
          ) : null}
        </Link>
        <Link href="/contracts/apply-template" className={buttonClasses("secondary")}>
          {t("list.applyTemplate")}
        </Link>
        <Link href="/contracts/new" className={buttonClasses("primary")}>
          {t("list.newContract")}
        </Link>
      </PageHeader>
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
            <option value="">{t("list.filters.current")}</option>
            {CONTRACT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-72 flex-1 flex-col gap-1.5">
          <label htmlFor="filter-q" className="text-sm font-medium text-slate-800">
            {t("list.filters.search")}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={t("list.filters.searchPlaceholder")}
            className={inputClasses}
          />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("list.filters.apply")}
        </button>
        {filtered ? (
          <Link href="/contracts" className="py-2 text-sm font-medium text-brand-700 hover:underline">
            {t("list.filters.reset")}
          </Link>
        ) : null}
      </form>
      <Suspense
        key={`${filters.status}|${filters.q}`}
        fallback={<SectionSkeleton label={t("detail.loadingIndicators")} />}
      >
        <ContractsList user={user} filters={filters} />
      </Suspense>
    </>
  );
}
