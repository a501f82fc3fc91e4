// How a ranking of declarations would have done as a selection, the way the customs fraud-detection literature
// reports it (DATE, KDD 2020, utils.metrics): inspect the top n % by score, n ∈ {1, 2, 5, 10},
//   precision@n = illicit in the top / size of the top
//   recall@n    = illicit in the top / illicit in all
//   revenue@n   = revenue of the top / revenue of all
// The top n % is the first round(N · n / 100) rows (at least one) of the ranking by score, highest first, ties
// broken by declaration id so a ranking is reproducible. A random selection of the same size is drawn with a fixed
// seed; its expected precision is the base rate and its expected recall and revenue share are n %.
import { Random } from "@/lib/kernel/seeded-random";

export const SELECTION_SHARES = [1, 2, 5, 10] as const;

export type Outcome = { declId: string; illicit: number; revenue: number };

export type SelectionResult = { k: number; illicit: number; precision: number; recall: number; revenue: number | null };

export type SelectionRow = {
  n: number;
  k: number;
  model: SelectionResult;
  random: SelectionResult;
  // What a random selection achieves on average: precision = base rate, recall = revenue share = n %.
  expectedRandom: { precision: number; recall: number; revenue: number };
};

export type RankingEvaluation = {
  rows: number;
  illicit: number;
  baseRate: number;
  totalRevenue: number;
  randomSeed: number;
  perN: SelectionRow[];
};

export function selectionSize(total: number, percent: number): number {
  return Math.min(total, Math.max(1, Math.round((total * percent) / 100)));
}

// Indices of the rows ordered by score, highest first (ties: declaration id ascending).
export function rankByScore(outcomes: readonly Outcome[], scores: readonly number[]): number[] {
  return outcomes
    .map((_, i) => i)
    .sort(
      (a, b) =>
        scores[b]! - scores[a]! ||
        (outcomes[a]!.declId < outcomes[b]!.declId ? -1 : outcomes[a]!.declId > outcomes[b]!.declId ? 1 : 0),
    );
}

export function selectionResult(outcomes: readonly Outcome[], selected: readonly number[]): SelectionResult {
  const totalIllicit = outcomes.reduce((s, o) => s + o.illicit, 0);
  const totalRevenue = outcomes.reduce((s, o) => s + o.revenue, 0);
  let illicit = 0;
  let revenue = 0;
  for (const i of selected) {
    illicit += outcomes[i]!.illicit;
    revenue += outcomes[i]!.revenue;
  }
  return {
    k: selected.length,
    illicit,
    precision: selected.length ? illicit / selected.length : 0,
    recall: totalIllicit ? illicit / totalIllicit : 0,
    revenue: totalRevenue > 0 ? revenue / totalRevenue : null,
  };
}

// A seeded random order of all rows (Fisher–Yates): its first k rows are the random selection of size k, so the
// random selections of 1, 2, 5 and 10 % are nested, as the model's are.
export function randomOrder(total: number, seed: number): number[] {
  const order = Array.from({ length: total }, (_, i) => i);
  const rnd = new Random(seed);
  for (let i = total - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function evaluateRanking(
  outcomes: readonly Outcome[],
  scores: readonly number[],
  randomSeed: number,
): RankingEvaluation {
  const ranking = rankByScore(outcomes, scores);
  const random = randomOrder(outcomes.length, randomSeed);
  const illicit = outcomes.reduce((s, o) => s + o.illicit, 0);
  const baseRate = outcomes.length ? illicit / outcomes.length : 0;
  return {
    rows: outcomes.length,
    illicit,
    baseRate,
    totalRevenue: outcomes.reduce((s, o) => s + o.revenue, 0),
    randomSeed,
    perN: outcomes.length
      ? SELECTION_SHARES.map((n) => {
          const k = selectionSize(outcomes.length, n);
          return {
            n,
            k,
            model: selectionResult(outcomes, ranking.slice(0, k)),
            random: selectionResult(outcomes, random.slice(0, k)),
            expectedRandom: { precision: baseRate, recall: n / 100, revenue: n / 100 },
          };
        })
      : [],
  };
}
