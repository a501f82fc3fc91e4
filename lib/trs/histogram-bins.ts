// Bins of a duration histogram: equal widths of a "nice" size (1, 2, 2.5 or 5 × 10^k hours) from a round lower edge
// to just past the 99th percentile, so one very long wait does not squeeze every other bar into the first one; the
// durations beyond the last edge get an open-ended last bar.
export type Bins = { lower: number; width: number; count: number };

const TARGET_BINS = 20;

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

export function histogramBins(min: number, p99: number): Bins {
  const span = Math.max(p99 - Math.min(min, 0), 0);
  const width = span > 0 ? niceStep(span / TARGET_BINS) : 1;
  const lower = Math.floor(Math.min(min, 0) / width) * width;
  // The 99th percentile itself falls inside the last bin (width_bucket's upper edge is exclusive).
  const count = Math.floor((p99 - lower) / width) + 1;
  return { lower, width, count };
}

export type HistogramBar = { from: number; to: number | null; count: number };

// width_bucket's buckets (1..count inside, count + 1 beyond the last edge) → bars in order, empty ones included.
export function histogramBars(bins: Bins, buckets: { bucket: number; n: number }[]): HistogramBar[] {
  const byBucket = new Map(buckets.map((b) => [b.bucket, b.n]));
  const bars: HistogramBar[] = [];
  for (let i = 1; i <= bins.count; i++) {
    bars.push({
      from: bins.lower + (i - 1) * bins.width,
      to: bins.lower + i * bins.width,
      count: byBucket.get(i) ?? 0,
    });
  }
  const beyond = byBucket.get(bins.count + 1) ?? 0;
  if (beyond) bars.push({ from: bins.lower + bins.count * bins.width, to: null, count: beyond });
  return bars;
}
