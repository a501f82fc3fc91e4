// Observed against expected for a rate, after indirect standardisation (docs/indicators.md, "Fair comparison"): the
// officer's count O against E = Σ over strata of his n in the stratum × the office's rate there, and O/E with a
// 95 % interval. O is treated as a Poisson count (Byar's approximation; exact bounds at O = 0). Pure.
export type ObservedExpected = {
  observed: number;
  expected: number;
  n: number;
  // O/E; null when E is 0 (every stratum of the office at 0 %).
  ratio: number | null;
  lower: number | null;
  upper: number | null;
};

const Z = 1.959964;

export function observedExpected(observed: number, expected: number, n: number): ObservedExpected {
  if (!(expected > 0)) return { observed, expected, n, ratio: null, lower: null, upper: null };
  const lowerCount = observed === 0 ? 0 : observed * (1 - 1 / (9 * observed) - Z / (3 * Math.sqrt(observed))) ** 3;
  const o1 = observed + 1;
  const upperCount = o1 * (1 - 1 / (9 * o1) + Z / (3 * Math.sqrt(o1))) ** 3;
  return {
    observed,
    expected,
    n,
    ratio: observed / expected,
    lower: Math.max(0, lowerCount) / expected,
    // At O = 0 the exact upper bound is −ln(0.025) = 3.689; Byar's approximation gives 3.7 — the exact one is used.
    upper: (observed === 0 ? -Math.log(0.025) : upperCount) / expected,
  };
}
