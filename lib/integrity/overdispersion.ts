// Overdispersion of an office's officers around its rate, for the funnel plot (Spiegelhalter, "Handling
// over-dispersion of performance indicators", 2005). Officers differ for ordinary reasons (their desks, their goods,
// their shifts), so their rates scatter more than binomial sampling alone would make them, and plain binomial limits
// call too many of them outliers. From the officers' z-scores z_i = (p_i − p0) / s_i, s_i = √(p0(1 − p0)/n_i):
//   - winsorise: z below the 10th percentile is set to it, above the 90th likewise (continuous percentiles, as
//     PostgreSQL's percentile_cont), so that the outliers one looks for do not inflate the estimate of the ordinary
//     spread;
//   - multiplicative: φ = (1/I) Σ z_i² (winsorised), limits p0 ± k·√φ·s_i when φ > 1;
//   - additive random effects (DerSimonian–Laird): τ² = max(0, (I·φ − (I − 1)) / (Σ w_i − Σ w_i² / Σ w_i)) with
//     w_i = 1/s_i², limits p0 ± k·√(s_i² + τ²). The funnel draws these beside the binomial ones: the additive form
//     keeps the limits narrow where n is small (sampling dominates) and widens them where n is large.
export const WINSORISE = 0.1;

// Continuous percentile (linear between order statistics).
export function percentile(values: readonly number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = sorted[Math.floor(h)]!;
  const hi = sorted[Math.ceil(h)]!;
  return lo + (hi - lo) * (h - Math.floor(h));
}

export function winsorise(values: readonly number[], fraction: number = WINSORISE): number[] {
  const lo = percentile(values, fraction);
  const hi = percentile(values, 1 - fraction);
  if (lo === null || hi === null) return [];
  return values.map((v) => Math.min(hi, Math.max(lo, v)));
}

export type Overdispersion = {
  // Officers the estimate is taken over (those with n > 0).
  officers: number;
  phi: number;
  tau2: number;
  tau: number;
};

// Null when there is nothing to estimate: p0 at 0 or 1 (no binomial spread) or fewer than two officers.
export function estimateOverdispersion(
  officers: readonly { p: number; n: number }[],
  p0: number,
  fraction: number = WINSORISE,
): Overdispersion | null {
  if (!(p0 > 0 && p0 < 1)) return null;
  const used = officers.filter((o) => o.n > 0);
  if (used.length < 2) return null;
  const variances = used.map((o) => (p0 * (1 - p0)) / o.n);
  const z = winsorise(
    used.map((o, i) => (o.p - p0) / Math.sqrt(variances[i]!)),
    fraction,
  );
  const count = used.length;
  const phi = z.reduce((s, v) => s + v * v, 0) / count;
  const weights = variances.map((v) => 1 / v);
  const sumW = weights.reduce((s, w) => s + w, 0);
  const sumW2 = weights.reduce((s, w) => s + w * w, 0);
  const denominator = sumW - sumW2 / sumW;
  const tau2 = denominator > 0 ? Math.max(0, (count * phi - (count - 1)) / denominator) : 0;
  return { officers: count, phi, tau2, tau: Math.sqrt(tau2) };
}

export type Band = { lower: number; upper: number };

const clip = (p0: number, half: number): Band => ({ lower: Math.max(0, p0 - half), upper: Math.min(1, p0 + half) });

export function multiplicativeLimits(p0: number, n: number, k: number, phi: number): Band {
  return clip(p0, k * Math.sqrt((Math.max(1, phi) * p0 * (1 - p0)) / n));
}

export function additiveLimits(p0: number, n: number, k: number, tau2: number): Band {
  return clip(p0, k * Math.sqrt((p0 * (1 - p0)) / n + tau2));
}

// Whether a rate is beyond the additive limit on the worse side (higher, or lower for a higher-is-better KPI).
export function beyondAdditive(
  p: number,
  p0: number,
  n: number,
  k: number,
  tau2: number,
  better: "higher" | "lower",
): boolean {
  const band = additiveLimits(p0, n, k, tau2);
  return better === "lower" ? p > band.upper : p < band.lower;
}
