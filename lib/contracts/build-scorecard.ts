// Scores a contract's indicators against measured KPI values (scoring.ts): n is the KPI's denominator, the size of
// the set its value is taken over; a KPI without a value or below the minimum volume is not evaluable. An indicator
// scored on observed/expected takes the officer's O/E instead (lib/kpis/standardise-rates.ts), with n his
// declarations in the KPI's population; without an expected value (E = 0, no declarations) it is not evaluable.
import {
  basisOf,
  scoreContract,
  type Direction,
  type IndicatorTerms,
  type Measurement,
  type Scorecard,
  type ScoringBasis,
} from "@/lib/contracts/scoring";
import type { ObservedExpected } from "@/lib/kpis/observed-expected";

export type KpiValue = { value: number | null; numerator: number | null; denominator: number | null };

// What an O/E indicator is measured from; `ratio` is O/E (null when E is 0).
export type OeValue = Pick<ObservedExpected, "observed" | "expected" | "n" | "ratio" | "lower" | "upper">;

export type TermsRow = {
  kpiId: string;
  direction: Direction;
  basis?: ScoringBasis;
  threshold: number;
  target: number;
  weight: number;
  minVolume: number;
};

export function measurementOf(
  row: Pick<TermsRow, "kpiId" | "basis">,
  values: ReadonlyMap<string, KpiValue>,
  oe: ReadonlyMap<string, OeValue>,
): Measurement {
  if (basisOf(row) === "OE") {
    const o = oe.get(row.kpiId);
    if (!o) return { value: null, n: 0 };
    return {
      value: o.ratio,
      n: o.n,
      oe: { observed: o.observed, expected: o.expected, lower: o.lower, upper: o.upper },
    };
  }
  const cell = values.get(row.kpiId);
  return { value: cell?.value ?? null, n: cell?.denominator ?? 0 };
}

export function buildScorecard(
  indicators: TermsRow[],
  values: ReadonlyMap<string, KpiValue>,
  oe: ReadonlyMap<string, OeValue> = new Map(),
): Scorecard {
  return scoreContract(
    indicators.map((row) => {
      const terms: IndicatorTerms = {
        kpiId: row.kpiId,
        direction: row.direction,
        // Raw indicators keep the shape they always had.
        ...(basisOf(row) === "OE" ? { basis: "OE" as const } : {}),
        threshold: row.threshold,
        target: row.target,
        weight: row.weight,
        minVolume: row.minVolume,
      };
      return { terms, measurement: measurementOf(row, values, oe) };
    }),
  );
}
