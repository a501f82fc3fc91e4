// Where values fall among peers, for the office and unit pages (officers per KPI) and the officer's own page
// (their position without naming anyone). Pure: the values come from stored KPI results.
export type Bin = { from: number; to: number; count: number };

// Equal-width bins from the smallest to the largest value; the last bin includes its upper edge.
export function histogram(values: readonly number[], binCount = 10): Bin[] {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min === max) return [{ from: min, to: max, count: finite.length }];
  const width = (max - min) / binCount;
  const bins: Bin[] = Array.from({ length: binCount }, (_, i) => ({
    from: min + i * width,
    to: i === binCount - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of finite) bins[Math.min(binCount - 1, Math.floor((v - min) / width))]!.count++;
  return bins;
}

export function binIndexOf(bins: readonly Bin[], value: number): number {
  return bins.findIndex((b, i) => value >= b.from && (value < b.to || (i === bins.length - 1 && value <= b.to)));
}

// The share of peers the officer does better than (ties count half), by the KPI's direction: 1 = better than
// everyone. Null for a context-only KPI, which ranks nobody.
export function shareOfPeersBeaten(
  own: number,
  peers: readonly number[],
  direction: "higher" | "lower" | "context",
): number | null {
  if (direction === "context" || !peers.length) return null;
  let beaten = 0;
  for (const p of peers) {
    if (p === own) beaten += 0.5;
    else if (direction === "higher" ? own > p : own < p) beaten += 1;
  }
  return beaten / peers.length;
}

// Fewer peers than this and a distribution would let an officer work out a colleague's figure.
export const MIN_PEERS_SHOWN = 5;

export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | null {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  if (!sorted.length) return null;
  const at = (p: number) => percentileCont(sorted, p);
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

// The p-th percentile of sorted, non-empty values by linear interpolation between closest ranks, as PostgreSQL
// percentile_cont (docs/indicators.md, Scope).
export function percentileCont(sorted: readonly number[], p: number): number {
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}
