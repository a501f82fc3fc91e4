// /analysis/selectivity?office=&from=&to=&lanes=&page= — selectivity performance for the risk-management unit
//: per lane, the share of declarations, the inspection hit rate, the yield per inspection and the revenue
// recovered, by office and month, and the officers' re-routings out of yellow and red with the offences found after
// them. Read from the tables selectivity.compute stores (decision 021): stale tables ask for a new run.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@tremor/react";
import { AppError } from "@/lib/kernel/app-error";
import { notFound } from "next/navigation";
import { requireArea } from "@/lib/auth/guards";
import { latestRun } from "@/lib/analysis/analysis-runs";
import { visibleOffices } from "@/lib/dashboard/dashboard-scope";
import { SelectivityFilters } from "@/lib/selectivity/selectivity-filters";
import { selectivityReport, type SelectivityReport } from "@/lib/selectivity/selectivity-report";
import { refreshSelectivityIfStale, selectivityFreshness } from "@/lib/selectivity/selectivity-freshness";
import { mayRequestAnalysisRuns } from "@/lib/risk/run-access";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { ChartIcon } from "@/components/ui/icons";
import { ExportLinks } from "@/components/ui/export-links";
import { SubmitButton } from "@/components/ui/submit-button";
import { ScopeNote } from "@/components/shell/scope-note";
import { Pager } from "@/components/ui/pager";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { formatMonth } from "@/components/format/kpi-format";
import { RunPanel } from "@/components/risk/run-panel";
import { SelectivityFiltersForm } from "@/components/selectivity/selectivity-filters-form";
import { LaneTable } from "@/components/selectivity/lane-table";
import { ReroutesTable } from "@/components/selectivity/reroutes-table";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { computeSelectivityAction } from "@/app/(portal)/analysis/selectivity/actions";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 48;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("risk.selectivity"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadReport(
  user: Awaited<ReturnType<typeof requireArea>>,
  filters: SelectivityFilters,
): Promise<SelectivityReport> {
  try {
    return await selectivityReport(user, filters);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function SelectivityPage({ searchParams }: Props) {
  const user = await requireArea("analysis");
  const filters = SelectivityFilters.parse(await searchParams);
  const [t, tl, format, report, offices, freshness, run] = await Promise.all([
    getTranslations("risk.selectivity"),
    getTranslations("risk.lanes"),
    getFormatter(),
    loadReport(user, filters),
    visibleOffices(user),
    selectivityFreshness(),
    latestRun("SELECTIVITY_COMPUTE"),
  ]);
  await refreshSelectivityIfStale(freshness);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  const canRun = mayRequestAnalysisRuns(user);
  const panel = (
    <RunPanel
      title={t("run.title")}
      run={run}
      endpoint="/api/selectivity/runs"
      testId="selectivity-run"
      summary={
        <>
          {freshness.stored && report.computedAt ? (
            <p>
              {t("run.stored", {
                date: format.dateTime(new Date(report.computedAt), { dateStyle: "medium", timeStyle: "short" }),
                importId: String(freshness.storedImportId ?? "—"),
              })}
            </p>
          ) : null}
          {freshness.stale ? <Notice tone="info">{t("run.stale")}</Notice> : null}
        </>
      }
    >
      {canRun ? (
        <form action={computeSelectivityAction}>
          <SubmitButton variant="secondary" pendingLabel={t("run.pending")}>
            {t("run.compute")}
          </SubmitButton>
        </form>
      ) : null}
    </RunPanel>
  );
  const header = (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ScopeNote user={user} />
      <div className="mb-6">{panel}</div>
    </>
  );
  if (!report.period) {
    return (
      <>
        {header}
        <EmptyState title={t("empty.title")} icon={<ChartIcon />}>
          <p>{t("empty.body")}</p>
        </EmptyState>
      </>
    );
  }
  const period = report.period;
  const query = new URLSearchParams({
    office: filters.office,
    from: period.from,
    to: period.to,
    lanes: filters.lanes,
  }).toString();
  const range =
    period.from === period.to
      ? formatMonth(format, period.from)
      : t("range", { from: formatMonth(format, period.from), to: formatMonth(format, period.to) });
  const totals = report.lanes.reduce(
    (s, l) => ({
      declarations: s.declarations + l.declarations,
      inspections: s.inspections + l.inspections,
      offences: s.offences + l.offences,
      adjustments: s.adjustments + l.adjustmentTotal,
      taxDelta: s.taxDelta + l.taxDelta,
    }),
    { declarations: 0, inspections: 0, offences: 0, adjustments: 0, taxDelta: 0 },
  );
  const cards = [
    { key: "declarations", value: f.count(totals.declarations) },
    { key: "inspections", value: f.count(totals.inspections) },
    {
      key: "hitRate",
      value: f.rate(
        totals.inspections ? totals.offences / totals.inspections : null,
        totals.offences,
        totals.inspections,
      ),
    },
    { key: "recovered", value: f.amount(totals.adjustments + totals.taxDelta) },
  ];
  const laneName = (lane: string) => tl(lane);
  const shareData = report.lanes.map((l) => ({
    lane: laneName(l.lane),
    [t("charts.shareSeries")]: Math.round((l.share ?? 0) * 1000) / 10,
  }));
  const hitData = report.lanes
    .filter((l) => l.inspections > 0)
    .map((l) => ({ lane: laneName(l.lane), [t("charts.hitSeries")]: Math.round((l.hitRate ?? 0) * 1000) / 10 }));
  const pageCount = Math.max(1, Math.ceil(report.cells.length / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const cells = report.cells.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const topOfficers = report.reroutes.slice(0, 10);
  return (
    <>
      {header}
      <SelectivityFiltersForm filters={filters} period={period} months={report.months} offices={offices} />
      <p className="mb-4 text-sm text-slate-600">{t("covers", { range, lanes: t(`filters.${filters.lanes}`) })}</p>
      <div className="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {cards.map((c) => (
          <Card key={c.key} className="p-4" data-testid={`card-${c.key}`}>
            <p className="text-xs font-medium text-slate-600">{t(`cards.${c.key}`)}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{c.value}</p>
          </Card>
        ))}
      </div>

      <section aria-labelledby="lanes-title" className="mb-10 space-y-4">
        <h2 id="lanes-title" className="text-lg font-semibold text-slate-900">
          {t("lanesTitle")}
        </h2>
        <LaneTable rows={report.lanes} caption={t("lanesCaption", { range })} testId="lane-totals" />
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFigure
            title={t("charts.shareTitle")}
            description={t("charts.shareBody")}
            tableLabel={t("charts.tableLabel")}
            table={{
              caption: t("charts.shareTitle"),
              columns: [t("table.lane"), t("table.declarations"), t("table.share")],
              numeric: [false, true, true],
              rows: report.lanes.map((l) => [laneName(l.lane), f.count(l.declarations), f.percent(l.share)]),
            }}
            empty={report.lanes.length ? null : t("charts.empty")}
            testId="chart-share"
          >
            <BarChart
              data={shareData}
              index="lane"
              categories={[t("charts.shareSeries")]}
              label={t("charts.shareTitle")}
            />
          </ChartFigure>
          <ChartFigure
            title={t("charts.hitTitle")}
            description={t("charts.hitBody")}
            tableLabel={t("charts.tableLabel")}
            table={{
              caption: t("charts.hitTitle"),
              columns: [t("table.lane"), t("table.inspections"), t("table.hitRate")],
              numeric: [false, true, true],
              rows: report.lanes.map((l) => [
                laneName(l.lane),
                f.count(l.inspections),
                f.rate(l.hitRate, l.offences, l.inspections),
              ]),
            }}
            empty={hitData.length ? null : t("charts.noInspections")}
            testId="chart-hit"
          >
            <BarChart data={hitData} index="lane" categories={[t("charts.hitSeries")]} label={t("charts.hitTitle")} />
          </ChartFigure>
        </div>
        <p className="text-xs leading-relaxed text-slate-600">{t("legend")}</p>
      </section>

      <section aria-labelledby="cells-title" className="mb-10 space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="cells-title" className="text-lg font-semibold text-slate-900">
            {t("cellsTitle")}
          </h2>
          <ExportLinks base="/api/selectivity/lanes" query={query} />
        </div>
        <LaneTable rows={cells} caption={t("cellsCaption", { range })} testId="lane-cells" />
        <Pager page={page} pageCount={pageCount} href={(p) => `/analysis/selectivity?${query}&page=${p}`} />
      </section>

      <section aria-labelledby="reroutes-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="reroutes-title" className="text-lg font-semibold text-slate-900">
            {t("reroutes.title")}
          </h2>
          {report.reroutes.length ? <ExportLinks base="/api/selectivity/reroutes" query={query} /> : null}
        </div>
        <p className="max-w-3xl text-sm text-slate-600" data-testid="rerouted-share">
          {t("reroutes.summary", {
            reroutes: f.count(report.reroutedShare.reroutes),
            base: f.count(report.reroutedShare.base),
            share: f.percent(report.reroutedShare.value),
          })}
        </p>
        {report.reroutes.length ? (
          <>
            <ReroutesTable rows={report.reroutes} caption={t("reroutes.caption", { range })} />
            <ChartFigure
              title={t("reroutes.chartTitle")}
              description={t("reroutes.chartBody")}
              tableLabel={t("charts.tableLabel")}
              table={{
                caption: t("reroutes.chartTitle"),
                columns: [t("reroutes.officer"), t("reroutes.reroutes"), t("reroutes.withOffence")],
                numeric: [false, true, true],
                rows: topOfficers.map((o) => [
                  o.officerId || t("reroutes.unknownOfficer"),
                  f.count(o.reroutes),
                  f.count(o.withOffence),
                ]),
              }}
              empty={null}
              testId="chart-reroutes"
            >
              <GroupedBarChart
                data={topOfficers.map((o) => ({
                  officer: o.officerId || "?",
                  reroutes: o.reroutes,
                  withOffence: o.withOffence,
                }))}
                index="officer"
                series={[
                  { key: "reroutes", name: t("reroutes.reroutes"), color: "#1f4fc4" },
                  { key: "withOffence", name: t("reroutes.withOffence"), color: "#b45309" },
                ]}
                label={t("reroutes.chartTitle")}
              />
            </ChartFigure>
            <p className="text-xs leading-relaxed text-slate-600">{t("reroutes.legend")}</p>
          </>
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
            {t("reroutes.empty")}
          </p>
        )}
      </section>
    </>
  );
}
