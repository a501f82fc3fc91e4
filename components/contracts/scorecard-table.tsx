// A contract's scorecard as an accessible table: each indicator's value, n, threshold, target, weight, score and
// status, with its definition in plain words. Used for the current indicators, an evaluation's frozen snapshot
// and the preview of a quarter before it is evaluated. Raw values sit in data-* attributes for checks. An indicator
// scored on observed/expected says so under its name, and its value, threshold and target are O/E ratios (two
// decimals) with the observed and expected counts under the value.
import { getFormatter, getTranslations } from "next-intl/server";
import type { Scorecard } from "@/lib/contracts/scoring";
import type { KpiValue } from "@/lib/contracts/build-scorecard";
import { IndicatorStatusBadge } from "@/components/contracts/badges";
import { formatKpiValue, formatScore, formatTermValue } from "@/components/format/kpi-format";
import { BasisNote } from "@/components/contracts/basis-note";
import type { ScoringBasis } from "@/lib/contracts/scoring";
import Link from "next/link";
import type { KpiSubject } from "@/lib/contracts/kpi-subject";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";

// Where a value's declarations are listed (the Explore drill-down), for the current indicators.
export type DrillDown = { subject: KpiSubject; from: string; to: string };

const drillDownHref = (d: DrillDown, kpiId: string) =>
  `/explore/kpi?${new URLSearchParams({ kpi: kpiId, type: d.subject.type, id: d.subject.id, from: d.from, to: d.to })}`;

const th = "px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-2.5 align-top tabular-nums";

export async function ScorecardTable({
  scorecard,
  caption,
  context = [],
  testId,
  compact = false,
  drillDown,
}: {
  scorecard: Scorecard;
  caption: string;
  // Context-only KPIs (P13) shown under the scored ones, without score.
  context?: (KpiValue & { kpiId: string })[];
  testId?: string;
  // Without the definitions under each name: for snapshots shown below the current indicators, which define them.
  compact?: boolean;
  drillDown?: DrillDown;
}) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const value = (kpiId: string, v: number | null, basis?: ScoringBasis) =>
    basis ? formatTermValue(format, t, kpiId, basis, v) : formatKpiValue(format, t, kpiId, v);
  const measured = (kpiId: string, v: number | null, basis?: ScoringBasis) =>
    v === null ? (
      t("detail.noValue")
    ) : drillDown ? (
      <Link
        href={drillDownHref(drillDown, kpiId)}
        className="underline decoration-slate-300 underline-offset-2 hover:decoration-brand-600"
      >
        {value(kpiId, v, basis)}
      </Link>
    ) : (
      value(kpiId, v, basis)
    );
  const anyRescaled = scorecard.indicators.some((i) => i.score === null) && scorecard.overall !== null;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm print:shadow-none">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} text-left`}>
              {t("detail.columns.kpi")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("detail.columns.value")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              <abbr title={t("detail.nExplained")}>{t("detail.columns.n")}</abbr>
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("detail.columns.threshold")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("detail.columns.target")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("detail.columns.weight")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("detail.columns.score")}
            </th>
            <th scope="col" className={`${th} text-left`}>
              {t("detail.columns.status")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {scorecard.indicators.map((i) => (
            <tr
              key={i.kpiId}
              data-kpi={i.kpiId}
              data-basis={i.basis ?? "RAW"}
              data-value={i.value ?? ""}
              data-n={i.n}
              data-score={i.score ?? ""}
              className="break-inside-avoid"
            >
              <th scope="row" className="max-w-md px-3 py-2.5 text-left align-top font-normal">
                <span className="font-medium text-slate-900">{t(`kpis.${i.kpiId}.name`)}</span>{" "}
                <span className="text-xs text-slate-500">({i.kpiId})</span>{" "}
                <IndicatorDefinition kpiId={i.kpiId} inline />
                {compact ? null : (
                  <>
                    <span className="mt-0.5 block text-xs leading-snug text-slate-600">
                      {t(`kpis.${i.kpiId}.formula`)}
                    </span>
                    <span className="mt-0.5 block text-xs text-slate-500">{t(`direction.${i.direction}`)}</span>
                  </>
                )}
                <BasisNote basis={i.basis} label={t("basis.oe")} title={t("basis.oeExplained")} />
              </th>
              <td className={`${td} text-right font-semibold text-slate-900`}>
                {measured(i.kpiId, i.value, i.basis ?? "RAW")}
                {i.oe ? (
                  <span className="block text-xs font-normal text-slate-500">
                    {t("basis.counts", {
                      observed: format.number(i.oe.observed),
                      expected: format.number(i.oe.expected, { maximumFractionDigits: 1 }),
                    })}
                  </span>
                ) : null}
              </td>
              <td className={`${td} text-right text-slate-700`}>{format.number(i.n)}</td>
              <td className={`${td} text-right text-slate-700`}>{value(i.kpiId, i.threshold, i.basis ?? "RAW")}</td>
              <td className={`${td} text-right text-slate-700`}>{value(i.kpiId, i.target, i.basis ?? "RAW")}</td>
              <td className={`${td} text-right text-slate-700`}>
                {format.number(i.weight / 100, { style: "percent", maximumFractionDigits: 1 })}
                {i.score !== null && Math.abs(i.effectiveWeight - i.weight) > 1e-9 ? (
                  <span className="block text-xs text-slate-500">
                    → {format.number(i.effectiveWeight / 100, { style: "percent", maximumFractionDigits: 1 })}
                  </span>
                ) : null}
              </td>
              <td className={`${td} text-right text-slate-900`}>{formatScore(format, i.score)}</td>
              <td className="px-3 py-2.5 align-top">
                <IndicatorStatusBadge status={i.status} />
              </td>
            </tr>
          ))}
          {context.map((c) => (
            <tr
              key={c.kpiId}
              data-kpi={c.kpiId}
              data-value={c.value ?? ""}
              data-n={c.denominator ?? 0}
              className="bg-slate-50/60"
            >
              <th scope="row" className="max-w-md px-3 py-2.5 text-left align-top font-normal">
                <span className="font-medium text-slate-900">{t(`kpis.${c.kpiId}.name`)}</span>{" "}
                <span className="text-xs text-slate-500">({c.kpiId})</span>{" "}
                <IndicatorDefinition kpiId={c.kpiId} inline />
                {compact ? null : (
                  <span className="mt-0.5 block text-xs leading-snug text-slate-600">
                    {t(`kpis.${c.kpiId}.formula`)}
                  </span>
                )}
              </th>
              <td className={`${td} text-right font-semibold text-slate-900`}>{measured(c.kpiId, c.value)}</td>
              <td className={`${td} text-right text-slate-700`}>{format.number(c.denominator ?? 0)}</td>
              <td colSpan={5} className="px-3 py-2.5 text-xs text-slate-500">
                {t("detail.context")}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-slate-50">
          <tr data-overall={scorecard.overall ?? ""}>
            <th scope="row" colSpan={6} className="px-3 py-3 text-right text-sm font-semibold text-slate-900">
              {t("detail.overall")}
            </th>
            <td colSpan={2} className="px-3 py-3 text-base font-semibold tabular-nums text-slate-900">
              {scorecard.overall === null ? (
                <span className="text-sm font-normal text-slate-600">{t("detail.overallNone")}</span>
              ) : (
                t("detail.overallOutOf", { score: formatScore(format, scorecard.overall, 100) })
              )}
            </td>
          </tr>
        </tfoot>
      </table>
      {anyRescaled ? (
        <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-600">{t("detail.renormalised")}</p>
      ) : null}
    </div>
  );
}
