// The data-quality report of an import: can this period's data be trusted before KPIs are computed on it?
import { getFormatter, getTranslations } from "next-intl/server";
import type { QualityReport } from "@/lib/clearance/quality-report";

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-2 tabular-nums";

export async function QualityReportView({ report }: { report: QualityReport }) {
  const [t, format] = await Promise.all([getTranslations("data.quality"), getFormatter()]);
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const num = (v: number, digits = 0) => format.number(v, { maximumFractionDigits: digits });
  const suspicious = report.sequences.reduce((s, q) => s + q.count, 0);
  const incomplete = report.completeness.filter((c) => c.nulls > 0);
  const months = [...new Set(report.volumes.map((v) => v.month))].sort();
  const offices = [...new Set(report.volumes.map((v) => v.officeCode))].sort();
  const volume = new Map(report.volumes.map((v) => [`${v.officeCode}|${v.month}`, v.declarations]));

  return (
    <section aria-labelledby="quality-title" className="space-y-6">
      <div>
        <h2 id="quality-title" className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>

      {report.rejectionCauses?.length ? (
        <div className="rounded-lg border border-red-200 bg-white p-4 shadow-sm" data-testid="rejection-causes">
          <h3 className="font-semibold text-slate-900">{t("causes.title")}</h3>
          <p className="mb-3 text-sm text-slate-600">{t("causes.help")}</p>
          <table className="min-w-full text-sm">
            <thead><tr><th className={th}>{t("causes.row")}</th><th className={th}>{t("causes.reason")}</th><th className={th}>{t("causes.dependents")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {report.rejectionCauses.map((c) => (
                <tr key={`${c.file}:${c.line}`}>
                  <td className="whitespace-nowrap px-3 py-2 font-medium">{t("causes.line", { file: c.file, line: c.line })}</td>
                  <td className="px-3 py-2 text-slate-700">{c.reason}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {Object.entries(c.dependents).map(([file, count]) => t("causes.count", { file, count: num(count) })).join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {[
          [t("declarations"), num(report.declarations)],
          [t("offices"), num(offices.length)],
          [t("months"), num(months.length)],
          [t("suspicious"), num(suspicious)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 className="font-semibold text-slate-900">{t("sequences.title")}</h3>
          <p className="mb-3 text-sm text-slate-600">{t("sequences.help")}</p>
          <table className="min-w-full text-sm">
            <thead><tr><th className={th}>{t("sequences.check")}</th><th className={`${th} text-right`}>{t("count")}</th><th className={`${th} text-right`}>{t("share")}</th><th className={th}>{t("sequences.examples")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {report.sequences.map((s) => (
                <tr key={s.check} data-check={s.check}>
                  <td className="px-3 py-2">{t(`sequences.${s.check}`)}</td>
                  <td className={`${td} text-right ${s.count ? "font-semibold text-amber-800" : ""}`}>{num(s.count)}</td>
                  <td className={`${td} text-right`}>{pct(s.share)}</td>
                  <td className="px-3 py-2 font-mono text-xs text-slate-600">{s.examples.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 className="font-semibold text-slate-900">{t("timeliness.title")}</h3>
          <p className="mb-3 text-sm text-slate-600">{t("timeliness.help")}</p>
          <table className="min-w-full text-sm">
            <thead><tr><th className={th}>{t("office")}</th><th className={`${th} text-right`}>{t("declarations")}</th><th className={`${th} text-right`}>{t("timeliness.median")}</th><th className={`${th} text-right`}>{t("timeliness.p90")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {report.timeliness.map((r) => (
                <tr key={r.officeCode}>
                  <td className="px-3 py-2 font-medium">{r.officeCode}</td>
                  <td className={`${td} text-right`}>{num(r.declarations)}</td>
                  <td className={`${td} text-right`}>{num(r.medianLagDays, 1)}</td>
                  <td className={`${td} text-right`}>{num(r.p90LagDays, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h3 className="font-semibold text-slate-900">{t("completeness.title")}</h3>
        <p className="mb-3 text-sm text-slate-600">{t("completeness.help", { complete: report.completeness.length - incomplete.length, total: report.completeness.length })}</p>
        {incomplete.length ? (
          <table className="min-w-full text-sm">
            <thead><tr><th className={th}>{t("completeness.file")}</th><th className={th}>{t("completeness.column")}</th><th className={`${th} text-right`}>{t("completeness.nulls")}</th><th className={`${th} w-1/3`}>{t("share")}</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {incomplete.map((c) => (
                <tr key={`${c.file}.${c.column}`}>
                  <td className="px-3 py-2 text-slate-600">{c.file}</td>
                  <td className="px-3 py-2 font-mono text-xs">{c.column}</td>
                  <td className={`${td} text-right`}>{num(c.nulls)} / {num(c.rows)}</td>
                  <td className="px-3 py-2">
                    <div className="flex items-center gap-2">
                      <div className="h-2 flex-1 rounded bg-slate-100" aria-hidden>
                        <div className="h-2 rounded bg-amber-500" style={{ width: `${c.nullShare * 100}%` }} />
                      </div>
                      <span className="w-14 text-right tabular-nums">{pct(c.nullShare)}</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-emerald-800">{t("completeness.allComplete")}</p>
        )}
      </div>

      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h3 className="font-semibold text-slate-900">{t("volumes.title")}</h3>
        <p className="mb-3 text-sm text-slate-600">{t("volumes.help")}</p>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr>
                <th className={th}>{t("office")}</th>
                {months.map((m) => <th key={m} className={`${th} text-right`}>{m}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {offices.map((o) => (
                <tr key={o}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{o}</th>
                  {months.map((m) => <td key={m} className={`${td} text-right`}>{num(volume.get(`${o}|${m}`) ?? 0)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
