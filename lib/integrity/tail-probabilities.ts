// One-sided tail probabilities as base-10 logarithms. The planted and the real patterns the detection methods find
// have p-values far below 1e-300 (a z of 40 on a rate), where a plain double is 0 and every such flag would tie; in
// logarithms they keep their order, and the multiple-testing step and the priority can still tell them apart.
import { logGamma } from "@/lib/integrity/statistics";

const LN10 = Math.LN10;

// ln erfc(x) for x ≥ 0 from the Chebyshev fit of Numerical Recipes' erfcc (relative error below 1.2e-7 everywhere),
// whose form t·exp(−x² + poly(t)) gives the logarithm directly, without underflow, however large x is.
function lnErfcNonNegative(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - x * x + poly;
}

// log10 P(Z ≥ z) for a standard normal Z.
export function log10NormalUpperTail(z: number): number {
  if (Number.isNaN(z)) return 0;
  const x = z / Math.SQRT2;
  if (x >= 0) return (Math.log(0.5) + lnErfcNonNegative(x)) / LN10;
  // erfc(x) = 2 − erfc(−x) for negative x: the tail is above one half, no precision is at stake.
  return Math.log10(1 - 0.5 * Math.exp(lnErfcNonNegative(-x)));
}

// log10 P(X ≥ x) for X ~ χ² with an even number of degrees of freedom 2r, from the closed form
// P = e^(−x/2) Σ_{i<r} (x/2)^i / i!, summed in logarithms from its largest term.
export function log10ChiSquareUpperTailEven(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0) || degreesOfFreedom % 2 !== 0) throw new Error("degrees of freedom must be even");
  if (!(x > 0)) return 0;
  const y = x / 2;
  const r = degreesOfFreedom / 2;
  const logs = Array.from({ length: r }, (_, i) => i * Math.log(y) - logGamma(i + 1));
  const max = Math.max(...logs);
  const ln = -y + max + Math.log(logs.reduce((s, l) => s + Math.exp(l - max), 0));
  return Math.min(0, ln / LN10);
}

// log10 P(X ≥ k) for X ~ Binomial(n, p), the same tail as binomialUpperTail, kept in logarithms. The terms come from
// the ratio of consecutive probabilities, so a tail over thousands of declarations costs what its few significant
// terms cost: above the mode the sum stops once a term is e^-40 below the largest; at or below it the tail is one
// minus the (short) lower sum.
export function log10BinomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0 || p >= 1) return 0;
  if (k > n || p <= 0) return -Infinity;
  const logPmf = (i: number) =>
    logGamma(n + 1) - logGamma(i + 1) - logGamma(n - i + 1) + i * Math.log(p) + (n - i) * Math.log1p(-p);
  const logOdds = Math.log(p) - Math.log1p(-p);
  const mode = Math.floor((n + 1) * p);
  if (k > mode) {
    // Decreasing terms from k on.
    let term = logPmf(k);
    const first = term;
    let sum = 1;
    for (let i = k; i < n; i++) {
      term += Math.log((n - i) / (i + 1)) + logOdds;
      if (term < first - 40) break;
      sum += Math.exp(term - first);
    }
    return Math.min(0, (first + Math.log(sum)) / LN10);
  }
  // P(X ≥ k) = 1 − P(X ≤ k − 1), the lower terms increasing up to k − 1 ≤ mode.
  let term = logPmf(k - 1);
  const last = term;
  let sum = 1;
  for (let i = k - 1; i > 0; i--) {
    term -= Math.log((n - i + 1) / i) + logOdds;
    if (term < last - 40) break;
    sum += Math.exp(term - last);
  }
  const lower = Math.min(1, Math.exp(last) * sum);
  return Math.min(0, Math.log1p(-lower) / LN10);
}
