// Scores a contract's indicators against measured KPI values (scoring.ts): n is the KPI's denominator, the size of
// the set its value is taken over; a KPI without a value or below the minimum volume is not evaluable.
import { scoreContract, type Direction, type IndicatorTerms, type Scorecard } from "@/lib/contracts/scoring";

export type KpiValue = { value: number | null; numerator: number | null; denominator: number | null };

export type TermsRow = {
  kpiId: string;
  direction: Direction;
  threshold: number;
  target: number;
  weight: number;
  minVolume: number;
};

export function buildScorecard(indicators: TermsRow[], values: ReadonlyMap<string, KpiValue>): Scorecard {
  return scoreContract(
    indicators.map((row) => {
      const terms: IndicatorTerms = {
        kpiId: row.kpiId,
        direction: row.direction,
        threshold: row.threshold,
        target: row.target,
        weight: row.weight,
        minVolume: row.minVolume,
      };
      const cell = values.get(row.kpiId);
      return { terms, measurement: { value: cell?.value ?? null, n: cell?.denominator ?? 0 } };
    }),
  );
}
