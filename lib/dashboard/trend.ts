// Trend arrows on the dashboards: a score or a KPI value compared with the month before. Differences smaller
// than the tolerance read as "flat", so a rounding wobble never shows as an arrow.
export type Trend = "up" | "down" | "flat";

export const SCORE_TOLERANCE = 0.5; // points on the 0..100 overall score

// The smallest move of a KPI value that is shown as a trend, by the KPI's unit (catalogue.ts): a twentieth of the
// displayed precision.
export const KPI_TREND_TOLERANCE = { share: 0.0005, hours: 0.05, perDay: 0.05, amount: 0.5 } as const;

export function trendOf(
  current: number | null,
  previous: number | null,
  tolerance = SCORE_TOLERANCE,
): { trend: Trend; delta: number } | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const delta = current - previous;
  return { trend: delta > tolerance ? "up" : delta < -tolerance ? "down" : "flat", delta };
}

// Whether a KPI's move is an improvement: up is good for a higher-is-better KPI, bad for a lower-is-better one.
export function trendIsGood(trend: Trend, direction: "higher" | "lower" | "context"): boolean | null {
  if (trend === "flat" || direction === "context") return null;
  return (trend === "up") === (direction === "higher");
}
