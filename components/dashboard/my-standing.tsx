// The officer's own indicators month by month against their threshold and target, and where they stand among the
// colleagues of their office in the latest month, without naming any colleague (lib/dashboard/peer-standing.ts).
import { getFormatter, getTranslations } from "next-intl/server";
import { monthlyIndicators, type IndicatorContract } from "@/lib/contracts/contract-indicators";
import { peerStanding } from "@/lib/dashboard/peer-standing";
import { MIN_PEERS_SHOWN } from "@/lib/dashboard/distribution";
import { formatKpiValue, formatMonth, formatTermValue, kpiUnit } from "@/components/format/kpi-format";
import { ChartFigure } from "@/components/charts/chart-figure";
import { TrendChart } from "@/components/charts/trend-chart";
import { HistogramChart } from "@/components/charts/histogram-chart";

const shortMonth = (format: Awaited<ReturnType<typeof getFormatter>>, month: string) =>
  format.dateTime(new Date(`${month}-01T00:00:00Z`), { month: "short", year: "2-digit", timeZone: "UTC" });

export async function MyStanding({ contract, officerId }: { contract: IndicatorContract; officerId: string }) {
  const [t, tc, format, months] = await Promise.all([
    getTranslations("dashboard.me"),
    getTranslations("contracts"),
    getFormatter(),
    monthlyIndicators(contract),
  ]);
  const value = (kpiId: string, v: number | null) => formatKpiValue(format, tc, kpiId, v);
  // The latest month in which the officer has any value: the month the comparison is made on.
  const latest = months.toReversed().find((m) => [...m.values.values()].some((v) => v.value !== null))?.month ?? null;
  const standings = latest ? await peerStanding(officerId, contract.indicators, latest) : [];
  // An indicator without any value yet is one line, not an empty chart.
  const hasData = (kpiId: string) => months.some((m) => m.values.get(kpiId)?.value != null);
  const withData = contract.indicators.filter((i) => hasData(i.kpiId));
  const withoutData = contract.indicators.filter((i) => !hasData(i.kpiId)).map((i) => i.kpiId);
  const shownStandings = standings.filter((s) => s.bins.length);
  const hiddenStandings = standings.filter((s) => !s.bins.length);

  return (
    <div className="space-y-6">
      <section aria-labelledby={`trend-${contract.id}`} className="space-y-3">
        <h3 id={`trend-${contract.id}`} className="text-base font-semibold text-slate-900">
          {t("trend.title")}
        </h3>
        {withoutData.length ? (
          <p className="text-sm text-slate-600" data-testid="my-trend-empty">
            {t("trend.emptyList", { kpis: withoutData.join(", ") })}
          </p>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-2">
          {withData.map((i) => {
            // An indicator scored on observed/expected is drawn on its O/E, the scale of its threshold and target.
            const oe = i.basis === "OE";
            const points = months.map((m) => {
              const raw = m.values.get(i.kpiId);
              const ratio = m.oe.get(i.kpiId);
              return {
                month: m.month,
                cell: oe ? (ratio ? { value: ratio.ratio, denominator: ratio.n } : undefined) : raw,
              };
            });
            const title = `${i.kpiId} · ${tc(`kpis.${i.kpiId}.name`)}${oe ? ` · ${tc("basis.oe")}` : ""}`;
            const value = (kpiId: string, v: number | null) => formatTermValue(format, tc, kpiId, i.basis, v);
            return (
              <ChartFigure
                key={i.kpiId}
                testId={`my-trend-${i.kpiId}`}
                title={title}
                description={t("trend.band", {
                  threshold: value(i.kpiId, i.threshold),
                  target: value(i.kpiId, i.target),
                })}
                tableLabel={t("showTable")}
                empty={points.some((p) => p.cell?.value != null) ? null : t("trend.empty")}
                table={{
                  caption: title,
                  columns: [t("month"), t("value"), t("n")],
                  rows: points.map((p) => [
                    formatMonth(format, p.month),
                    value(i.kpiId, p.cell?.value ?? null),
                    p.cell?.denominator ?? "—",
                  ]),
                  numeric: [false, true, true],
                }}
              >
                <TrendChart
                  className="h-48"
                  label={title}
                  kind={oe ? "ratio" : kpiUnit(i.kpiId)}
                  band={{ threshold: i.threshold, target: i.target }}
                  thresholdName={tc("detail.columns.threshold")}
                  targetName={tc("detail.columns.target")}
                  data={points.map((p) => ({ label: shortMonth(format, p.month), value: p.cell?.value ?? null }))}
                />
              </ChartFigure>
            );
          })}
        </div>
      </section>

      {latest ? (
        <section aria-labelledby={`standing-${contract.id}`} className="space-y-3" data-testid="my-standing">
          <h3 id={`standing-${contract.id}`} className="text-base font-semibold text-slate-900">
            {t("standing.title", { month: formatMonth(format, latest) })}
          </h3>
          <p className="text-sm text-slate-600">{t("standing.body")}</p>
          {hiddenStandings.length ? (
            <p
              className="text-sm text-slate-600"
              data-testid="my-standing-hidden"
              data-kpis={hiddenStandings.map((s) => s.kpiId).join(" ")}
            >
              {t("standing.notShownList", {
                kpis: hiddenStandings.map((s) => s.kpiId).join(", "),
                min: MIN_PEERS_SHOWN,
              })}
            </p>
          ) : null}
          <div className="grid gap-4 lg:grid-cols-2">
            {shownStandings.map((s) => {
              const title = `${s.kpiId} · ${tc(`kpis.${s.kpiId}.name`)}`;
              const summary =
                s.beaten !== null
                  ? t("standing.beaten", {
                      share: format.number(s.beaten, { style: "percent", maximumFractionDigits: 0 }),
                      peers: s.peers,
                      value: value(s.kpiId, s.own),
                    })
                  : undefined;
              const ranges = s.bins.map((b) =>
                s.bins.length === 1 ? value(s.kpiId, b.from) : `${value(s.kpiId, b.from)}–${value(s.kpiId, b.to)}`,
              );
              return (
                <ChartFigure
                  key={s.kpiId}
                  testId={`my-standing-${s.kpiId}`}
                  title={title}
                  description={summary ? <span data-beaten={s.beaten ?? ""}>{summary}</span> : undefined}
                  tableLabel={t("showTable")}
                  empty={
                    s.bins.length
                      ? null
                      : s.own === null
                        ? t("standing.noValue")
                        : t("standing.tooFew", { min: MIN_PEERS_SHOWN })
                  }
                  table={{
                    caption: title,
                    columns: [t("standing.range"), t("standing.officers"), t("standing.you")],
                    rows: s.bins.map((b, idx) => [ranges[idx], b.count, idx === s.ownBin ? t("standing.youHere") : ""]),
                    numeric: [false, true, false],
                  }}
                >
                  <HistogramChart
                    label={title}
                    countName={t("standing.officers")}
                    highlight={s.ownBin}
                    data={s.bins.map((b, idx) => ({ label: ranges[idx]!, count: b.count }))}
                  />
                  <p className="mt-1 text-xs text-slate-600">{t("standing.legend")}</p>
                </ChartFigure>
              );
            })}
          </div>
        </section>
      ) : null}
    </div>
  );
}
