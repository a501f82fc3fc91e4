// What would lift an indicator that is below its threshold, in the officer's own terms (the officer's page): for a
// rate, how many of the month's declarations (or inspections) would have had to go the other way at the same n,
// and the rate that would give; for a duration or an amount, the distance to the threshold. Pure.
import type { KpiDefinition } from "@/lib/kpis/catalogue";

export type NextStep =
  | { kind: "count"; more: boolean; count: number; n: number; rateAtThreshold: number }
  | { kind: "distance"; by: number };

export function nextStep(
  kpi: Pick<KpiDefinition, "direction" | "unit" | "kind">,
  cell: { value: number | null; numerator: number | null; denominator: number | null },
  threshold: number,
): NextStep | null {
  if (cell.value === null || kpi.direction === "context") return null;
  const below = kpi.direction === "higher" ? cell.value < threshold : cell.value > threshold;
  if (!below) return null;
  const n = cell.denominator ?? 0;
  if (kpi.unit === "share" && kpi.kind === "ratio" && cell.numerator !== null && n > 0) {
    // Higher is better: at least ⌈T·n⌉ of the n must count; lower is better: at most ⌊T·n⌋ may.
    const needed = kpi.direction === "higher" ? Math.ceil(threshold * n - 1e-9) : Math.floor(threshold * n + 1e-9);
    const count = Math.abs(needed - cell.numerator);
    return { kind: "count", more: kpi.direction === "higher", count, n, rateAtThreshold: needed / n };
  }
  return { kind: "distance", by: Math.abs(threshold - cell.value) };
}
