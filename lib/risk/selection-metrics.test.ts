import { describe, expect, it } from "vitest";
import {
  evaluateRanking,
  randomOrder,
  rankByScore,
  selectionResult,
  selectionSize,
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
    expect(evaluation.perN[3]!.random).toEqual(selectionResult(outcomes, order.slice(0, 10)));
  });

  it("breaks ties by declaration id", () => {
    const tied = [
      { declId: "B", illicit: 0, revenue: 0 },
      { declId: "A", illicit: 1, revenue: 0 },
      { declId: "C", illicit: 0, revenue: 0 },
    ];
    expect(rankByScore(tied, [0.5, 0.5, 0.9])).toEqual([2, 1, 0]);
  });

  it("sizes a selection as round(N · n / 100), at least one row", () => {
    expect(selectionSize(8134, 1)).toBe(81);
    expect(selectionSize(8134, 5)).toBe(407);
    expect(selectionSize(20, 2)).toBe(1);
    expect(selectionSize(3, 10)).toBe(1);
  });

  it("has no revenue share when nothing had revenue", () => {
    expect(selectionResult([{ declId: "A", illicit: 1, revenue: 0 }], [0]).revenue).toBeNull();
  });
});
