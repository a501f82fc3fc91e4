// The body of the office and unit pages: the month's KPI table, the chosen KPI's trend against its contract's
// threshold and target, where the officers stand on it, and revenue with its forecast. Every number is a stored
// KPI result; every chart has its table view and an empty state.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";
import { KPI_CATALOGUE, kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import { addMonths, monthPeriod } from "@/lib/kernel/calendar";
import {
  dataMonths,
  monthlyValues,
  officerValues,
  subjectTerms,
  type DashboardSubject,
} from "@/lib/dashboard/subject-dashboard";
import { revenueForecast } from "@/lib/dashboard/revenue-forecast";
import { histogram, quartiles } from "@/lib/dashboard/distribution";
import { KPI_TREND_TOLERANCE, trendIsGood, trendOf } from "@/lib/dashboard/trend";
import { STANDARDISED_KPIS, standardiseRates } from "@/lib/kpis/standardise-rates";
import { formatKpiDelta, formatKpiValue, formatMonth, kpiUnit, formatMoney } from "@/components/format/kpi-format";
import { drilldownHref } from "@/components/explore/drilldown-href";
import { ChartFigure } from "@/components/charts/chart-figure";
import { TrendChart } from "@/components/charts/trend-chart";
import { HistogramChart } from "@/components/charts/histogram-chart";
import { ForecastChart } from "@/components/charts/forecast-chart";
import { TrendMark, trendWords } from "@/components/dashboard/trend-mark";
import { ExportLinks } from "@/components/ui/export-links";
import { TableFrame, TableHead } from "@/components/ui/table-frame";

const th = "px-3 py-2";
const KPI_IDS = KPI_CATALOGUE.map((k) => k.id);

export async function SubjectDashboardView({
  subject,
  kpi,
  month,
  selfHref,
}: {
  subject: DashboardSubject;
  kpi: KpiId;
  month: string;
  selfHref: (q: { kpi?: string; month?: string }) => string;
}) {
  const [t, tc, te, format, trendLabels, series, officers, terms, { lastComplete }] = await Promise.all([
    getTranslations("dashboard.subject"),
    getTranslations("contracts"),
    getTranslations("explore"),
    getFormatter(),
    trendWords(),
    monthlyValues(subject, KPI_IDS),
    officerValues(subject.officeCode, subject.unit, kpi, month),
    subjectTerms(subject, month),
    dataMonths(),
  ]);
  const value = (id: string, v: number | null) => formatKpiValue(format, tc, id, v);
  const cellOf = (id: string, m: string) => series.get(id)?.find((c) => c.month === m) ?? null;
  const period = monthPeriod(month);
  const drill = (id: KpiId, type: "officer" | "unit" | "office", subjectId: string) =>
    drilldownHref({ kpi: id, type, id: subjectId, from: period.from, to: period.to, only: "all", page: 1 });

  // Beside each officer's raw rate, what the office's own rates give on his mix of declarations (observed/expected).
  const fair = STANDARDISED_KPIS.includes(kpi)
    ? new Map(
        (await standardiseRates({ ...period, officerIds: officers.map((o) => o.officerId), kpiIds: [kpi] })).map(
          (f) => [f.officerId, f],
        ),
      )
    : null;
  const ratio = (v: number | null | undefined) =>
    v === null || v === undefined ? "—" : format.number(v, { maximumFractionDigits: 2 });
  const definition = kpiDefinition(kpi);
  const kpiSeries = series.get(kpi) ?? [];
  const band = terms.get(kpi) ?? null;
  const bins = histogram(
    officers.map((o) => o.value),
    Math.min(8, Math.max(1, officers.length)),
  );
  const q = quartiles(officers.map((o) => o.value));
  const revenue = revenueForecast(series.get("P8") ?? [], lastComplete);
  const unit = kpiUnit(kpi);
  const exportQuery = (table: "kpis" | "officers") =>
    new URLSearchParams({
      office: subject.officeCode,
      ...(subject.unit ? { unit: subject.unit } : {}),
      month,
      kpi,
      table,
    }).toString();

  return (
    <div className="space-y-8">
      <section aria-labelledby="month-kpis" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="month-kpis" className="text-lg font-semibold text-slate-900">
            {t("table.title", { month: formatMonth(format, month) })}
          </h2>
          <ExportLinks base="/api/dashboard/subject" query={exportQuery("kpis")} />
        </div>
        <p className="text-sm text-slate-600">
          {band || terms.size
            ? t("table.withContract", { title: [...terms.values()][0]!.title })
            : t("table.noContract")}
        </p>
        <TableFrame caption={t("table.title", { month: formatMonth(format, month) })} testId="subject-kpis">
          <TableHead>
            <th scope="col" className={th}>
              {t("table.kpi")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("table.value")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("table.n")}
            </th>
            <th scope="col" className={th}>
              {t("table.trend")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("table.threshold")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("table.target")}
            </th>
          </TableHead>
          <tbody className="divide-y divide-slate-100">
            {KPI_CATALOGUE.map((k) => {
              const cell = cellOf(k.id, month);
              const previous = cellOf(k.id, addMonths(month, -1));
              const trend = trendOf(cell?.value ?? null, previous?.value ?? null, KPI_TREND_TOLERANCE[k.unit]);
              const contract = terms.get(k.id);
              return (
                <tr key={k.id} data-kpi={k.id} className={k.id === kpi ? "bg-brand-50" : "hover:bg-slate-50"}>
                  <td className="px-3 py-2">
                    <Link
                      href={selfHref({ kpi: k.id })}
                      className="font-medium text-brand-700 hover:underline"
                      aria-current={k.id === kpi ? "true" : undefined}
                    >
                      {k.id} · {te(`names.${k.id}`)}
                    </Link>
                    <IndicatorDefinition kpiId={k.id} inline className="ml-1" />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid="kpi-month-value">
                    {cell ? (
                      <Link href={drill(k.id, subject.type, subject.id)} className="hover:underline">
                        {value(k.id, cell.value)}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums text-slate-700">{cell?.denominator ?? "—"}</td>
                  <td className="px-3 py-2">
                    <TrendMark
                      trend={trend}
                      words={trendLabels}
                      good={trend ? trendIsGood(trend.trend, k.direction) : null}
                      deltaText={trend ? formatKpiDelta(format, tc, k.id, trend.delta) : ""}
                    />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums text-slate-700">
                    {contract ? value(k.id, contract.threshold) : "—"}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums text-slate-700">
                    {contract ? value(k.id, contract.target) : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </TableFrame>
      </section>

      <div className="grid gap-6 xl:grid-cols-2">
        <ChartFigure
          testId="trend-chart"
          title={t("trend.title", { kpi, name: te(`names.${kpi}`) })}
          description={
            <>
              {te(`formulas.${kpi}`)}{" "}
              {band
                ? t("trend.band", { threshold: value(kpi, band.threshold), target: value(kpi, band.target) })
                : t("trend.noBand")}
            </>
          }
          tableLabel={t("showTable")}
          empty={kpiSeries.length ? null : t("trend.empty")}
          table={{
            caption: t("trend.title", { kpi, name: te(`names.${kpi}`) }),
            columns: [t("month"), t("table.value"), t("table.n")],
            rows: kpiSeries.map((c) => [formatMonth(format, c.month), value(kpi, c.value), c.denominator ?? "—"]),
            numeric: [false, true, true],
          }}
        >
          <TrendChart
            label={t("trend.title", { kpi, name: te(`names.${kpi}`) })}
            kind={unit}
            band={band}
            thresholdName={t("table.threshold")}
            targetName={t("table.target")}
            data={kpiSeries.map((c) => ({
              label: format.dateTime(new Date(`${c.month}-01T00:00:00Z`), {
                month: "short",
                year: "2-digit",
                timeZone: "UTC",
              }),
              value: c.value,
            }))}
          />
        </ChartFigure>

        <ChartFigure
          testId="distribution-chart"
          title={t("distribution.title", { kpi, month: formatMonth(format, month) })}
          description={
            q ? (
              <>
                {t("distribution.summary", {
                  count: officers.length,
                  q1: value(kpi, q.q1),
                  median: value(kpi, q.median),
                  q3: value(kpi, q.q3),
                  better: tc(`direction.${definition.direction === "context" ? "higher" : definition.direction}`),
                })}
                {fair ? ` ${t("distribution.fairHint")}` : null}
              </>
            ) : undefined
          }
          tableLabel={t("distribution.showOfficers")}
          actions={<ExportLinks base="/api/dashboard/subject" query={exportQuery("officers")} />}
          empty={officers.length ? null : t("distribution.empty")}
          table={{
            caption: t("distribution.title", { kpi, month: formatMonth(format, month) }),
            columns: [
              t("distribution.officer"),
              t("distribution.unit"),
              t("table.value"),
              t("table.n"),
              ...(fair ? [t("distribution.expected"), t("distribution.oe")] : []),
            ],
            rows: officers.map((o) => [
              <Link
                key={o.officerId}
                href={drill(kpi, "officer", o.officerId)}
                className="text-brand-700 hover:underline"
              >{`${o.fullName} (${o.officerId})`}</Link>,
              o.unit,
              value(kpi, o.value),
              o.n,
              ...(fair
                ? (() => {
                    const f = fair.get(o.officerId);
                    return [
                      f ? value(kpi, f.expected / f.n) : "—",
                      f && f.ratio !== null ? `${ratio(f.ratio)} (${ratio(f.lower)}–${ratio(f.upper)})` : "—",
                    ];
                  })()
                : []),
            ]),
            numeric: [false, false, true, true, ...(fair ? [true, true] : [])],
          }}
        >
          <HistogramChart
            label={t("distribution.title", { kpi, month: formatMonth(format, month) })}
            countName={t("distribution.officers")}
            data={bins.map((b) => ({
              label: bins.length === 1 ? value(kpi, b.from) : `${value(kpi, b.from)}–${value(kpi, b.to)}`,
              count: b.count,
            }))}
          />
        </ChartFigure>
      </div>

      <ChartFigure
        testId="revenue-chart"
        title={t("revenue.title")}
        description={
          revenue.method && revenue.backtest ? (
            <>
              {t("revenue.definition")}{" "}
              {t("revenue.method", {
                method: t(`revenue.methods.${revenue.method}`),
                months: revenue.backtest.months,
                mae: formatMoney(format, tc, revenue.backtest.mae),
                mape:
                  revenue.backtest.mape === null
                    ? "—"
                    : format.number(revenue.backtest.mape, { style: "percent", maximumFractionDigits: 1 }),
              })}
            </>
          ) : (
            <>
              {t("revenue.definition")} {t("revenue.tooShort")}
            </>
          )
        }
        tableLabel={t("showTable")}
        empty={revenue.history.length ? null : t("revenue.empty")}
        table={{
          caption: t("revenue.title"),
          columns: [t("month"), t("revenue.actual"), t("revenue.forecast"), t("revenue.range")],
          rows: [
            ...revenue.history.map((h) => [formatMonth(format, h.month), formatMoney(format, tc, h.revenue), "", ""]),
            ...revenue.forecast.map((f) => [
              formatMonth(format, f.month),
              "",
              formatMoney(format, tc, f.revenue),
              `${formatMoney(format, tc, f.lower)} – ${formatMoney(format, tc, f.upper)}`,
            ]),
          ],
          numeric: [false, true, true, true],
        }}
      >
        <ForecastChart
          label={t("revenue.title")}
          actualName={t("revenue.actual")}
          forecastName={t("revenue.forecast")}
          data={[
            ...revenue.history.map((h, i) => ({
              label: format.dateTime(new Date(`${h.month}-01T00:00:00Z`), {
                month: "short",
                year: "2-digit",
                timeZone: "UTC",
              }),
              actual: h.revenue,
              // The forecast line starts from the last actual month so the two lines join.
              forecast: i === revenue.history.length - 1 && revenue.forecast.length ? h.revenue : null,
              range: null,
            })),
            ...revenue.forecast.map((f) => ({
              label: format.dateTime(new Date(`${f.month}-01T00:00:00Z`), {
                month: "short",
                year: "2-digit",
                timeZone: "UTC",
              }),
              actual: null,
              forecast: f.revenue,
              range: [f.lower, f.upper] as [number, number],
            })),
          ]}
        />
      </ChartFigure>
    </div>
  );
}
