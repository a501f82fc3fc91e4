// Pure readings of a stored TRS table (rows of lib/trs/compute-trs.ts) for the screens and the report: where the
// time goes per stage, the bottlenecks, the scope figures and the comparison of two periods. No database here.
import type { TrsInterval, TrsRow } from "@/lib/trs/trs-intervals";

// The successive stages of a release, in order (the WCO TRS sub-intervals); reg_release and arrival_release are
// their totals.
export const TRS_STAGES = [
  "arrival_reg",
  "reg_asmt",
  "asmt_pay",
  "pay_release",
] as const satisfies readonly TrsInterval[];
export type TrsStage = (typeof TRS_STAGES)[number];

const LANE_RANK: Record<string, number> = { G: 0, B: 1, Y: 2, R: 3 };

export type Measure = "medianH" | "meanH";

export type StageBar = { officeCode: string; lane: string; stages: Record<TrsStage, number | null>; count: number };

// One bar per office × lane with each stage's median (or mean) hours; count = declarations counted (reg_asmt's
// complete and censored ones: every declaration has a registration).
export function stageBars(rows: TrsRow[], measure: Measure): StageBar[] {
  const bars = new Map<string, StageBar>();
  for (const r of rows) {
    const key = `${r.officeCode}|${r.lane}`;
    const bar = bars.get(key) ?? {
      officeCode: r.officeCode,
      lane: r.lane,
      stages: { arrival_reg: null, reg_asmt: null, asmt_pay: null, pay_release: null },
      count: 0,
    };
    bars.set(key, bar);
    if ((TRS_STAGES as readonly string[]).includes(r.interval)) bar.stages[r.interval as TrsStage] = r[measure];
    if (r.interval === "reg_asmt") bar.count = r.count + r.censored;
  }
  return [...bars.values()].sort(
    (a, b) => a.officeCode.localeCompare(b.officeCode) || (LANE_RANK[a.lane] ?? 9) - (LANE_RANK[b.lane] ?? 9),
  );
}

export type StageShare = { stage: TrsStage; hours: number; share: number };

// The stage with the largest share of the stages' total (negative or missing stages count as 0), among all stages
// or only those from registration on (the customs part, without the trader's arrival → registration).
export function largestStage(
  stages: Record<TrsStage, number | null>,
  from: TrsStage = "arrival_reg",
): StageShare | null {
  const considered = TRS_STAGES.slice(TRS_STAGES.indexOf(from));
  const hours = considered.map((s) => Math.max(0, stages[s] ?? 0));
  const total = hours.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const i = hours.indexOf(Math.max(...hours));
  return { stage: considered[i]!, hours: hours[i]!, share: hours[i]! / total };
}

export type LaneBottleneck = StageShare & {
  lane: string;
  count: number;
  stages: Record<TrsStage, number | null>;
  customs: StageShare | null;
};

export type Bottlenecks = {
  // Per lane, over its offices: each stage's median weighted by the office's number of complete intervals of that
  // stage (medians of offices cannot be pooled exactly; the weighting keeps a small office from dominating).
  perLane: LaneBottleneck[];
  perGroup: (StageShare & { officeCode: string; lane: string; customs: StageShare | null })[];
  // The office × lane with the longest median registration → release (the customs part of the release time).
  slowest: { officeCode: string; lane: string; medianH: number; p90H: number | null; count: number } | null;
};

export function bottlenecks(rows: TrsRow[]): Bottlenecks {
  const lanes = [...new Set(rows.map((r) => r.lane))].sort((a, b) => (LANE_RANK[a] ?? 9) - (LANE_RANK[b] ?? 9));
  const perLane: LaneBottleneck[] = [];
  for (const lane of lanes) {
    const stages = Object.fromEntries(
      TRS_STAGES.map((stage) => {
        const of = rows.filter((r) => r.lane === lane && r.interval === stage && r.medianH !== null && r.count > 0);
        const n = of.reduce((a, r) => a + r.count, 0);
        return [stage, n ? of.reduce((a, r) => a + r.medianH! * r.count, 0) / n : null];
      }),
    ) as Record<TrsStage, number | null>;
    const largest = largestStage(stages);
    const count = rows
      .filter((r) => r.lane === lane && r.interval === "reg_asmt")
      .reduce((a, r) => a + r.count + r.censored, 0);
    if (largest) perLane.push({ lane, count, stages, ...largest, customs: largestStage(stages, "reg_asmt") });
  }
  const perGroup = stageBars(rows, "medianH").flatMap((bar) => {
    const largest = largestStage(bar.stages);
    return largest
      ? [{ officeCode: bar.officeCode, lane: bar.lane, ...largest, customs: largestStage(bar.stages, "reg_asmt") }]
      : [];
  });
  const releases = rows.filter((r) => r.interval === "reg_release" && r.medianH !== null && r.count > 0);
  const top = releases.reduce<TrsRow | null>((best, r) => (!best || r.medianH! > best.medianH! ? r : best), null);
  return {
    perLane,
    perGroup,
    slowest: top
      ? { officeCode: top.officeCode, lane: top.lane, medianH: top.medianH!, p90H: top.p90H, count: top.count }
      : null,
  };
}

export type ScopeFigures = { offices: string[]; declarations: number; released: number; notReleased: number };

// What a TRS table covers: every declaration of the period has a registration, so it is in reg_asmt (complete or
// censored); notReleased = reg_release's censored (no release by as_of).
export function scopeFigures(rows: TrsRow[]): ScopeFigures {
  const reg = rows.filter((r) => r.interval === "reg_asmt");
  const release = rows.filter((r) => r.interval === "reg_release");
  return {
    offices: [...new Set(rows.map((r) => r.officeCode))].sort(),
    declarations: reg.reduce((a, r) => a + r.count + r.censored, 0),
    released: release.reduce((a, r) => a + r.count, 0),
    notReleased: release.reduce((a, r) => a + r.censored, 0),
  };
}

export type ComparisonRow = {
  officeCode: string;
  lane: string;
  interval: TrsInterval;
  before: TrsRow | null;
  after: TrsRow | null;
  medianDelta: number | null;
  medianChange: number | null;
  meanDelta: number | null;
  p90Delta: number | null;
};

const difference = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null ? null : b - a;

// Before → after per office × lane × interval present in either period; change = relative change of the median.
export function compareTrs(before: TrsRow[], after: TrsRow[], intervalOrder: readonly string[]): ComparisonRow[] {
  const key = (r: TrsRow) => `${r.officeCode}|${r.lane}|${r.interval}`;
  const b = new Map(before.map((r) => [key(r), r]));
  const a = new Map(after.map((r) => [key(r), r]));
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  return keys
    .map((k) => {
      const x = b.get(k) ?? null;
      const y = a.get(k) ?? null;
      const any = (x ?? y)!;
      const medianDelta = difference(x?.medianH, y?.medianH);
      return {
        officeCode: any.officeCode,
        lane: any.lane,
        interval: any.interval,
        before: x,
        after: y,
        medianDelta,
        medianChange: medianDelta !== null && x?.medianH ? medianDelta / x.medianH : null,
        meanDelta: difference(x?.meanH, y?.meanH),
        p90Delta: difference(x?.p90H, y?.p90H),
      };
    })
    .sort(
      (p, q) =>
        p.officeCode.localeCompare(q.officeCode) ||
        (LANE_RANK[p.lane] ?? 9) - (LANE_RANK[q.lane] ?? 9) ||
        intervalOrder.indexOf(p.interval) - intervalOrder.indexOf(q.interval),
    );
}
