import { describe, expect, it } from "vitest";
import {
  evaluateRanking,
  largestRevenueRows,
  officeSelections,
  randomOrder,
  rankByScore,
  rocAuc,
  selectionResult,
  selectionSize,
  wilsonInterval,
} from "@/lib/risk/selection-metrics";

// 100 declarations scored 100, 99, …, 1 (row i scores 100 − i). Illicit: rows 0, 1, 3, 7, 20, 50 (base rate 6 %),
// with revenues 10, 0, 30, 20, 40, 0 (total 100).
const ILLICIT: Record<number, number> = { 0: 10, 1: 0, 3: 30, 7: 20, 20: 40, 50: 0 };
const outcomes = Array.from({ length: 100 }, (_, i) => ({
  declId: `D${String(i).padStart(3, "0")}`,
  illicit: i in ILLICIT ? 1 : 0,
  revenue: ILLICIT[i] ?? 0,
}));
const scores = outcomes.map((_, i) => 100 - i);

describe("precision@n, recall@n and revenue@n on a hand-made ranking", () => {
  const evaluation = evaluateRanking(outcomes, scores, 7);

  it("inspects the top 1, 2, 5 and 10 % by score", () => {
    expect(evaluation.baseRate).toBe(0.06);
    expect(evaluation.perN.map((r) => [r.n, r.k])).toEqual([
      [1, 1],
      [2, 2],
      [5, 5],
      [10, 10],
    ]);
  });

  it("counts the illicit and the revenue in each top", () => {
    // top 1: row 0 → 1/1, recall 1/6, revenue 10 %; top 2: rows 0–1 → 2/2, 2/6, 10 %;
    // top 5: rows 0–4 hold 0, 1, 3 → 3/5, 3/6, 40 %; top 10: rows 0–9 hold 0, 1, 3, 7 → 4/10, 4/6, 60 %.
    expect(evaluation.perN.map((r) => [r.model.precision, r.model.recall, r.model.revenue])).toEqual([
      [1, 1 / 6, 0.1],
      [1, 2 / 6, 0.1],
      [3 / 5, 3 / 6, 0.4],
      [4 / 10, 4 / 6, 0.6],
    ]);
  });

  it("states what a random selection achieves on average, and draws one with the seed", () => {
    expect(evaluation.perN[2]!.expectedRandom).toEqual({ precision: 0.06, recall: 0.05, revenue: 0.05 });
    const again = evaluateRanking(outcomes, scores, 7);
    expect(again.perN.map((r) => r.random)).toEqual(evaluation.perN.map((r) => r.random));
    // The random selection of size k is the first k rows of one seeded shuffle.
    const order = randomOrder(100, 7);
    expect([...order].sort((a, b) => a - b)).toEqual(outcomes.map((_, i) => i));
    expect(evaluation.perN[3]!.random).toEqual(
      selectionResult(outcomes, order.slice(0, 10), largestRevenueRows(outcomes)),
    );
  });

  it("breaks ties by declaration id", () => {
    const tied = [
      { declId: "B", illicit: 0, revenue: 0 },
      { declId: "A", illicit: 1, revenue: 0 },
      { declId: "C", illicit: 0, revenue: 0 },
    ];
    expect(rankByScore(tied, [0.5, 0.5, 0.9])).toEqual([2, 1, 0]);
  });

  it("sizes a selection as round(N · n / 100); an empty selection has no precision", () => {
    expect(selectionSize(8134, 1)).toBe(81);
    expect(selectionSize(8134, 5)).toBe(407);
    expect(selectionSize(50, 1)).toBe(1);
    expect(selectionSize(20, 2)).toBe(0);
    const small = evaluateRanking(outcomes.slice(0, 20), scores.slice(0, 20), 7);
    expect(small.perN[1]).toMatchObject({ n: 2, k: 0, precisionInterval: null });
    expect(small.perN[1]!.model).toMatchObject({ k: 0, precision: null, illicit: 0, recall: 0 });
  });

  it("has no revenue share when nothing had revenue", () => {
    expect(selectionResult([{ declId: "A", illicit: 1, revenue: 0 }], [0]).revenue).toBeNull();
  });

  it("gives revenue@n without the largest 1 % of rows by revenue, and says how much those rows held", () => {
    // 1 % of 100 rows: the one of largest revenue, row 20 (40 of 100). Without it the total is 60: top 1 and 2 hold
    // 10, top 5 holds 10 + 30, top 10 holds 10 + 30 + 20.
    expect([...largestRevenueRows(outcomes)]).toEqual([20]);
    expect(evaluation.largest).toEqual({ rows: 1, revenue: 40, revenueShare: 0.4 });
    expect(evaluation.perN.map((r) => r.model.revenueWithoutLargest)).toEqual([10 / 60, 10 / 60, 40 / 60, 1]);
  });

  it("measures the ROC AUC by ranks", () => {
    // Negatives below each illicit row (rows 0, 1, 3, 7, 20, 50): 94, 94, 93, 90, 78, 49 = 498 of 6 × 94 pairs.
    expect(evaluation.auc).toBeCloseTo(498 / 564, 12);
    // Ties count half: (0 vs 1) tie, (0 vs 3) win, (2 vs 1) loss, (2 vs 3) tie → 2 / 4.
    expect(rocAuc([1, 0, 1, 0], [1, 1, 0, 0])).toBe(0.5);
    expect(rocAuc([1, 1], [0.3, 0.2])).toBeNull();
  });

  it("puts a 95 % Wilson interval around each precision", () => {
    const [lo, hi] = wilsonInterval(4, 10)!;
    expect(lo).toBeCloseTo(0.16818, 5);
    expect(hi).toBeCloseTo(0.68733, 5);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(5, 5)![1]).toBe(1);
    expect(evaluation.perN[3]!.precisionInterval).toEqual(wilsonInterval(4, 10));
  });
});

