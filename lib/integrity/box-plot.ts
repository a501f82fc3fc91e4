// Box-plot statistics (Tukey): quartiles as PostgreSQL percentile_cont (linear interpolation between closest
// ranks, docs/indicators.md "Scope"), whiskers at the most extreme values within 1.5 IQR of the box, the rest outliers.
// The unit-value chart takes these from SQL (unit-value-boxes.ts, the same definitions); this is the reference.

export type BoxStats = {
  n: number;
  q1: number;
  median: number;
  q3: number;
  whiskerLow: number;
  whiskerHigh: number;
  outliers: number;
};

// Continuous percentile of sorted values, as percentile_cont(p).
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = (sorted.length - 1) * p;
  const lo = sorted[Math.floor(rank)]!;
  const hi = sorted[Math.ceil(rank)]!;
  return lo + (hi - lo) * (rank - Math.floor(rank));
}

export function tukeyFences(q1: number, q3: number, k = 1.5): { low: number; high: number } {
  const iqr = q3 - q1;
  return { low: q1 - k * iqr, high: q3 + k * iqr };
}

export function boxStats(values: readonly number[]): BoxStats | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = percentileCont(sorted, 0.25)!;
  const median = percentileCont(sorted, 0.5)!;
  const q3 = percentileCont(sorted, 0.75)!;
  const fences = tukeyFences(q1, q3);
  const inside = sorted.filter((v) => v >= fences.low && v <= fences.high);
  return {
    n: sorted.length,
    q1,
    median,
    q3,
    whiskerLow: inside[0]!,
    whiskerHigh: inside.at(-1)!,
    outliers: sorted.length - inside.length,
  };
}

// A value domain for a set of boxes and points, padded by 5 % so nothing sits on the frame.
export function boxDomain(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(lo) * 0.05, 0.5);
  return [lo - pad, hi + pad];
}

// Axis ticks for values plotted as natural logs: round values (1, 2, 5 × 10^k) whose log falls within [lo, hi],
// thinned to powers of ten when they would crowd (more than `max` ticks).
export function logValueTicks(lo: number, hi: number, max = 8): number[] {
  if (!(hi >= lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const ticks = (mantissas: number[]) => {
    const out: number[] = [];
    for (let k = Math.floor(lo / Math.LN10) - 1; k <= Math.ceil(hi / Math.LN10) + 1; k++) {
      for (const m of mantissas) {
        const v = m * 10 ** k;
        const x = Math.log(v);
        if (x >= lo - 1e-12 && x <= hi + 1e-12) out.push(Number(v.toPrecision(12)));
      }
    }
    return out;
  };
  const fine = ticks([1, 2, 5]);
  if (fine.length <= max) return fine;
  const decades = ticks([1]);
  if (decades.length <= max) return decades;
  const step = Math.ceil(decades.length / max);
  return decades.filter((_, i) => i % step === 0);
}
