// How a ranking of declarations would have done as a selection, the way the customs fraud-detection literature
// reports it (DATE, KDD 2020, utils.metrics): inspect the top n % by score, n ∈ {1, 2, 5, 10},
//   precision@n = illicit in the top / size of the top          (with its 95 % Wilson interval)
//   recall@n    = illicit in the top / illicit in all
//   revenue@n   = revenue of the top / revenue of all
// The top n % is the first k = round(N · n / 100) rows of the ranking by score, highest first, ties broken by
// declaration id so a ranking is reproducible (k = 0 leaves precision undefined). A random selection of the same
// size is drawn with a fixed seed; its expected precision is the base rate and its expected recall and revenue
// share are n %.
// Revenue@n rests on a few very large rows: it is also given without the largest 1 % of rows by revenue (left out of
// the top and of the total alike), which says whether the selection finds revenue or just one big case.
// ROC AUC: the probability that a random illicit declaration scores above a random clean one (ties count half).
import { Random } from "@/lib/kernel/seeded-random";

export const SELECTION_SHARES = [1, 2, 5, 10] as const;
// The share of rows by revenue left out of "revenue without the largest rows".
export const LARGEST_ROWS_SHARE = 1;

export type Outcome = { declId: string; illicit: number; revenue: number };

export type SelectionResult = {
  k: number;
  illicit: number;
  precision: number | null;
  recall: number | null;
  revenue: number | null;
  revenueWithoutLargest: number | null;
};

export type SelectionRow = {
  n: number;
  k: number;
  model: SelectionResult;
  // 95 % Wilson score interval of the model's precision.
  precisionInterval: [number, number] | null;
  random: SelectionResult;
  // What a random selection achieves on average: precision = base rate, recall = revenue share = n %.
  expectedRandom: { precision: number; recall: number; revenue: number };
};

export type OfficeSelectionRow = {
  n: number;
  // The office's own top n % (ranked among its declarations only) and its precision.
  k: number;
  precision: number | null;
  // The office's declarations in the overall top n %: how many, how many illicit, their share of the top, and in
  // how many the office factor raised the score most.
  selected: number;
  selectedIllicit: number;
  shareOfTop: number | null;
  officeFactorFirst: number;
  // The office fills the top because of its own factor (officeDominance).
  dominates: boolean;
};

export type OfficeSelection = {
  office: string;
  rows: number;
  illicit: number;
  shareOfRows: number;
  perN: OfficeSelectionRow[];
};

export type RankingEvaluation = {
  rows: number;
  illicit: number;
  baseRate: number;
  totalRevenue: number;
  auc: number | null;
  largest: { rows: number; revenue: number; revenueShare: number | null };
  randomSeed: number;
  perN: SelectionRow[];
  offices: OfficeSelection[];
};

export function selectionSize(total: number, percent: number): number {
  return Math.round((total * percent) / 100);
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Indices of the rows ordered by score, highest first (ties: declaration id ascending).
export function rankByScore(outcomes: readonly { declId: string }[], scores: readonly number[]): number[] {
  return outcomes
    .map((_, i) => i)
    .sort((a, b) => scores[b]! - scores[a]! || byId(outcomes[a]!.declId, outcomes[b]!.declId));
}

// Precision of the top round(N · percent / 100) rows (0 when that is no row).
export function rankingPrecision(
  outcomes: readonly { declId: string }[],
  labels: readonly number[],
  scores: readonly number[],
  percent: number,
): number {
  const k = selectionSize(outcomes.length, percent);
  if (!k) return 0;
  return (
    rankByScore(outcomes, scores)
      .slice(0, k)
      .reduce((s, i) => s + labels[i]!, 0) / k
  );
}

// Mann–Whitney: (rank sum of the illicit − n₁(n₁ + 1)/2) / (n₁ · n₀), with mid-ranks for ties.
export function rocAuc(labels: readonly number[], scores: readonly number[]): number | null {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++)
      if (labels[order[t]!]) {
        positives++;
        rankSum += midRank;
      }
    i = j;
  }
  const negatives = labels.length - positives;
  if (!positives || !negatives) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

// 95 % Wilson score interval of a binomial proportion x / n (z = 1.959964): unlike p ± z√(p(1 − p)/n) it stays
// inside [0, 1] and keeps its coverage at small n and at proportions near 0 or 1.
export function wilsonInterval(x: number, n: number, z = 1.959964): [number, number] | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

// The largest round(N · share / 100) rows by revenue (ties by declaration id), only rows with revenue > 0.
export function largestRevenueRows(outcomes: readonly Outcome[], share = LARGEST_ROWS_SHARE): Set<number> {
  const m = selectionSize(outcomes.length, share);
  return new Set(
    outcomes
      .map((_, i) => i)
      .filter((i) => outcomes[i]!.revenue > 0)
      .sort((a, b) => outcomes[b]!.revenue - outcomes[a]!.revenue || byId(outcomes[a]!.declId, outcomes[b]!.declId))
      .slice(0, m),
  );
}

