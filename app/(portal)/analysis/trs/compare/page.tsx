// /analysis/trs/compare?baseFrom=&baseTo=&from=&to= — two periods side by side (before and after a reform), per office,
// lane and interval, from their stored tables, with the change of the median; CSV/XLSX. Defaults: the chosen period
// and the one of the same length before it.
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { trsTableContext } from "@/lib/trs/trs-page";
import { readStoredTrs } from "@/lib/trs/read-trs";
import { compareTrs } from "@/lib/trs/trs-summary";
import { TRS_INTERVAL_IDS } from "@/lib/trs/trs-intervals";
import { previousPeriod, queryString } from "@/lib/analysis/analysis-query";
import { PageHeader } from "@/components/ui/page-header";
import { NoAnalysisData } from "@/components/analysis/no-analysis-data";
import { Notice } from "@/components/ui/notice";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { ExportLinks } from "@/components/ui/export-links";
import { ScopeNote } from "@/components/shell/scope-note";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { TrsTabs } from "@/components/analysis/trs-tabs";
import { ComputeButton } from "@/components/analysis/compute-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analysis.trs.tabs"))("compare") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const th = "px-3 py-2";

export default async function TrsComparePage({ searchParams }: Props) {
  const user = await requireArea("analysis");
  const [ctx, t, ta, tc, format] = await Promise.all([
    trsTableContext(user, await searchParams),
    getTranslations("analysis.trs"),
    getTranslations("analysis"),
    getTranslations("analysis.compute"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!ctx.period) {
    return <NoAnalysisData header={header} title={t("noData.title")} body={t("noData.body")} />;
  }
  const after = ctx.period;
  const q = ctx.query;
  const before =
    q.baseFrom && q.baseTo && q.baseFrom <= q.baseTo ? { from: q.baseFrom, to: q.baseTo } : previousPeriod(after);
  const [b, a] = await Promise.all([readStoredTrs(user, before), ctx.stored]);
  const missing = [...(b ? [] : [before]), ...(a ? [] : [after])];
  const rows = b && a ? compareTrs(b.rows, a.rows, TRS_INTERVAL_IDS) : [];
  const range = (p: { from: string; to: string }) => t("period.range", { from: f.day(p.from), to: f.day(p.to) });
  const exportQuery = queryString({ baseFrom: before.from, baseTo: before.to, from: after.from, to: after.to });
  const label = "text-sm font-medium text-slate-800";
  const dateInput = (id: string, name: string, value: string, text: string) => (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <input id={id} name={name} type="date" defaultValue={value} required className={inputClasses} />
    </div>
  );
  const change = (v: number | null) => (
    <span
      className={v === null ? "text-slate-400" : v < 0 ? "text-emerald-700" : v > 0 ? "text-red-700" : "text-slate-700"}
    >
      {f.signedHours(v)}
    </span>
  );
  return (
    <>
      {header}
      <ScopeNote user={user} />
      <TrsTabs active="compare" query={queryString({ from: after.from, to: after.to })} />
      <p className="mb-4 text-sm text-slate-600">{t("compare.description")}</p>
      <form
        method="get"
        action="/analysis/trs/compare"
        aria-label={t("compare.title")}
        className="mb-6 flex flex-wrap items-end gap-6"
        data-testid="compare-form"
      >
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
            {t("compare.before")}
          </legend>
          {dateInput("base-from", "baseFrom", before.from, t("period.from"))}
          {dateInput("base-to", "baseTo", before.to, t("period.to"))}
        </fieldset>
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
            {t("compare.after")}
          </legend>
          {dateInput("after-from", "from", after.from, t("period.from"))}
          {dateInput("after-to", "to", after.to, t("period.to"))}
        </fieldset>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("compare.show")}
        </button>
      </form>
      {missing.length ? (
        <div className="mb-6 flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <Notice tone="info">{t("compare.missing", { periods: missing.map(range).join(", ") })}</Notice>
          <ComputeButton
            label={missing.length > 1 ? tc("computeBoth") : tc("computeTrs")}
            requests={missing.map((p) => ({ kind: "trs" as const, ...p }))}
          />
        </div>
      ) : rows.length ? (
        <section aria-labelledby="compare-title" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2
              id="compare-title"
              className="text-lg font-semibold text-slate-900"
            >{`${range(before)} → ${range(after)}`}</h2>
            <ExportLinks base="/api/trs/compare" query={exportQuery} />
          </div>
          <div className="max-h-[36rem] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="trs-compare">
              <caption className="sr-only">{t("compare.caption")}</caption>
              <thead className="sticky top-0 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className={th}>
                    {t("table.office")}
                  </th>
                  <th scope="col" className={th}>
                    {t("table.lane")}
                  </th>
                  <th scope="col" className={th}>
                    {t("table.interval")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("compare.countBefore")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("compare.countAfter")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("compare.medianBefore")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("compare.medianAfter")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("compare.change")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("compare.p90Before")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("compare.p90After")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr
                    key={`${r.officeCode}|${r.lane}|${r.interval}`}
                    data-row={`${r.officeCode}|${r.lane}|${r.interval}`}
                    data-median-delta={r.medianDelta ?? ""}
                  >
                    <td className="px-3 py-1.5 font-medium text-slate-900">{r.officeCode}</td>
                    <td className="px-3 py-1.5">{ta(`lanes.${r.lane}` as "lanes.G")}</td>
                    <td className="px-3 py-1.5 text-slate-700">{ta(`intervals.${r.interval}`)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{f.count(r.before?.count)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{f.count(r.after?.count)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{f.hours(r.before?.medianH)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{f.hours(r.after?.medianH)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">
                      {change(r.medianDelta)}
                      {r.medianChange !== null ? (
                        <span className="ml-1 text-xs text-slate-500">({f.signedShare(r.medianChange)})</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{f.hours(r.before?.p90H)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{f.hours(r.after?.p90H)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-slate-600">{t("compare.legend")}</p>
        </section>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">
          {t("compare.empty")}
        </p>
      )}
    </>
  );
}
