// Revenue forecast for budget planning: the next months of a monthly series, by the method that forecast the
// series' own past best. Candidates: seasonal naive (same month last year), additive Holt-Winters (level, trend,
// 12-month season) and, for series too short to hold a season, Holt's linear trend. Each is judged by rolling-origin
// one-step-ahead forecasts over the same recent months (refitted at each origin, so nothing is fitted on the month it
// predicts); the winner's mean absolute error and mean absolute percentage error are shown with the forecast.
export type ForecastMethod = "seasonal_naive" | "holt_winters" | "holt_linear";

export type Forecast = {
  method: ForecastMethod;
  values: number[];
  // ±1.96 × the backtest's root mean squared error: the range past errors suggest, not a modelled interval.
  lower: number[];
  upper: number[];
  backtest: { months: number; mae: number; mape: number | null; rmse: number };
};

export const SEASON = 12;
const GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

type Model = {
  method: ForecastMethod;
  minLength: number;
  forecast: (series: readonly number[], horizon: number) => number[];
};

export function seasonalNaive(series: readonly number[], horizon: number, season = SEASON): number[] {
  const n = series.length;
  return Array.from({ length: horizon }, (_, h) => series[n - season + (h % season)]!);
}

// Holt's linear trend with smoothing α (level) and β (trend); returns the one-step fits and the final state.
function holtRun(series: readonly number[], alpha: number, beta: number) {
  let level = series[0]!;
  let trend = series[1]! - series[0]!;
  let sse = 0;
  for (let t = 1; t < series.length; t++) {
    const predicted = level + trend;
    sse += (series[t]! - predicted) ** 2;
    const previousLevel = level;
    level = alpha * series[t]! + (1 - alpha) * (level + trend);
    trend = beta * (level - previousLevel) + (1 - beta) * trend;
  }
  return { level, trend, sse };
}

export function holtLinear(series: readonly number[], horizon: number): number[] {
  let best = { level: 0, trend: 0, sse: Infinity };
  for (const alpha of GRID)
    for (const beta of GRID) {
      const run = holtRun(series, alpha, beta);
      if (run.sse < best.sse) best = run;
    }
  return Array.from({ length: horizon }, (_, h) => best.level + (h + 1) * best.trend);
}

// Additive Holt-Winters, initialised from the first two seasons: trend = the mean monthly change between them,
// seasonal indices = the first season less its trend line, level = that line at the season's last month.
function holtWintersRun(series: readonly number[], alpha: number, beta: number, gamma: number, m: number) {
  const mean = (from: number) => series.slice(from, from + m).reduce((a, b) => a + b, 0) / m;
  let trend = (mean(m) - mean(0)) / m;
  const line = (i: number) => mean(0) + (i - (m - 1) / 2) * trend;
  let level = line(m - 1);
  const seasonal = series.slice(0, m).map((y, i) => y - line(i));
  let sse = 0;
  for (let t = m; t < series.length; t++) {
    const s = seasonal[t % m]!;
    sse += (series[t]! - (level + trend + s)) ** 2;
    const previousLevel = level;
    level = alpha * (series[t]! - s) + (1 - alpha) * (level + trend);
    trend = beta * (level - previousLevel) + (1 - beta) * trend;
    seasonal[t % m] = gamma * (series[t]! - level) + (1 - gamma) * s;
  }
  return { level, trend, seasonal, sse };
}

export function holtWinters(series: readonly number[], horizon: number, m = SEASON): number[] {
  let best: ReturnType<typeof holtWintersRun> | null = null;
  for (const alpha of GRID)
    for (const beta of GRID)
      for (const gamma of GRID) {
        const run = holtWintersRun(series, alpha, beta, gamma, m);
        if (!best || run.sse < best.sse) best = run;
      }
  const n = series.length;
  return Array.from({ length: horizon }, (_, h) => best!.level + (h + 1) * best!.trend + best!.seasonal[(n + h) % m]!);
}

const MODELS: readonly Model[] = [
  { method: "seasonal_naive", minLength: SEASON + 3, forecast: (s, h) => seasonalNaive(s, h) },
  { method: "holt_winters", minLength: 2 * SEASON + 3, forecast: (s, h) => holtWinters(s, h) },
  { method: "holt_linear", minLength: 6, forecast: (s, h) => holtLinear(s, h) },
];

// The first origin a model can forecast from, and so the first month it can be tested on.
const firstTestable = (m: Model) => m.minLength - 3;

function backtest(model: Model, series: readonly number[], from: number) {
  const errors: { actual: number; error: number }[] = [];
  for (let t = from; t < series.length; t++) {
    const [predicted] = model.forecast(series.slice(0, t), 1);
    errors.push({ actual: series[t]!, error: series[t]! - predicted! });
  }
  const mae = errors.reduce((a, e) => a + Math.abs(e.error), 0) / errors.length;
  const rmse = Math.sqrt(errors.reduce((a, e) => a + e.error ** 2, 0) / errors.length);
  const withActual = errors.filter((e) => e.actual !== 0);
  const mape = withActual.length
    ? withActual.reduce((a, e) => a + Math.abs(e.error / e.actual), 0) / withActual.length
    : null;
  return { months: errors.length, mae, mape, rmse };
}

// Null when the series is too short for any method (fewer than six months).
export function forecastSeries(series: readonly number[], horizon = 3, { nonNegative = true } = {}): Forecast | null {
  const eligible = MODELS.filter((m) => series.length >= m.minLength);
  if (!eligible.length) return null;
  // Every candidate is tested on the same months: those the most demanding eligible model can forecast.
  const from = Math.max(...eligible.map(firstTestable));
  const scored = eligible.map((model) => ({ model, backtest: backtest(model, series, from) }));
  const best = scored.reduce((a, b) => (b.backtest.mae < a.backtest.mae ? b : a));
  const clamp = (v: number) => (nonNegative ? Math.max(0, v) : v);
  const values = best.model.forecast(series, horizon).map(clamp);
  const band = 1.96 * best.backtest.rmse;
  return {
    method: best.model.method,
    values,
    lower: values.map((v) => clamp(v - band)),
    upper: values.map((v) => v + band),
    backtest: best.backtest,
  };
}
