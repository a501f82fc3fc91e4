// /analysis/trs/peaks?from=&to=&office= — peak and off-peak for one office: registrations per weekday × hour with
// their median registration → release (heat table), and within office hours against outside them. Computed on
// demand over the office's declarations (lib/trs/trs-peaks.ts).
import type { Metadata } from "next";
import { Suspense } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { chosenOffice, trsPageContext } from "@/lib/trs/trs-page";
import { trsPeaks } from "@/lib/trs/trs-peaks";
import { queryString } from "@/lib/analysis/analysis-query";
import { PageHeader } from "@/components/ui/page-header";
import { NoAnalysisData } from "@/components/analysis/no-analysis-data";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { TrsTabs } from "@/components/analysis/trs-tabs";
import { TrsPeriodForm } from "@/components/analysis/trs-period-form";
import { TrsSelectors } from "@/components/analysis/trs-selectors";
import { PeakHeatTable } from "@/components/analysis/peak-heat-table";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis.trs.tabs"))("peaks") };
}

const th = "px-3 py-2";

// The heat table and the office-hours split, computed on demand, streamed behind a skeleton.
async function Peaks({ query }: { query: Parameters<typeof trsPeaks>[0] }) {
  const office = query.officeCode;
  const [t, ta, format] = await Promise.all([
    getTranslations("analysis.trs"),
    getTranslations("analysis"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const [{ cells, split }, hours] = await Promise.all([
    trsPeaks(query),
    db.office.findUniqueOrThrow({
      where: { officeCode: office },
      select: { openTime: true, closeTime: true, workdays: true },
    }),
  ]);
  const days = hours.workdays.map((d) => t(`peaks.weekdays.${d}` as "peaks.weekdays.1")).join(", ");
  return cells.length ? (
    <div className="space-y-8">
      <section aria-labelledby="peaks-title" className="space-y-2">
        <h2 id="peaks-title" className="text-lg font-semibold text-slate-900">
          {t("peaks.title", { office })}
        </h2>
        <p className="text-sm text-slate-600">{t("peaks.description")}</p>
        <PeakHeatTable cells={cells} caption={t("peaks.caption")} />
      </section>
      <section aria-labelledby="split-title" className="space-y-2">
        <h2 id="split-title" className="text-lg font-semibold text-slate-900">
          {t("peaks.splitTitle")}
        </h2>
        <p className="text-sm text-slate-600">
          {t("peaks.splitDescription", { open: hours.openTime, close: hours.closeTime, days })}
        </p>
        <TableFrame caption={t("peaks.splitTitle")} testId="peak-split">
          <TableHead>
            <th scope="col" className={th}></th>
            <th scope="col" className={`${th} text-right`}>
              {t("peaks.declarations")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("peaks.median")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("peaks.p90")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("peaks.notReleased")}
            </th>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {split.map((s) => (
              <tr key={String(s.withinHours)}>
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                  {t(s.withinHours ? "peaks.within" : "peaks.outside")}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{f.count(s.declarations)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{f.hours(s.medianH)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{f.hours(s.p90H)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{f.count(s.notReleased)}</td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      </section>
    </div>
  ) : (
    <EmptyState title={t("peaks.title", { office })} icon={<ChartIcon />}>
      <p>{t("peaks.empty")}</p>
    </EmptyState>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrsPeaksPage({ searchParams }: Props) {
  const user = await requireArea("analysis");
  const [ctx, t, ta] = await Promise.all([
    trsPageContext(user, await searchParams),
    getTranslations("analysis.trs"),
    getTranslations("analysis"),
  ]);
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!ctx.period || !ctx.offices.length) {
    return <NoAnalysisData header={header} title={t("noData.title")} body={t("noData.body")} />;
  }
  const { period } = ctx;
  const office = chosenOffice(ctx);
  return (
    <>
      {header}
      <ScopeNote user={user} />
      <TrsTabs active="peaks" query={queryString({ from: period.from, to: period.to, office })} />
      <TrsPeriodForm action="/analysis/trs/peaks" period={period}>
        <TrsSelectors offices={ctx.offices} office={office} />
      </TrsPeriodForm>
      <Suspense key={`${period.from}|${period.to}|${office}`} fallback={<SectionSkeleton label={ta("loading")} />}>
        <Peaks query={{ ...period, officeCode: office }} />
      </Suspense>
    </>
  );
}
