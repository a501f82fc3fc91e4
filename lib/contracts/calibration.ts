// Calibration of a contract's terms from a baseline (docs/indicators.md, "Calibration rule"): the threshold is the
// group's worse quartile and the target its better quartile, by the KPI's direction, so an officer at the group's
// median scores 50 on that indicator, one in the worse quarter 0 and one in the better quarter 100. When the two
// quartiles coincide the deciles are used; when every officer has the same value, the target is that value and the
// threshold one step worse. Values are rounded to what a form shows. Pure: the baseline comes from lib/kpis.
//   An indicator scored on observed/expected is calibrated by the same rule over the group's O/E ratios of the
// reference period ("ratio" below: rounded to 0.01, one step = 0.10, never below 0), so an officer whose O/E is the
// group's median scores 50 there too (docs/indicators.md, "Calibration rule").
import { addMonths, monthOf, monthPeriod, type Period } from "@/lib/kernel/calendar";
import type { KpiDefinition } from "@/lib/kpis/catalogue";
import { percentileCont } from "@/lib/dashboard/distribution";

export type Spread = { p10: number; p25: number; p50: number; p75: number; p90: number };

export type ProposedTerms = { threshold: number; target: number; rule: "quartiles" | "deciles" | "step" };

// A KPI's unit, or "ratio" for the O/E terms of an indicator scored on observed/expected.
type Unit = KpiDefinition["unit"] | "ratio";

// The precision a proposal is rounded to: 0.1 percentage point, 0.1 h, three significant digits of money, 0.01 of
// an O/E ratio.
export function roundForUnit(unit: Unit, v: number): number {
  switch (unit) {
    case "ratio":
      return Math.round(v * 100) / 100;
    case "share":
      return Math.round(v * 1000) / 1000;
    case "hours":
    case "perDay":
      return Math.round(v * 10) / 10;
    case "amount": {
      if (v === 0) return 0;
      const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 2);
      return Math.round(v / magnitude) * magnitude;
    }
  }
}

// One step of a KPI's unit, for a group where every value is the same.
function step(unit: Unit, v: number): number {
  switch (unit) {
    case "ratio":
      return 0.1;
    case "share":
      return 0.01;
    case "hours":
    case "perDay":
      return 1;
    case "amount":
      return Math.max(1, roundForUnit("amount", Math.abs(v) * 0.1));
  }
}

export function proposeTerms(direction: "higher" | "lower", unit: Unit, s: Spread): ProposedTerms {
  const r = (v: number) => roundForUnit(unit, v);
  const better = (a: number, b: number) => (direction === "higher" ? a > b : a < b);
  const pick = (worse: number, best: number, rule: ProposedTerms["rule"]) =>
    better(r(best), r(worse)) ? { threshold: r(worse), target: r(best), rule } : null;
  const quartiles = direction === "higher" ? pick(s.p25, s.p75, "quartiles") : pick(s.p75, s.p25, "quartiles");
  if (quartiles) return quartiles;
  const deciles = direction === "higher" ? pick(s.p10, s.p90, "deciles") : pick(s.p90, s.p10, "deciles");
  if (deciles) return deciles;
  const target = r(s.p50);
  const delta = step(unit, target);
  let threshold = direction === "higher" ? target - delta : target + delta;
  // A share cannot go below 0 or above 1, nor a ratio below 0: the step then goes to the target's side.
  if ((unit === "share" && (threshold < 0 || threshold > 1)) || (unit === "ratio" && threshold < 0)) {
    threshold = target;
    return { threshold, target: direction === "higher" ? target + delta : target - delta, rule: "step" };
  }
  return { threshold: r(threshold), target, rule: "step" };
}

// The percentiles a proposal reads, from a group's values (the O/E ratios; the KPI values come from SQL).
export function spreadOf(values: readonly number[]): (Spread & { n: number }) | null {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  if (!sorted.length) return null;
  const at = (p: number) => percentileCont(sorted, p);
  return { p10: at(0.1), p25: at(0.25), p50: at(0.5), p75: at(0.75), p90: at(0.9), n: sorted.length };
}

export const REFERENCE_MONTHS = 6;

// The reference period of a contract starting on `contractFrom`: the last six complete calendar months before the
// contract's first month, ending no later than the last complete month with data (`lastDataDay`, the latest
// registration). Null when there is no data before the contract starts.
export function referencePeriod(contractFrom: string, lastDataDay: string | null): Period | null {
  if (!lastDataDay) return null;
  const beforeStart = addMonths(monthOf(contractFrom), -1);
  const dataMonth = monthOf(lastDataDay);
  // A month with data up to its last day counts as complete; otherwise the month before it is the last complete one.
  const lastComplete = monthPeriod(dataMonth).to === lastDataDay ? dataMonth : addMonths(dataMonth, -1);
  const end = beforeStart < lastComplete ? beforeStart : lastComplete;
  const start = addMonths(end, -(REFERENCE_MONTHS - 1));
  return { from: monthPeriod(start).from, to: monthPeriod(end).to };
}
