// /analysis/trs/distribution?from=&to=&office=&lane=&interval= — how one interval's durations spread for one office
// and lane: a histogram computed on demand over that office's declarations (lib/trs/trs-histogram.ts), with its
// table view and the censored count beside it.
import type { Metadata } from "next";
import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { chosenOffice, trsPageContext } from "@/lib/trs/trs-page";
import { trsHistogram } from "@/lib/trs/trs-histogram";
import { queryString } from "@/lib/analysis/analysis-query";
import { PageHeader } from "@/components/ui/page-header";
import { NoAnalysisData } from "@/components/analysis/no-analysis-data";
import { ScopeNote } from "@/components/shell/scope-note";
import { ChartFigure } from "@/components/charts/chart-figure";
import { HistogramChart } from "@/components/charts/histogram-chart";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { TrsTabs } from "@/components/analysis/trs-tabs";
import { TrsPeriodForm } from "@/components/analysis/trs-period-form";
import { TrsSelectors } from "@/components/analysis/trs-selectors";
import { SectionSkeleton } from "@/components/ui/section-skeleton";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis.trs.tabs"))("distribution") };
}

// The histogram, computed on demand, streamed behind a skeleton.
async function Histogram({ query }: { query: Parameters<typeof trsHistogram>[0] }) {
  const [histogram, t, ta, format] = await Promise.all([
    trsHistogram(query),
    getTranslations("analysis.trs"),
    getTranslations("analysis"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const title = t("distribution.title", {
    interval: ta(`intervals.${query.interval}`),
    office: query.officeCode,
    lane: ta(`lanes.${query.lane}` as "lanes.G"),
  });
  const label = (from: number, to: number | null) =>
    to === null ? t("distribution.beyond", { from: f.hours(from) }) : `${f.hours(from)} – ${f.hours(to)}`;
  return (
    <ChartFigure
      testId="trs-histogram"
      title={title}
      description={
        <>
          {histogram.bins ? `${t("distribution.description", { width: f.hours(histogram.bins.width) })} ` : null}
          {t("distribution.stats", { complete: histogram.complete, censored: histogram.censored })}
        </>
      }
      tableLabel={t("distribution.showTable")}
      empty={histogram.bars.length ? null : t("distribution.empty")}
      table={{
        caption: title,
        columns: [t("distribution.bin"), t("distribution.count")],
        rows: histogram.bars.map((b) => [label(b.from, b.to), f.count(b.count)]),
        numeric: [false, true],
      }}
    >
      <HistogramChart
        label={title}
        countName={t("distribution.count")}
        data={histogram.bars.map((b) => ({ label: label(b.from, b.to), count: b.count }))}
      />
    </ChartFigure>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrsDistributionPage({ searchParams }: Props) {
  const user = await requireArea("analysis");
  const [ctx, t, ta] = await Promise.all([
    trsPageContext(user, await searchParams),
    getTranslations("analysis.trs"),
    getTranslations("analysis"),
  ]);
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!ctx.period || !ctx.offices.length) {
    return (
      <NoAnalysisData
        header={header}
        title={t("noData.title")}
        body={ctx.offices.length ? t("noData.body") : t("distribution.noOffice")}
      />
    );
  }
  const { period, query } = ctx;
  const office = chosenOffice(ctx);
  const lane = query.lane ?? "G";
  const interval = query.interval ?? "reg_release";
  return (
    <>
      {header}
      <ScopeNote user={user} />
      <TrsTabs
        active="distribution"
        query={queryString({ from: period.from, to: period.to, office, lane, interval })}
      />
      <TrsPeriodForm action="/analysis/trs/distribution" period={period}>
        <TrsSelectors offices={ctx.offices} office={office} lane={lane} interval={interval} />
      </TrsPeriodForm>
      <Suspense
        key={`${period.from}|${period.to}|${office}|${lane}|${interval}`}
        fallback={<SectionSkeleton label={ta("loading")} />}
      >
        <Histogram query={{ ...period, officeCode: office, lane, interval }} />
      </Suspense>
    </>
  );
}
