import { describe, expect, it } from "vitest";
import { previewScores, scoreBins } from "@/lib/contracts/score-preview";

const TERMS = [
  { kpiId: "P1", direction: "higher" as const, threshold: 0.45, target: 0.675, weight: 60, minVolume: 30 },
  { kpiId: "I7", direction: "lower" as const, threshold: 0.225, target: 0.075, weight: 40, minVolume: 30 },
];
const cell = (value: number, n: number) => ({ value, numerator: value * n, denominator: n });

describe("score preview", () => {
  it("scores every officer with the proposed terms and gives the spread of their scores", () => {
    // X1: P1 0.9 ≥ target → 1; I7 0.1 → (0.1 − 0.225)/(0.075 − 0.225) = 5/6 → 60 + 40·5/6 = 93.33
    // X2: P1 0.6 → 0.15/0.225 = 2/3 → 40; I7 0.2 → 1/6 → 6.67; 46.67
    // X3: P1 0.5 → 0.05/0.225 = 2/9 → 13.33; I7 0.3 worse than the threshold → 0; 13.33
    // X4: 20 declarations, below the minimum volume of 30 on both: no score.
    const preview = previewScores(TERMS, [
      { id: "X1", label: "X1", values: { P1: cell(0.9, 40), I7: cell(0.1, 40) } },
      { id: "X2", label: "X2", values: { P1: cell(0.6, 40), I7: cell(0.2, 40) } },
      { id: "X3", label: "X3", values: { P1: cell(0.5, 40), I7: cell(0.3, 40) } },
      { id: "X4", label: "X4", values: { P1: cell(0.3, 20), I7: cell(0, 20) } },
    ]);
    const overall = preview.scores.map((s) => s.overall);
    [280 / 3, 140 / 3, 40 / 3].forEach((v, i) => expect(overall[i]).toBeCloseTo(v, 9));
    expect(overall[3]).toBeNull();
    expect(preview.scores[3]!.notEvaluable).toEqual(["P1", "I7"]);
    expect(preview.notEvaluable).toEqual({ P1: 1, I7: 1 });
    // Quartiles of 13.33, 46.67, 93.33: q1 = 13.33 + ½·33.33 = 30, q3 = 46.67 + ½·46.67 = 70.
    expect(preview.distribution!.median).toBeCloseTo(140 / 3, 9);
    expect(preview.distribution!.q1).toBeCloseTo(30, 9);
    expect(preview.distribution!.q3).toBeCloseTo(70, 9);
    expect(preview.histogram.map((b) => b.count)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it("bins 100 in the last bin and an empty list in no bin", () => {
    expect(scoreBins([0, 9.99, 10, 100]).map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(previewScores(TERMS, []).distribution).toBeNull();
  });
});
