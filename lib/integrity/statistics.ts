// The statistics of the detection methods (docs/indicators.md "Flags"), as small pure functions.

// Rate of one officer against the office rate p0 (binomial approximation): z = (p − p0) / sqrt(p0(1 − p0)/n).
// Null when p0 is 0 or 1, where the test has no spread to measure against.
export function rateZ(p: number, p0: number, n: number): number | null {
  const variance = (p0 * (1 - p0)) / n;
  return variance > 0 && n > 0 ? (p - p0) / Math.sqrt(variance) : null;
}

// Iglewicz–Hoaglin modified z: M = 0.6745 (x − median) / MAD. Null when MAD is 0.
export function modifiedZ(x: number, median: number, mad: number): number | null {
  return mad > 0 ? (0.6745 * (x - median)) / mad : null;
}

// Continuous median, as PostgreSQL percentile_cont(0.5).
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  const lo = sorted[Math.floor(mid)]!;
  const hi = sorted[Math.ceil(mid)]!;
  return lo + (hi - lo) * (mid - Math.floor(mid));
}

export function medianAbsoluteDeviation(values: readonly number[], center: number): number | null {
  return median(values.map((v) => Math.abs(v - center)));
}

// Benford's first-digit law: expected share of leading digit d.
export const benfordShare = (d: number) => Math.log10(1 + 1 / d);

// Mean absolute deviation from Benford over d = 1..9 (Nigrini): counts[d - 1] = values whose first digit is d.
export function benfordMad(counts: readonly number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let sum = 0;
  for (let d = 1; d <= 9; d++) sum += Math.abs((counts[d - 1] ?? 0) / total - benfordShare(d));
  return sum / 9;
}

// log Γ(x) for x > 0: Stirling's series, which is accurate to double precision from x = 10 on, reached from smaller
// x through Γ(x) = Γ(x + k) / (x (x + 1) … (x + k − 1)).
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

function logBinomialPmf(k: number, n: number, p: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

// P(X ≥ k) for X ~ Binomial(n, p), summed in log space from the largest term so that tails far below 1e-300 stay
// accurate relative to each other and nothing underflows before it matters.
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logs: number[] = [];
  for (let i = k; i <= n; i++) logs.push(logBinomialPmf(i, n, p));
  const max = Math.max(...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - max), 0);
  return Math.min(1, Math.exp(max) * sum);
}