export function selectionResult(
  outcomes: readonly Outcome[],
  selected: readonly number[],
  largest: ReadonlySet<number> = new Set(),
): SelectionResult {
  let totalIllicit = 0;
  let totalRevenue = 0;
  let largestRevenue = 0;
  outcomes.forEach((o, i) => {
    totalIllicit += o.illicit;
    totalRevenue += o.revenue;
    if (largest.has(i)) largestRevenue += o.revenue;
  });
  let illicit = 0;
  let revenue = 0;
  let revenueKept = 0;
  for (const i of selected) {
    illicit += outcomes[i]!.illicit;
    revenue += outcomes[i]!.revenue;
    if (!largest.has(i)) revenueKept += outcomes[i]!.revenue;
  }
  const rest = totalRevenue - largestRevenue;
  return {
    k: selected.length,
    illicit,
    precision: selected.length ? illicit / selected.length : null,
    recall: totalIllicit ? illicit / totalIllicit : null,
    revenue: totalRevenue > 0 ? revenue / totalRevenue : null,
    revenueWithoutLargest: rest > 0 ? revenueKept / rest : null,
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

// An office fills the top because of its own factor when, in the overall top n %, its declarations are at least a
// quarter of the top and twice its share of all declarations, and the office factor raised most of them (more
// than half) more than any other factor. The analysis page warns then: the ranking leans on where a declaration was
// lodged, not on what it declares.
export const DOMINANCE = { minShareOfTop: 0.25, overRepresentation: 2, officeFactorFirst: 0.5 } as const;

export function officeDominance(row: {
  selected: number;
  shareOfTop: number | null;
  officeFactorFirst: number;
  shareOfRows: number;
}): boolean {
  return (
    row.shareOfTop !== null &&
    row.shareOfTop >= DOMINANCE.minShareOfTop &&
    row.shareOfTop >= DOMINANCE.overRepresentation * row.shareOfRows &&
    row.officeFactorFirst > DOMINANCE.officeFactorFirst * row.selected
  );
}

export type RankingContext = {
  // The office of each row and the factor that raised its score most (null: none), for the per-office figures.
  offices?: readonly (string | null)[];
  mainFactors?: readonly (string | null)[];
};

export function officeSelections(
  outcomes: readonly Outcome[],
  ranking: readonly number[],
  context: Required<RankingContext>,
): OfficeSelection[] {
  const byOffice = new Map<string, number[]>();
  ranking.forEach((i) => {
    const office = context.offices[i] ?? "";
    const list = byOffice.get(office);
    if (list) list.push(i);
    else byOffice.set(office, [i]);
  });
  return [...byOffice]
    .sort(([a], [b]) => byId(a, b))
    .map(([office, ranked]) => {
      const illicit = ranked.reduce((s, i) => s + outcomes[i]!.illicit, 0);
      const shareOfRows = ranked.length / outcomes.length;
      return {
        office,
        rows: ranked.length,
        illicit,
        shareOfRows,
        perN: SELECTION_SHARES.map((n) => {
          const k = selectionSize(ranked.length, n);
          const own = ranked.slice(0, k).reduce((s, i) => s + outcomes[i]!.illicit, 0);
          const topK = selectionSize(outcomes.length, n);
          const top = ranking.slice(0, topK).filter((i) => (context.offices[i] ?? "") === office);
          const row = {
            n,
            k,
            precision: k ? own / k : null,
            selected: top.length,
            selectedIllicit: top.reduce((s, i) => s + outcomes[i]!.illicit, 0),
            shareOfTop: topK ? top.length / topK : null,
            officeFactorFirst: top.filter((i) => context.mainFactors[i] === "office").length,
          };
          return { ...row, dominates: officeDominance({ ...row, shareOfRows }) };
        }),
      };
    });
}

export function evaluateRanking(
  outcomes: readonly Outcome[],
  scores: readonly number[],
  randomSeed: number,
  context: RankingContext = {},
): RankingEvaluation {
  const ranking = rankByScore(outcomes, scores);
  const random = randomOrder(outcomes.length, randomSeed);
  const largest = largestRevenueRows(outcomes);
  const illicit = outcomes.reduce((s, o) => s + o.illicit, 0);
  const baseRate = outcomes.length ? illicit / outcomes.length : 0;
  const totalRevenue = outcomes.reduce((s, o) => s + o.revenue, 0);
  const largestRevenue = [...largest].reduce((s, i) => s + outcomes[i]!.revenue, 0);
  return {
    rows: outcomes.length,
    illicit,
    baseRate,
    totalRevenue,
    auc: rocAuc(
      outcomes.map((o) => o.illicit),
      scores,
    ),
    largest: {
      rows: largest.size,
      revenue: largestRevenue,
      revenueShare: totalRevenue > 0 ? largestRevenue / totalRevenue : null,
    },
    randomSeed,
    perN: outcomes.length
      ? SELECTION_SHARES.map((n) => {
          const k = selectionSize(outcomes.length, n);
          const model = selectionResult(outcomes, ranking.slice(0, k), largest);
          return {
            n,
            k,
            model,
            precisionInterval: wilsonInterval(model.illicit, k),
            random: selectionResult(outcomes, random.slice(0, k), largest),
            expectedRandom: { precision: baseRate, recall: n / 100, revenue: n / 100 },
          };
        })
      : [],
    offices: officeSelections(outcomes, ranking, {
      offices: context.offices ?? outcomes.map(() => null),
      mainFactors: context.mainFactors ?? outcomes.map(() => null),
    }),
  };
}
