// Scoring an indicator on observed/expected (build-scorecard.ts, scoring.ts), every number worked out by hand.
import { describe, expect, it } from "vitest";
import { buildScorecard, type OeValue } from "@/lib/contracts/build-scorecard";
import { previewScores } from "@/lib/contracts/score-preview";

const oe = (observed: number, expected: number, n: number): OeValue => ({
  observed,
  expected,
  n,
  ratio: expected > 0 ? observed / expected : null,
  lower: null,
  upper: null,
});
const cell = (value: number, n: number) => ({ value, numerator: value * n, denominator: n });

// I1 lane downgrades (lower is better) scored on O/E: threshold 1.10, target 0.80; P1 same-day (higher) raw.
const TERMS = [
  {
    kpiId: "I1",
    direction: "lower" as const,
    basis: "OE" as const,
    threshold: 1.1,
    target: 0.8,
    weight: 40,
    minVolume: 30,
  },
  { kpiId: "P1", direction: "higher" as const, threshold: 0.4, target: 0.7, weight: 60, minVolume: 30 },
];

describe("an indicator scored on observed/expected", () => {
  it("scores O/E against O/E terms in the KPI's direction, beside a raw indicator", () => {
    // I1: raw rate 0.19 (19 of 100) would be far worse than any rate target, but the office's rates predict 20
    // downgrades for this officer's mix: O/E = 19 / 20 = 0.95 → (0.95 − 1.10) / (0.80 − 1.10) = 0.5.
    // P1 raw 0.55 → (0.55 − 0.4) / (0.7 − 0.4) = 0.5. Overall = 40·0.5 + 60·0.5 = 50.
    const card = buildScorecard(
      TERMS,
      new Map([
        ["I1", cell(0.19, 100)],
        ["P1", cell(0.55, 100)],
      ]),
      new Map([["I1", oe(19, 20, 100)]]),
    );
    const [i1, p1] = card.indicators;
    expect(i1!.basis).toBe("OE");
    expect(i1!.value).toBeCloseTo(0.95, 12);
    expect(i1!.n).toBe(100);
    expect(i1!.oe).toEqual({ observed: 19, expected: 20, lower: null, upper: null });
    expect(i1!.score).toBeCloseTo(0.5, 12);
    expect(i1!.status).toBe("between");
    // A raw indicator keeps the shape it always had: no basis, no O/E.
    expect(p1).not.toHaveProperty("basis");
    expect(p1).not.toHaveProperty("oe");
    expect(p1!.score).toBeCloseTo(0.5, 12);
    expect(card.overall).toBeCloseTo(50, 10);
  });

  it("reads lower O/E as better for a lower-is-better rate, and clamps at threshold and target", () => {
    const score = (o: number, e: number) =>
      buildScorecard([TERMS[0]!], new Map(), new Map([["I1", oe(o, e, 50)]])).indicators[0]!;
    // O/E 0.6 ≤ target 0.80 → 1, target met; O/E 1.5 > threshold 1.10 → 0, below threshold.
    expect([score(12, 20).score, score(12, 20).status]).toEqual([1, "target_met"]);
    expect([score(30, 20).score, score(30, 20).status]).toEqual([0, "below_threshold"]);
  });

  it("is not evaluable without an expected value, without an O/E row, or below the minimum volume", () => {
    const status = (value?: OeValue) =>
      buildScorecard([TERMS[0]!], new Map([["I1", cell(0.1, 100)]]), new Map(value ? [["I1", value]] : []))
        .indicators[0]!;
    // E = 0 (every stratum of the office at 0 %): no ratio, whatever the raw value.
    expect(status(oe(0, 0, 100)).status).toBe("not_evaluable");
    // No declarations of the officer in the KPI's population: no row.
    expect(status().status).toBe("not_evaluable");
    expect(status().n).toBe(0);
    // 29 declarations under a minimum volume of 30.
    expect(status(oe(3, 4, 29)).status).toBe("not_evaluable");
    // Its weight goes to the others: with P1 evaluable alone, overall = P1's score.
    const card = buildScorecard(TERMS, new Map([["P1", cell(0.7, 100)]]), new Map());
    expect(card.overall).toBe(100);
    expect(card.indicators[0]!.effectiveWeight).toBe(0);
  });

  it("previews the same score from a subject's O/E", () => {
    const preview = previewScores(TERMS, [
      { id: "A", label: "A", values: { P1: cell(0.55, 100) }, oe: { I1: oe(19, 20, 100) } },
      // Without O/E values (a form that did not load them), the O/E indicator is not evaluable.
      { id: "B", label: "B", values: { P1: cell(0.55, 100) } },
    ]);
    expect(preview.scores[0]!.overall).toBeCloseTo(50, 10);
    expect(preview.scores[1]!.overall).toBeCloseTo(50, 10);
    expect(preview.scores[1]!.notEvaluable).toEqual(["I1"]);
    expect(preview.notEvaluable).toEqual({ I1: 1, P1: 0 });
  });
});
