// /analysis/trs?from=&to=&measure= — the Time Release Study of a period (the latest month with data unless chosen):
// the stored table per office × lane × interval with its exports, where the time goes per stage, and the Compute
// button for a period not stored yet or stored before the latest import.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { trsTableContext } from "@/lib/trs/trs-page";
import { queryString } from "@/lib/analysis/analysis-query";
import { PageHeader } from "@/components/ui/page-header";
import { NoAnalysisData } from "@/components/analysis/no-analysis-data";
import { buttonClasses } from "@/components/ui/button";
import { ExportLinks } from "@/components/ui/export-links";
import { ScopeNote } from "@/components/shell/scope-note";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { TrsTabs, trsHref } from "@/components/analysis/trs-tabs";
import { TrsPeriodForm } from "@/components/analysis/trs-period-form";
import { ComputationStatus } from "@/components/analysis/computation-status";
import { TrsTable } from "@/components/analysis/trs-table";
import { TrsStageCharts } from "@/components/analysis/trs-stage-charts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis.trs"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrsPage({ searchParams }: Props) {
  const user = await requireArea("analysis");
  const [ctx, t, ta, tc, format] = await Promise.all([
    trsTableContext(user, await searchParams),
    getTranslations("analysis.trs"),
    getTranslations("analysis"),
    getTranslations("analysis.compute"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const { period, stored } = ctx;
  const measure = ctx.query.measure === "mean" ? "meanH" : "medianH";
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!period) {
    return <NoAnalysisData header={header} title={t("noData.title")} body={t("noData.body")} />;
  }
  const query = queryString({ from: period.from, to: period.to });
  const caption = t("table.title", { from: f.day(period.from), to: f.day(period.to) });
  return (
    <>
      {header}
      <ScopeNote user={user} />
      <TrsTabs active="table" query={query} />
      <TrsPeriodForm
        action="/analysis/trs"
        period={period}
        storedPeriods={ctx.storedPeriods}
        keep={{ measure: ctx.query.measure }}
      />
      <ComputationStatus
        stored={stored}
        latestImport={ctx.latestImport}
        request={{ kind: "trs", ...period }}
        missingText={tc("missingTrs")}
      />
      {stored ? (
        <div className="space-y-8">
          <section aria-labelledby="trs-table-title" className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="trs-table-title" className="text-lg font-semibold text-slate-900">
                {caption}
              </h2>
              <div className="flex flex-wrap items-center gap-2">
                <Link href={trsHref("report", query)} className={buttonClasses("secondary", "px-2.5 py-1.5 text-xs")}>
                  {t("report.open")}
                </Link>
                <a
                  href={`/api/trs/report.pdf?${query}`}
                  className={buttonClasses("secondary", "px-2.5 py-1.5 text-xs")}
                  download
                  data-testid="trs-report-pdf"
                >
                  {t("report.download")}
                </a>
                {stored.rows.length ? <ExportLinks base="/api/trs/table" query={query} /> : null}
              </div>
            </div>
            {stored.rows.length ? (
              <>
                <TrsTable rows={stored.rows} caption={t("table.caption")} />
                <p className="text-xs leading-relaxed text-slate-600">{t("table.legend")}</p>
              </>
            ) : (
              <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
                {t("table.empty")}
              </p>
            )}
          </section>
          {stored.rows.length ? (
            <section aria-labelledby="stages-title" className="space-y-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="stages-title" className="text-lg font-semibold text-slate-900">
                  {t("stages.heading")}
                </h2>
                <p className="flex items-center gap-2 text-sm text-slate-700">
                  <span>{t("stages.measure")}</span>
                  {(["median", "mean"] as const).map((m) => (
                    <Link
                      key={m}
                      href={`/analysis/trs?${queryString({ from: period.from, to: period.to, measure: m })}`}
                      aria-current={(m === "mean") === (measure === "meanH") ? "true" : undefined}
                      className="rounded-full px-2.5 py-0.5 font-medium text-brand-700 ring-1 ring-inset ring-slate-200 hover:underline aria-[current=true]:bg-brand-50"
                    >
                      {t(`stages.${m}`)}
                    </Link>
                  ))}
                </p>
              </div>
              <TrsStageCharts rows={stored.rows} measure={measure} />
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
