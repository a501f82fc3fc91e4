// /dashboard — the manager overview: every scored contract of the user's offices in force in one month (the latest
// month with data unless chosen), with its score, traffic lights, trend vs the month before and score so far,
// filtered by office and unit, sorted by score; links to the office and unit pages and to the drill-downs.
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";
import { requireArea } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session-user";
import { OverviewFilters } from "@/lib/dashboard/overview-filters";
import { contractOverview } from "@/lib/dashboard/contract-overview";
import { visibleOffices } from "@/lib/dashboard/dashboard-scope";
import { dataMonths } from "@/lib/dashboard/subject-dashboard";
import { queueContractRefresh } from "@/lib/dashboard/queue-contract-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { ChartIcon } from "@/components/ui/icons";
import { buttonClasses } from "@/components/ui/button";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { formatMonth, formatScore } from "@/components/format/kpi-format";
import { OverviewFiltersForm } from "@/components/dashboard/overview-filters-form";
import { OverviewTable } from "@/components/dashboard/overview-table";
import { IndicatorLegend } from "@/components/indicators/indicator-legend";
import { Pager } from "@/components/ui/pager";
import { ExportLinks } from "@/components/ui/export-links";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard.overview"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function Overview({ user, filters }: { user: SessionUser; filters: OverviewFilters & { month: string } }) {
  const [t, format, overview] = await Promise.all([
    getTranslations("dashboard.overview"),
    getFormatter(),
    contractOverview(user, filters),
  ]);
  if (overview.stale.length) await queueContractRefresh(overview.latestImportId, overview.stale);
  if (!overview.total) {
    return (
      <EmptyState title={t("empty.title")} icon={<ChartIcon />}>
        <p>{t("empty.body", { month: formatMonth(format, filters.month) })}</p>
      </EmptyState>
    );
  }
  const query = new URLSearchParams({
    month: filters.month,
    office: filters.office,
    unit: filters.unit,
    sort: filters.sort,
  }).toString();
  const cards = [
    { key: "contracts", value: format.number(overview.total) },
    { key: "median", value: formatScore(format, overview.summary.medianScore, 100) },
    { key: "improving", value: format.number(overview.summary.improving) },
    { key: "worsening", value: format.number(overview.summary.worsening) },
  ];
  return (
    <div className="space-y-4">
      {overview.pending ? <Notice tone="info">{t("pending", { count: overview.pending })}</Notice> : null}
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {cards.map((c) => (
          <Card key={c.key} className="p-4" data-testid={`card-${c.key}`}>
            <p className="text-xs font-medium text-slate-600">{t(`cards.${c.key}`)}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{c.value}</p>
          </Card>
        ))}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {t("count", { count: overview.total, month: formatMonth(format, filters.month) })}
        </p>
        <ExportLinks base="/api/dashboard/overview" query={query} />
      </div>
      <OverviewTable rows={overview.rows} />
      <IndicatorLegend kpiIds={overview.rows.flatMap((r) => r.indicators.map((i) => i.kpiId))} />
      <Pager page={overview.page} pageCount={overview.pageCount} href={(page) => `/dashboard?${query}&page=${page}`} />
      <p className="text-xs text-slate-600">{t("legend")}</p>
    </div>
  );
}

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireArea("dashboard");
  const filters = OverviewFilters.parse(await searchParams);
  const [t, offices, { months }] = await Promise.all([
    getTranslations("dashboard.overview"),
    visibleOffices(user),
    dataMonths(),
  ]);
  const month = filters.month || months.at(-1) || "";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ScopeNote user={user} />
      {month ? (
        <>
          <OverviewFiltersForm
            filters={filters}
            month={month}
            months={months.includes(month) ? months : [...months, month].sort()}
            offices={offices}
          />
          <Suspense key={JSON.stringify({ ...filters, month })} fallback={<SectionSkeleton label={t("loading")} />}>
            <Overview user={user} filters={{ ...filters, month }} />
          </Suspense>
          <section aria-labelledby="offices-title" className="mt-10">
            <h2 id="offices-title" className="text-lg font-semibold text-slate-900">
              {t("offices.title")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("offices.body")}</p>
            <ul className="mt-3 flex flex-wrap gap-2">
              {offices.map((o) => (
                <li key={o.officeCode}>
                  <Link
                    href={`/dashboard/offices/${encodeURIComponent(o.officeCode)}`}
                    className={buttonClasses("secondary")}
                  >
                    {`${o.officeCode} · ${o.name}`}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        <EmptyState title={t("noData.title")} icon={<ChartIcon />}>
          <p>{t("noData.body")}</p>
        </EmptyState>
      )}
    </>
  );
}
