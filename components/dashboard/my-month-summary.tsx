// The top of the officer's page: for each contract in force, the score of the latest month with data, the
// indicators below their threshold with what would lift them, and for rates the comparison with what the office
// achieves on the same mix of declarations (observed/expected). Indicators without a value and contracts without
// data are one line each, so the first screen answers "how am I doing and what should I do".
import { getFormatter, getTranslations } from "next-intl/server";
import { monthlyIndicators, type IndicatorContract } from "@/lib/contracts/contract-indicators";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import { STANDARDISED_KPIS, standardiseRates } from "@/lib/kpis/standardise-rates";
import { nextStep } from "@/lib/dashboard/next-step";
import { formatKpiValue, formatTermValue, formatMonth, formatScore } from "@/components/format/kpi-format";

type SummaryContract = IndicatorContract & { title: string };

export async function MyMonthSummary({
  contracts,
  officerId,
}: {
  contracts: SummaryContract[];
  officerId: string | null;
}) {
  const [t, tc, format] = await Promise.all([
    getTranslations("me.summary"),
    getTranslations("contracts"),
    getFormatter(),
  ]);
  const value = (kpiId: string, v: number | null) => formatKpiValue(format, tc, kpiId, v);
  const ratio = (v: number | null) =>
    v === null ? "—" : format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const cards = await Promise.all(
    contracts.map(async (c) => {
      const months = await monthlyIndicators(c);
      const latest = months.toReversed().find((m) => [...m.values.values()].some((v) => v.value !== null)) ?? null;
      const rates = c.indicators.map((i) => i.kpiId as KpiId).filter((k) => STANDARDISED_KPIS.includes(k));
      const fair =
        latest && officerId && c.partyOfficerId === officerId && rates.length
          ? await standardiseRates({ ...latest.period, officerIds: [officerId], kpiIds: rates })
          : [];
      return { c, latest, fair };
    }),
  );
  return (
    <section aria-labelledby="summary-title" className="space-y-3" data-testid="my-summary">
      <h2 id="summary-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      {cards.map(({ c, latest, fair }) => {
        if (!latest)
          return (
            <p key={c.id} className="rounded-md border border-slate-200 bg-white px-4 py-2 text-sm text-slate-700">
              {t("noData", { title: c.title })}
            </p>
          );
        const indicators = latest.scorecard.indicators;
        const below = indicators.filter((i) => i.status === "below_threshold");
        const notEvaluable = indicators.filter((i) => i.status === "not_evaluable").map((i) => i.kpiId);
        return (
          <article
            key={c.id}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            data-testid={`summary-${c.id}`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-base font-semibold text-slate-900">{c.title}</h3>
              <p className="text-sm text-slate-700">
                {t("score", { month: formatMonth(format, latest.month) })}{" "}
                {latest.scorecard.overall === null ? (
                  <span className="font-semibold text-slate-900" data-testid="summary-score">
                    {t("noScore")}
                  </span>
                ) : (
                  <>
                    <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="summary-score">
                      {formatScore(format, latest.scorecard.overall, 100)}
                    </span>
                    <span className="text-slate-500"> / 100</span>
                  </>
                )}
              </p>
            </div>
            {below.length ? (
              <ul className="space-y-2 text-sm">
                {below.map((i) => {
                  const cell = latest.values.get(i.kpiId);
                  // The next step counts declarations against a rate threshold: it says nothing of an O/E one.
                  const step =
                    cell && i.basis !== "OE" ? nextStep(kpiDefinition(i.kpiId as KpiId), cell, i.threshold) : null;
                  const term = (v: number | null) => formatTermValue(format, tc, i.kpiId, i.basis, v);
                  return (
                    <li
                      key={i.kpiId}
                      className="rounded-md bg-amber-50 px-3 py-2 text-amber-950"
                      data-kpi={i.kpiId}
                      data-basis={i.basis ?? "RAW"}
                    >
                      <span className="font-semibold">
                        {i.kpiId} · {tc(`kpis.${i.kpiId}.name`)}
                        {i.basis === "OE" ? ` · ${tc("basis.oe")}` : null}
                      </span>{" "}
                      {t("below", {
                        value: term(i.value),
                        n: i.n,
                        threshold: term(i.threshold),
                      })}{" "}
                      {step?.kind === "count"
                        ? t(step.more ? "stepMore" : "stepFewer", {
                            count: step.count,
                            n: step.n,
                            rate: value(i.kpiId, step.rateAtThreshold),
                          })
                        : step?.kind === "distance"
                          ? t("stepDistance", { by: value(i.kpiId, step.by) })
                          : null}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-sm text-emerald-800">{t("allMet")}</p>
            )}
            {fair.some((f) => f.ratio !== null) ? (
              <div className="space-y-1 text-sm" data-testid="observed-expected">
                <h4 className="font-semibold text-slate-900">{t("fairTitle")}</h4>
                <ul className="space-y-1 text-slate-700">
                  {fair
                    .filter((f) => f.ratio !== null)
                    .map((f) => (
                      <li key={f.kpiId} data-kpi={f.kpiId} data-ratio={f.ratio ?? ""}>
                        {t("fair", {
                          kpi: f.kpiId,
                          observed: value(f.kpiId, f.observed / f.n),
                          expected: value(f.kpiId, f.expected / f.n),
                          ratio: ratio(f.ratio),
                          lower: ratio(f.lower),
                          upper: ratio(f.upper),
                          n: f.n,
                        })}
                      </li>
                    ))}
                </ul>
                {fair.some((f) => f.ratio === null) ? (
                  <p className="text-slate-600">
                    {t("fairNone", {
                      kpis: fair
                        .filter((f) => f.ratio === null)
                        .map((f) => f.kpiId)
                        .join(", "),
                    })}
                  </p>
                ) : null}
                <p className="text-xs text-slate-500">{t("fairHint")}</p>
              </div>
            ) : null}
            {notEvaluable.length ? (
              <p className="text-sm text-slate-600">{t("notEvaluable", { kpis: notEvaluable.join(", ") })}</p>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
