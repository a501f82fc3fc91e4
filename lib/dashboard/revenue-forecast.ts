// Revenue per month and its forecast for the next quarter (budget planning), from an office's or unit's stored
// P8 cells: revenue = Σ taxes_final of the month's declarations, P8's numerator (docs/indicators.md).
import { addMonths } from "@/lib/kernel/calendar";
import { forecastSeries, type Forecast } from "@/lib/dashboard/forecast";

export type MonthValue = { month: string; value: number | null; numerator: number | null; denominator: number | null };

export type RevenueForecast = {
  history: { month: string; revenue: number }[];
  // Months after the last complete one.
  forecast: { month: string; revenue: number; lower: number; upper: number }[];
  method: Forecast["method"] | null;
  backtest: Forecast["backtest"] | null;
};

// History = the complete months up to lastComplete (a month without a cell had no declaration: revenue 0);
// the forecast covers the `horizon` months after it.
export function revenueForecast(p8: readonly MonthValue[], lastComplete: string | null, horizon = 3): RevenueForecast {
  if (lastComplete === null || !p8.length) return { history: [], forecast: [], method: null, backtest: null };
  const byMonth = new Map(p8.map((m) => [m.month, m.numerator ?? 0]));
  const history: RevenueForecast["history"] = [];
  for (let m = p8[0]!.month; m <= lastComplete; m = addMonths(m, 1))
    history.push({ month: m, revenue: byMonth.get(m) ?? 0 });
  const nextMonths = Array.from({ length: horizon }, (_, i) => addMonths(lastComplete, i + 1));
  const f = forecastSeries(
    history.map((h) => h.revenue),
    horizon,
  );
  return {
    history,
    forecast: f
      ? nextMonths.map((month, i) => ({ month, revenue: f.values[i]!, lower: f.lower[i]!, upper: f.upper[i]! }))
      : [],
    method: f?.method ?? null,
    backtest: f?.backtest ?? null,
  };
}
