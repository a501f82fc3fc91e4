// The TRS report as a document, in the spirit of the WCO Time Release Study model report: scope, method, results
// (the table and where the time goes) and bottlenecks. Rendered on its own print page; GET /api/trs/report.pdf
// prints it with Chromium (lib/contracts/render-pdf.ts).
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { TrsPeriod } from "@/lib/trs/trs-intervals";
import { TRS_INTERVAL_IDS } from "@/lib/trs/trs-intervals";
import type { StoredTrs } from "@/lib/trs/read-trs";
import { bottlenecks, scopeFigures, stageBars } from "@/lib/trs/trs-summary";
import { PrintStyles } from "@/components/ui/print-styles";
import { PrintButton } from "@/components/ui/print-button";
import { Notice } from "@/components/ui/notice";
import { buttonClasses } from "@/components/ui/button";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { TrsTable } from "@/components/analysis/trs-table";
import { StageBarsStatic } from "@/components/analysis/stage-bars-static";
import { TableHead } from "@/components/ui/table-frame";

const th = "px-2 py-1.5";

export async function TrsReportView({
  period,
  stored,
  pdfHref,
}: {
  period: TrsPeriod;
  stored: NonNullable<StoredTrs> | null;
  pdfHref: string;
}) {
  const [t, ta, format, locale] = await Promise.all([
    getTranslations("analysis.trs.report"),
    getTranslations("analysis"),
    getFormatter(),
    getLocale(),
  ]);
  const f = analysisFormat(format, ta);
  const lane = (code: string) => ta(`lanes.${code}` as "lanes.G");
  const rows = stored?.rows ?? [];
  const scope = scopeFigures(rows);
  const found = bottlenecks(rows);
  const lanes = [...new Set(rows.map((r) => r.lane))];
  return (
    <article
      lang={locale}
      className="mx-auto max-w-4xl space-y-6 bg-white p-6 text-slate-900 print:p-0"
      data-testid="trs-report-print"
    >
      <PrintStyles />
      <div className="flex items-start justify-between gap-4 border-b border-slate-300 pb-4">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{ta("trs.title")}</p>
          <h1 className="mt-1 text-2xl font-semibold">{t("documentTitle")}</h1>
          <p className="mt-1 text-sm text-slate-700">
            {t("subtitle", { from: f.day(period.from), to: f.day(period.to) })}
          </p>
        </div>
        <div className="flex flex-col items-end gap-2 print:hidden">
          <a href={pdfHref} className={buttonClasses("primary")} download>
            {t("download")}
          </a>
          <PrintButton label={t("print")} />
        </div>
      </div>
      {!stored ? (
        <Notice tone="info">{t("notComputed")}</Notice>
      ) : (
        <>
          <section aria-labelledby="report-scope" className="print-keep space-y-3">
            <h2 id="report-scope" className="text-lg font-semibold">
              {t("scope.title")}
            </h2>
            <p className="text-sm leading-relaxed text-slate-800">
              {t("scope.body", {
                offices: scope.offices.join(", ") || "—",
                from: f.day(period.from),
                to: f.day(period.to),
              })}
            </p>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="report-scope">
              {[
                ["offices", f.count(scope.offices.length)],
                ["declarations", f.count(scope.declarations)],
                ["released", f.count(scope.released)],
                ["notReleased", f.count(scope.notReleased)],
              ].map(([key, value]) => (
                <div key={key} className="rounded border border-slate-300 p-3" data-figure={key}>
                  <dt className="text-xs text-slate-600">{t(`scope.${key}` as "scope.offices")}</dt>
                  <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="text-xs text-slate-600">{`${t("scope.lanes")}: ${lanes.map((l) => ta("laneLabel", { lane: lane(l), code: l })).join(", ")}`}</p>
          </section>

          <section aria-labelledby="report-method" className="space-y-2">
            <h2 id="report-method" className="text-lg font-semibold">
              {t("method.title")}
            </h2>
            <p className="text-sm leading-relaxed text-slate-800">{t("method.body")}</p>
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
              {TRS_INTERVAL_IDS.map((i) => (
                <li key={i}>
                  <span className="font-medium">{ta(`intervals.${i}`)}</span>: {ta(`intervalDefinitions.${i}`)}
                </li>
              ))}
            </ul>
            <p className="text-sm leading-relaxed text-slate-800">{t("method.statistics")}</p>
            <p className="text-sm leading-relaxed text-slate-800">{t("method.censoring")}</p>
          </section>

          <section aria-labelledby="report-results" className="space-y-3 print:break-before-page">
            <h2 id="report-results" className="text-lg font-semibold">
              {t("results.title")}
            </h2>
            {rows.length ? (
              <TrsTable rows={rows} caption={ta("trs.table.caption")} printable />
            ) : (
              <p className="text-sm">{ta("trs.table.empty")}</p>
            )}
            {rows.length ? (
              <div className="print-keep space-y-2">
                <h3 className="text-base font-semibold">{t("results.stagesTitle")}</h3>
                <StageBarsStatic bars={stageBars(rows, "medianH")} label={t("results.stagesTitle")} />
              </div>
            ) : null}
          </section>

          <section aria-labelledby="report-bottlenecks" className="print-keep space-y-3">
            <h2 id="report-bottlenecks" className="text-lg font-semibold">
              {t("bottlenecks.title")}
            </h2>
            {found.perLane.length ? (
              <>
                <p className="text-sm text-slate-800">{t("bottlenecks.perLane")}</p>
                <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="report-bottlenecks">
                  {found.perLane.map((b) => (
                    <li key={b.lane} data-lane={b.lane} data-stage={b.stage}>
                      {t("bottlenecks.laneLine", {
                        lane: lane(b.lane),
                        stage: ta(`intervals.${b.stage}`),
                        hours: f.hours(b.hours),
                        total: f.hours(b.hours / b.share),
                        share: f.share(b.share),
                        count: b.count,
                      })}
                      {b.customs && b.customs.stage !== b.stage
                        ? ` ${t("bottlenecks.customsLine", { stage: ta(`intervals.${b.customs.stage}`), share: f.share(b.customs.share) })}`
                        : null}
                    </li>
                  ))}
                </ul>
                {found.slowest ? (
                  <p
                    className="text-sm text-slate-800"
                    data-testid="report-slowest"
                    data-office={found.slowest.officeCode}
                    data-lane={found.slowest.lane}
                  >
                    {t("bottlenecks.slowest", {
                      office: found.slowest.officeCode,
                      lane: lane(found.slowest.lane),
                      median: f.hours(found.slowest.medianH),
                      p90: f.hours(found.slowest.p90H),
                      count: found.slowest.count,
                    })}
                  </p>
                ) : null}
                <h3 className="text-base font-semibold">{t("bottlenecks.perGroup")}</h3>
                <table className="min-w-full divide-y divide-slate-200 rounded border border-slate-300 text-xs">
                  <caption className="sr-only">{t("bottlenecks.perGroup")}</caption>
                  <TableHead>
                    <th scope="col" className={th}>
                      {ta("trs.table.office")}
                    </th>
                    <th scope="col" className={th}>
                      {ta("trs.table.lane")}
                    </th>
                    <th scope="col" className={th}>
                      {t("bottlenecks.stage")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {ta("trs.table.median")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t("bottlenecks.share")}
                    </th>
                    <th scope="col" className={th}>
                      {t("bottlenecks.customsStage")}
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      {t("bottlenecks.share")}
                    </th>
                  </TableHead>
                  <tbody className="divide-y divide-slate-100">
                    {found.perGroup.map((g) => (
                      <tr key={`${g.officeCode}|${g.lane}`}>
                        <td className="px-2 py-0.5">{g.officeCode}</td>
                        <td className="px-2 py-0.5">{lane(g.lane)}</td>
                        <td className="whitespace-nowrap px-2 py-0.5">{ta(`intervals.${g.stage}`)}</td>
                        <td className="px-2 py-0.5 text-right tabular-nums">{f.hours(g.hours)}</td>
                        <td className="px-2 py-0.5 text-right tabular-nums">{f.share(g.share)}</td>
                        <td className="whitespace-nowrap px-2 py-0.5">
                          {g.customs ? ta(`intervals.${g.customs.stage}`) : f.none}
                        </td>
                        <td className="px-2 py-0.5 text-right tabular-nums">{f.share(g.customs?.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p className="text-sm">{t("bottlenecks.none")}</p>
            )}
          </section>
          <p className="border-t border-slate-300 pt-3 text-xs text-slate-600">
            {t("generated", { date: f.instant(new Date()), computed: f.instant(stored.computedAt) })}
          </p>
        </>
      )}
    </article>
  );
}
