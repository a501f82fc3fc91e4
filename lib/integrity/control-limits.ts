// Control limits of a funnel plot for a rate (Spiegelhalter, "Funnel plots for comparing institutional
// performance", 2005): around the office rate p0, a subject with denominator n is expected within
// p0 ± k·sqrt(p0(1 − p0)/n); k = 2 and 3 give the ≈95 % and ≈99.8 % limits. The same binomial approximation as
// the RATE_OUTLIER z of docs/indicators.md "Flags", so an officer outside the 3σ curve on the worse side is one
// that method flags (with n ≥ its minimum). Limits are clipped to [0, 1], where a rate lives.

export type Limits = { lower: number; upper: number };

export function controlLimits(p0: number, n: number, k: number): Limits | null {
  if (!(n > 0) || !(p0 >= 0 && p0 <= 1)) return null;
  const half = k * Math.sqrt((p0 * (1 - p0)) / n);
  return { lower: Math.max(0, p0 - half), upper: Math.min(1, p0 + half) };
}

export type FunnelPoint = { n: number; lower2: number; upper2: number; lower3: number; upper3: number };

// The limit curves sampled over n from nMin to nMax, geometrically spaced (the curves bend most at small n).
export function funnelCurve(p0: number, nMin: number, nMax: number, steps = 40): FunnelPoint[] {
  const lo = Math.max(1, Math.floor(nMin));
  const hi = Math.max(lo, Math.ceil(nMax));
  const points: FunnelPoint[] = [];
  const seen = new Set<number>();
  for (let i = 0; i <= steps; i++) {
    const n = Math.round(lo * (hi / lo) ** (i / steps));
    if (seen.has(n)) continue;
    seen.add(n);
    const two = controlLimits(p0, n, 2)!;
    const three = controlLimits(p0, n, 3)!;
    points.push({ n, lower2: two.lower, upper2: two.upper, lower3: three.lower, upper3: three.upper });
  }
  return points;
}

// Where a rate falls against the limits, on the side that matters: beyond 3σ or between 2σ and 3σ on the worse
// side (higher for a "lower is better" rate, lower for P11), within 2σ, or beyond 2σ on the better side.
export type FunnelBand = "alarm" | "warning" | "inside" | "better";

export function funnelBand(p: number, p0: number, n: number, better: "higher" | "lower" = "lower"): FunnelBand {
  const three = controlLimits(p0, n, 3);
  const two = controlLimits(p0, n, 2);
  if (!three || !two) return "inside";
  const worseBeyond = (limit: Limits) => (better === "lower" ? p > limit.upper : p < limit.lower);
  const betterBeyond = (limit: Limits) => (better === "lower" ? p < limit.lower : p > limit.upper);
  if (worseBeyond(three)) return "alarm";
  if (worseBeyond(two)) return "warning";
  if (betterBeyond(two)) return "better";
  return "inside";
}
