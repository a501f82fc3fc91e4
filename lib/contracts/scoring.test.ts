import { describe, expect, it } from "vitest";
import { indicatorStatus, scoreContract, scoreIndicator, type IndicatorTerms } from "@/lib/contracts/scoring";

const higher: IndicatorTerms = {
  kpiId: "P1",
  direction: "higher",
  threshold: 0.5,
  target: 0.8,
  weight: 60,
  minVolume: 30,
};
const lower: IndicatorTerms = { kpiId: "P4", direction: "lower", threshold: 48, target: 24, weight: 40, minVolume: 30 };

describe("contract scoring", () => {
  it("scores a higher-is-better indicator linearly between threshold and target", () => {
    // (0.65 − 0.5) / (0.8 − 0.5) = 0.5
    expect(scoreIndicator(higher, { value: 0.65, n: 100 }).score).toBeCloseTo(0.5, 12);
    expect(scoreIndicator(higher, { value: 0.4, n: 100 }).score).toBe(0);
    expect(scoreIndicator(higher, { value: 0.95, n: 100 }).score).toBe(1);
  });

  it("scores a lower-is-better indicator with the same formula", () => {
    // (30 − 48) / (24 − 48) = 0.75
    expect(scoreIndicator(lower, { value: 30, n: 50 }).score).toBeCloseTo(0.75, 12);
    expect(scoreIndicator(lower, { value: 60, n: 50 }).score).toBe(0);
    expect(scoreIndicator(lower, { value: 10, n: 50 }).score).toBe(1);
  });

  it("names the status of each indicator, the threshold and target themselves included", () => {
    expect(indicatorStatus(higher, { value: 0.49, n: 30 })).toBe("below_threshold");
    expect(indicatorStatus(higher, { value: 0.5, n: 30 })).toBe("between");
    expect(indicatorStatus(higher, { value: 0.8, n: 30 })).toBe("target_met");
    expect(indicatorStatus(lower, { value: 48.1, n: 30 })).toBe("below_threshold");
    expect(indicatorStatus(lower, { value: 24, n: 30 })).toBe("target_met");
    expect(indicatorStatus(lower, { value: 30, n: 29 })).toBe("not_evaluable");
    expect(indicatorStatus(lower, { value: null, n: 0 })).toBe("not_evaluable");
  });

  it("takes the weighted sum of scores", () => {
    // 0.6 × 0.5 + 0.4 × 0.75 = 0.6 → 60 on 100
    const card = scoreContract([
      { terms: higher, measurement: { value: 0.65, n: 100 } },
      { terms: lower, measurement: { value: 30, n: 50 } },
    ]);
    expect(card.overall).toBeCloseTo(60, 10);
  });

  it("leaves out indicators below their minimum volume and renormalises the other weights", () => {
    const third: IndicatorTerms = {
      kpiId: "I1",
      direction: "lower",
      threshold: 0.1,
      target: 0.02,
      weight: 20,
      minVolume: 30,
    };
    const card = scoreContract([
      { terms: { ...higher, weight: 40 }, measurement: { value: 0.65, n: 100 } },
      { terms: lower, measurement: { value: 30, n: 50 } },
      { terms: third, measurement: { value: 0.5, n: 12 } },
    ]);
    // Evaluable weights 40 + 40 = 80 → 50 % each: 0.5 × 0.5 + 0.5 × 0.75 = 0.625
    expect(card.overall).toBeCloseTo(62.5, 10);
    expect(card.indicators.map((i) => i.effectiveWeight)).toEqual([50, 50, 0]);
    expect(card.indicators[2]!.score).toBeNull();
  });

  it("has no overall score when nothing is evaluable", () => {
    expect(scoreContract([{ terms: higher, measurement: { value: 0.9, n: 3 } }]).overall).toBeNull();
  });
});
