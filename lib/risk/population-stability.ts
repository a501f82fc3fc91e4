// Drift of the risk score: the population stability index (PSI) of a month's scores against the training window's,
// and of the factor that raised each score most among the top 5 %, against the same share of the training rows.
//   PSI = Σ_bins (a − e) · ln(a / e)
// with e the training share and a the month's share of each bin (shares floored at 0.0001 so an empty bin counts
// without dividing by zero). Score bins are the training scores' deciles (so e ≈ 10 % each); factor "bins" are the
// factors, plus "none" for a score no factor raised.
// Levels, the usual reading in credit scoring where PSI comes from: below 0.10 the population is stable; 0.10 to
// 0.25 it moved and deserves a look; from 0.25 on it drifted: the integrity unit gets a flag and the risk page
// suggests retraining. The factors' PSI counts only when the month's top 5 % holds at least MIN_TOP_ROWS
// declarations: the main factor of five declarations says nothing about a population.
import { rankByScore, selectionSize } from "@/lib/risk/selection-metrics";

export const SCORE_BINS = 10;
export const TOP_SHARE = 5;
export const PSI_LEVELS = { watch: 0.1, drift: 0.25 } as const;
const FLOOR = 1e-4;
export const NO_FACTOR = "none";
export const MIN_TOP_ROWS = 20;

export type DriftLevel = "stable" | "watch" | "drift";

export function driftLevel(psi: number): DriftLevel {
  return psi >= PSI_LEVELS.drift ? "drift" : psi >= PSI_LEVELS.watch ? "watch" : "stable";
}

export function psi(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length) throw new Error("PSI needs the same bins on both sides");
  let sum = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(FLOOR, expected[i]!);
    const a = Math.max(FLOOR, actual[i]!);
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

// The bins − 1 cut points at the training scores' quantiles (the value at position ⌊n · i / bins⌋ of the sorted
// scores); a value equal to a cut point falls in the bin above it.
export function quantileEdges(values: readonly number[], bins = SCORE_BINS): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return [];
  return Array.from({ length: bins - 1 }, (_, i) => sorted[Math.floor((sorted.length * (i + 1)) / bins)]!);
}

export function binShares(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    let lo = 0;
    let hi = edges.length;
    // The number of cut points ≤ v.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]!++;
  }
  return counts.map((c) => (values.length ? c / values.length : 0));
}

// Share of each factor as the main factor among the top TOP_SHARE % of rows by score (ties by declaration id).
export function topFactorShares(
  rows: readonly { declId: string }[],
  scores: readonly number[],
  mainFactors: readonly (string | null)[],
): Record<string, number> {
  const k = selectionSize(rows.length, TOP_SHARE);
  const counts: Record<string, number> = {};
  for (const i of rankByScore(rows, scores).slice(0, k)) {
    const f = mainFactors[i] ?? NO_FACTOR;
    counts[f] = (counts[f] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([f, c]) => [f, c / k]));
}

export function factorPsi(reference: Record<string, number>, current: Record<string, number>): number {
  const factors = [...new Set([...Object.keys(reference), ...Object.keys(current)])].sort();
  return psi(
    factors.map((f) => reference[f] ?? 0),
    factors.map((f) => current[f] ?? 0),
  );
}

export type DriftReference = {
  rows: number;
  edges: number[];
  shares: number[];
  topFactors: Record<string, number>;
};

export function driftReference(
  rows: readonly { declId: string }[],
  scores: readonly number[],
  mainFactors: readonly (string | null)[],
): DriftReference {
  const edges = quantileEdges(scores);
  return {
    rows: rows.length,
    edges,
    shares: binShares(scores, edges),
    topFactors: topFactorShares(rows, scores, mainFactors),
  };
}

export type DriftComparison = {
  rows: number;
  shares: number[];
  scorePsi: number;
  topFactors: Record<string, number>;
  factorPsi: number;
  // Whether the top 5 % was large enough for its factors to count in the level.
  factorsJudged: boolean;
  level: DriftLevel;
};

export function compareWithReference(
  reference: DriftReference,
  rows: readonly { declId: string }[],
  scores: readonly number[],
  mainFactors: readonly (string | null)[],
): DriftComparison {
  const shares = binShares(scores, reference.edges);
  const topFactors = topFactorShares(rows, scores, mainFactors);
  const scorePsi = psi(reference.shares, shares);
  const factorsPsi = factorPsi(reference.topFactors, topFactors);
  const factorsJudged = selectionSize(rows.length, TOP_SHARE) >= MIN_TOP_ROWS;
  return {
    rows: rows.length,
    shares,
    scorePsi,
    topFactors,
    factorPsi: factorsPsi,
    factorsJudged,
    level: driftLevel(factorsJudged ? Math.max(scorePsi, factorsPsi) : scorePsi),
  };
}
