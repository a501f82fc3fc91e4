// Contract templates drawn from the documented PMCs: Cameroon 2010 balanced four
// trade-facilitation indicators against four integrity indicators; Madagascar 2016 contracted Toamasina's verifying
// inspectors on seven indicators led by the yellow-lane 24 h rate (53 % → 85 %) and the inspection hit rate.
// Thresholds and targets were not published: the values below are starting points a manager adjusts.
import type { KpiId } from "@/lib/kpis/catalogue";
import type { ScoringBasis } from "@/lib/contracts/scoring";

// basis: what the indicator is scored on, the raw value when absent (as in both templates below: the published
// contracts scored raw rates); a template may name "OE" for a standardised rate, its terms then O/E ratios.
export type TemplateIndicator = {
  kpiId: KpiId;
  basis?: ScoringBasis;
  threshold: number;
  target: number;
  weight: number;
  minVolume?: number;
};

export type ContractTemplate = { key: string; months: number; indicators: TemplateIndicator[] };

export const CONTRACT_TEMPLATES: readonly ContractTemplate[] = [
  {
    key: "cameroon-2010",
    months: 6,
    indicators: [
      { kpiId: "P1", threshold: 0.4, target: 0.7, weight: 15 },
      { kpiId: "P2", threshold: 0.15, target: 0.05, weight: 10 },
      { kpiId: "P3", threshold: 0.05, target: 0.01, weight: 10 },
      { kpiId: "P8", threshold: 150_000, target: 250_000, weight: 15 },
      { kpiId: "I1", threshold: 0.1, target: 0.03, weight: 15 },
      { kpiId: "I2", threshold: 0.05, target: 0.01, weight: 15 },
      { kpiId: "I4", threshold: 0.1, target: 0.03, weight: 10 },
      { kpiId: "I7", threshold: 0.1, target: 0.03, weight: 10 },
    ],
  },
  {
    key: "madagascar-2016",
    months: 6,
    indicators: [
      { kpiId: "P5", threshold: 0.53, target: 0.85, weight: 25 },
      { kpiId: "P11", threshold: 0.1, target: 0.5, weight: 20 },
      { kpiId: "P4", threshold: 48, target: 24, weight: 15 },
      { kpiId: "P12", threshold: 20_000, target: 60_000, weight: 10 },
      { kpiId: "P10", threshold: 0, target: 1_000_000, weight: 10 },
      { kpiId: "I1", threshold: 0.1, target: 0.03, weight: 10 },
      { kpiId: "I9", threshold: 0.1, target: 0.02, weight: 10 },
    ],
  },
];

export function contractTemplate(key: string): ContractTemplate | undefined {
  return CONTRACT_TEMPLATES.find((t) => t.key === key);
}
