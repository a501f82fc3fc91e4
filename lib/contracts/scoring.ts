// Contract scoring (issue "Performance measurement contracts"): per indicator s = clamp((x − T)/(G − T), 0, 1)
// with T the threshold and G the target, which reads the same for higher- and lower-is-better indicators; an
// indicator below its minimum volume is not evaluable and the other weights are renormalised; overall = Σ wᵢsᵢ.
// Pure functions: the evaluation snapshot stores their output.
//   An indicator scored on observed/expected ("OE", docs/indicators.md "Fair comparison") goes through the same
// formula with x = O/E and T, G expressed as O/E ratios: the KPI's direction still says which side is better.
export type Direction = "higher" | "lower";

// RAW: the KPI's own value; OE: the officer's observed/expected for his case mix.
export type ScoringBasis = "RAW" | "OE";
export const SCORING_BASES = ["RAW", "OE"] as const satisfies readonly ScoringBasis[];

export type IndicatorTerms = {
  kpiId: string;
  direction: Direction;
  // Absent in snapshots frozen before the choice existed, all of which scored the raw value.
  basis?: ScoringBasis;
  threshold: number;
  target: number;
  weight: number;
  minVolume: number;
};

// For an O/E indicator, value is O/E and n the officer's declarations in the KPI's population, with the counts it
// came from so that a page can say what the ratio means.
export type Measurement = {
  value: number | null;
  n: number;
  oe?: { observed: number; expected: number; lower: number | null; upper: number | null };
};

export const basisOf = (terms: { basis?: ScoringBasis | null }): ScoringBasis => terms.basis ?? "RAW";

export type IndicatorStatus = "not_evaluable" | "below_threshold" | "between" | "target_met";

export type IndicatorScore = IndicatorTerms &
  Measurement & {
    status: IndicatorStatus;
    // 0..1, null when not evaluable.
    score: number | null;
    // The weight after renormalisation over the evaluable indicators (percent), 0 when not evaluable.
    effectiveWeight: number;
  };

export type Scorecard = { indicators: IndicatorScore[]; overall: number | null };

const clamp = (v: number) => Math.min(1, Math.max(0, v));

export function indicatorStatus(terms: IndicatorTerms, m: Measurement): IndicatorStatus {
  if (m.value === null || !Number.isFinite(m.value) || m.n < terms.minVolume) return "not_evaluable";
  const better = (a: number, b: number) => (terms.direction === "higher" ? a > b : a < b);
  if (better(terms.threshold, m.value)) return "below_threshold";
  if (!better(terms.target, m.value)) return "target_met";
  return "between";
}

export function scoreIndicator(terms: IndicatorTerms, m: Measurement): Omit<IndicatorScore, "effectiveWeight"> {
  const status = indicatorStatus(terms, m);
  const score =
    status === "not_evaluable" ? null : clamp((m.value! - terms.threshold) / (terms.target - terms.threshold));
  return { ...terms, ...m, status, score };
}

// Overall score on 0..100: the weighted mean of the evaluable indicators' scores.
export function scoreContract(items: { terms: IndicatorTerms; measurement: Measurement }[]): Scorecard {
  const scored = items.map(({ terms, measurement }) => scoreIndicator(terms, measurement));
  const evaluableWeight = scored.reduce((sum, s) => (s.score === null ? sum : sum + s.weight), 0);
  const indicators = scored.map((s) => ({
    ...s,
    effectiveWeight: s.score === null || evaluableWeight === 0 ? 0 : (s.weight / evaluableWeight) * 100,
  }));
  const overall =
    evaluableWeight === 0 ? null : indicators.reduce((sum, s) => sum + (s.score ?? 0) * s.effectiveWeight, 0);
  return { indicators, overall };
}
