// Benjamini–Hochberg control of the false discovery rate (Benjamini & Hochberg 1995, step-up): of m tests with
// p-values p(1) ≤ … ≤ p(m), reject the k smallest, where k is the largest i with p(i) ≤ i·q/m.
//
// Detection stores only the tests that raised a flag, so the family is given as those p-values and m, the number of
// tests the method ran (detection_tests). The tests that raised no flag count in m and are taken as the largest
// p-values of the family, which they are for every method whose flag rule is a p-value threshold; where the rule is
// an effect size (Benford's MAD, a pair's ratio) an unflagged test with a smaller p is not a flag anyway, and leaving
// it out can only make the step stricter, never looser. Works on log10 p so that p-values below 1e-300 keep their
// order.

export const FDR_LEVEL = 0.05;

export type BhResult = {
  // Per p-value, in the order given: whether it is rejected (the flag survives).
  survives: boolean[];
  // The largest log10 p rejected (−Infinity when none is).
  cutoff: number;
  // m as used: never fewer than the p-values given.
  m: number;
};

export function benjaminiHochberg(log10Ps: readonly number[], tests: number, q: number = FDR_LEVEL): BhResult {
  const m = Math.max(tests, log10Ps.length);
  const sorted = [...log10Ps].sort((a, b) => a - b);
  let rejected = 0;
  for (let i = sorted.length; i >= 1; i--) {
    if (sorted[i - 1]! <= Math.log10((i * q) / m)) {
      rejected = i;
      break;
    }
  }
  const cutoff = rejected ? sorted[rejected - 1]! : -Infinity;
  return { survives: log10Ps.map((l) => rejected > 0 && l <= cutoff), cutoff, m };
}
