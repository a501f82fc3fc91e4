// /analysis/trs/trend?from=&to=&office=&lane=&interval= — the median of one interval month by month for one office and
// lane: the twelve calendar months up to the period's last month, each read from its stored monthly table; months
// not computed yet are gaps, with a button to compute them.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { chosenOffice, trsPageContext } from "@/lib/trs/trs-page";
import { readTrsTrend } from "@/lib/trs/read-trs";
import { addMonths, monthPeriod } from "@/lib/kernel/calendar";
import { queryString } from "@/lib/analysis/analysis-query";
import { PageHeader } from "@/components/ui/page-header";
import { NoAnalysisData } from "@/components/analysis/no-analysis-data";
import { ScopeNote } from "@/components/shell/scope-note";
import { ChartFigure } from "@/components/charts/chart-figure";
import { TrendChart } from "@/components/charts/trend-chart";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { TrsTabs } from "@/components/analysis/trs-tabs";
import { TrsPeriodForm } from "@/components/analysis/trs-period-form";
import { TrsSelectors } from "@/components/analysis/trs-selectors";
import { ComputeButton } from "@/components/analysis/compute-button";

export const dynamic = "force-dynamic";

const MONTHS = 12;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis.trs.tabs"))("trend") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrsTrendPage({ searchParams }: Props) {
  const user = await requireArea("analysis");
  const [ctx, t, ta, tc, format] = await Promise.all([
    trsPageContext(user, await searchParams),
    getTranslations("analysis.trs"),
    getTranslations("analysis"),
    getTranslations("analysis.compute"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!ctx.period || !ctx.offices.length) {
    return <NoAnalysisData header={header} title={t("noData.title")} body={t("noData.body")} />;
  }
  const { period, query } = ctx;
  const office = chosenOffice(ctx);
  const lane = query.lane ?? "G";
  const interval = query.interval ?? "reg_release";
  const last = period.to.slice(0, 7);
  const months = Array.from({ length: MONTHS }, (_, i) => addMonths(last, i - MONTHS + 1));
  const trend = await readTrsTrend(user, { officeCode: office, lane, interval, months });
  // Months before the first month with data cannot be computed to anything.
  const firstData = ctx.months[0] ?? last;
  const missing = trend.filter((m) => !m.stored && m.month >= firstData && ctx.months.includes(m.month));
  const title = t("trend.title", { interval: ta(`intervals.${interval}`), office, lane: ta(`lanes.${lane}`) });
  const shown = trend.filter((m) => m.month >= firstData);
  return (
    <>
      {header}
      <ScopeNote user={user} />
      <TrsTabs active="trend" query={queryString({ from: period.from, to: period.to, office, lane, interval })} />
      <TrsPeriodForm action="/analysis/trs/trend" period={period}>
        <TrsSelectors offices={ctx.offices} office={office} lane={lane} interval={interval} />
      </TrsPeriodForm>
      {missing.length ? (
        <div
          className="mb-6 flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm"
          data-testid="trend-missing"
        >
          <p>{t("trend.missing", { months: missing.map((m) => f.month(m.month)).join(", ") })}</p>
          <ComputeButton
            label={tc("computeMissing")}
            requests={missing.map((m) => ({ kind: "trs" as const, ...monthPeriod(m.month) }))}
          />
        </div>
      ) : null}
      <ChartFigure
        testId="trs-trend"
        title={title}
        description={t("trend.description", { month: f.month(last) })}
        tableLabel={t("trend.showTable")}
        empty={shown.some((m) => m.medianH !== null) ? null : t("trend.empty")}
        table={{
          caption: title,
          columns: [t("trend.month"), t("table.count"), t("table.median"), t("table.p90"), t("table.censored")],
          rows: shown.map((m) =>
            m.stored
              ? [f.month(m.month), f.count(m.count), f.hours(m.medianH), f.hours(m.p90H), f.count(m.censored)]
              : [f.month(m.month), t("trend.notComputed"), f.none, f.none, f.none],
          ),
          numeric: [false, true, true, true, true],
        }}
      >
        <TrendChart
          label={title}
          kind="hours"
          band={null}
          thresholdName=""
          targetName=""
          data={shown.map((m) => ({ label: f.month(m.month), value: m.medianH }))}
        />
      </ChartFigure>
    </>
  );
}
