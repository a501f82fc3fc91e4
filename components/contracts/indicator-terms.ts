// The indicator rows of the contract and template forms as typed (strings, rates in %, O/E ratios as they are),
// and the terms they stand for (stored units). An indicator can be scored on observed/expected only where O/E is
// offered: a standardised rate (lib/kpis/standardised-kpis.ts) on a contract whose party is one officer.
import { isStandardised } from "@/lib/kpis/standardised-kpis";
import type { ScoringBasis } from "@/lib/contracts/scoring";
import { parseTypedNumber, typedNumber } from "@/lib/contracts/typed-number";
import { fromDisplay, toDisplay } from "@/components/format/kpi-format";

export type IndicatorRowState = {
  key: number;
  kpiId: string;
  basis: ScoringBasis;
  threshold: string;
  target: string;
  weight: string;
  minVolume: string;
};

export type IndicatorTermsValue = {
  kpiId: string;
  basis?: ScoringBasis;
  threshold: number;
  target: number;
  weight: number;
  minVolume?: number;
};

export const oeOffered = (kpiId: string, officerParty: boolean) => officerParty && isStandardised(kpiId);

// A row left on O/E after its KPI or party changed to one without O/E goes back to the raw value: what is sent,
// proposed and previewed is what the form offers.
export const effectiveBasis = (row: Pick<IndicatorRowState, "kpiId" | "basis">, officerParty: boolean): ScoringBasis =>
  row.basis === "OE" && oeOffered(row.kpiId, officerParty) ? "OE" : "RAW";

export function rowsFromTerms(indicators: readonly IndicatorTermsValue[]): IndicatorRowState[] {
  return indicators.map((i, index) => {
    const basis = i.basis ?? "RAW";
    return {
      key: index + 1,
      kpiId: i.kpiId,
      basis,
      threshold: typedNumber(toDisplay(i.kpiId, i.threshold, basis)),
      target: typedNumber(toDisplay(i.kpiId, i.target, basis)),
      weight: typedNumber(i.weight),
      minVolume: typedNumber(i.minVolume ?? 30),
    };
  });
}

export function termsFromRows(rows: readonly IndicatorRowState[], officerParty: boolean) {
  return rows.map((r) => {
    const basis = effectiveBasis(r, officerParty);
    return {
      kpiId: r.kpiId,
      basis,
      threshold: fromDisplay(r.kpiId, parseTypedNumber(r.threshold), basis),
      target: fromDisplay(r.kpiId, parseTypedNumber(r.target), basis),
      weight: parseTypedNumber(r.weight),
      minVolume: parseTypedNumber(r.minVolume),
    };
  });
}