describe("precision per office and the office warning", () => {
  // 20 declarations scored 20 … 1: office A has rows 0–9, B rows 10–19. Illicit: rows 0, 2, 11.
  const rows = Array.from({ length: 20 }, (_, i) => ({
    declId: `E${String(i).padStart(2, "0")}`,
    illicit: [0, 2, 11].includes(i) ? 1 : 0,
    revenue: 0,
  }));
  const ranking = rankByScore(
    rows,
    rows.map((_, i) => 20 - i),
  );
  const offices = rows.map((_, i) => (i < 10 ? "A" : "B"));

  it("ranks each office's declarations among themselves, and counts its share of the overall top", () => {
    const [a, b] = officeSelections(rows, ranking, { offices, mainFactors: rows.map(() => "hs6") });
    expect(a).toMatchObject({ office: "A", rows: 10, illicit: 2, shareOfRows: 0.5 });
    // n = 10 %: the office's own top is round(10 · 10 / 100) = 1 row (row 0, illicit); overall top 2 = rows 0, 1.
    expect(a!.perN[3]).toMatchObject({ n: 10, k: 1, precision: 1, selected: 2, selectedIllicit: 1, shareOfTop: 1 });
    // B's own top at 10 % is row 10 (clean); none of B in the overall top.
    expect(b!.perN[3]).toMatchObject({ k: 1, precision: 0, selected: 0, shareOfTop: 0, dominates: false });
    // Filling the top is not enough: the office factor must have raised those scores most.
    expect(a!.perN[3]!.dominates).toBe(false);
  });

  it("warns when an office fills the top because of its own factor", () => {
    // Rows 0 and 1 raised most by the office: at 10 % both (2 > half of 2), at 5 % row 0 (1 > half of 1).
    const main = rows.map((_, i) => (i < 2 ? "office" : "hs6"));
    const [a] = officeSelections(rows, ranking, { offices, mainFactors: main });
    expect(a!.perN.map((r) => [r.n, r.officeFactorFirst, r.dominates])).toEqual([
      [1, 0, false],
      [2, 0, false],
      [5, 1, true],
      [10, 2, true],
    ]);
    // Only row 0: at 10 % one of two is not more than half.
    const [a2] = officeSelections(rows, ranking, {
      offices,
      mainFactors: rows.map((_, i) => (i === 0 ? "office" : null)),
    });
    expect(a2!.perN[3]).toMatchObject({ officeFactorFirst: 1, dominates: false });
  });
});
