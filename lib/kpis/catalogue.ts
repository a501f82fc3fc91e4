// The KPI catalogue of docs/indicators.md: one definition per indicator, as SQL aggregates over the set the
// spec names. compute-kpis.ts assembles them into one set-based query per set, so the whole catalogue reads each
// table once. Every number the portal shows for a KPI comes from here.
export type KpiId =
  | "P1"
  | "P2"
  | "P3"
  | "P4"
  | "P4_90"
  | "P5"
  | "P6"
  | "P7"
  | "P8"
  | "P10"
  | "P11"
  | "P12"
  | "P13"
  | "I1"
  | "I2"
  | "I4"
  | "I5"
  | "I7"
  | "I8"
  | "I9"
  | "I10"
  | "I12";

// B: declarations registered in the period (I12: cancelled ones too); E: inspections examined in the period;
// assessed: declarations assessed in the period (P13); events: officer events in the period (I8); items: items of
// B with a unit-value reference (I10).
export type KpiSet = "B" | "E" | "assessed" | "events" | "items";

export type KpiKind = "ratio" | "percentile" | "sum";

// One definition per KPI, as predicates and expressions over the rows of its set (columns listed in
// compute-kpis.ts), so that the same text yields the aggregate (compute-kpis.ts) and the rows behind it
// (drill-down): `population` is the rows counted in n; a ratio's numerator counts the population rows that also
// match `numerator.count`, or sums `numerator.sum` over the population; a percentile or a sum takes `measure` over
// the population.
export type KpiDefinition = {
  id: KpiId;
  name: string;
  direction: "higher" | "lower" | "context";
  unit: "share" | "hours" | "amount" | "perDay";
  kind: KpiKind;
  set: KpiSet;
  population: string;
  numerator?: { count: string } | { sum: string };
  // P13 divides by the number of distinct assessment days, not by the population.
  denominatorDistinct?: string;
  measure?: string;
  fraction?: number;
};

// Columns of B rows prepared by compute-kpis.ts: every declarations column, plus
//   live           status <> 'cancelled' (B proper; I12 is the only KPI that counts cancelled declarations)
//   asmt_h         hours from registration to assessment
//   as_of          the period's to + 1 day at 00:00
//   inspected      the declaration has an inspection row at any date (only computed for red-lane ones)
//   amended_after  an amend event after asmt_ts
const hours = (from: string, to: string) => `extract(epoch FROM ${to} - ${from})::float8 / 3600`;

export const KPI_CATALOGUE: readonly KpiDefinition[] = [
  {
    id: "P1",
    name: "Same-day assessment rate",
    direction: "higher",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live",
    numerator: { count: "asmt_ts IS NOT NULL AND asmt_ts::date = reg_ts::date" },
  },
  {
    id: "P2",
    name: "Late assessment rate (≥ 5 days)",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live",
    numerator: { count: "coalesce(asmt_ts, as_of) - reg_ts >= interval '120 hours'" },
  },
  {
    id: "P3",
    name: "Backlog over 30 days",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live",
    numerator: { count: "asmt_ts IS NULL AND as_of - reg_ts > interval '720 hours'" },
  },
  {
    id: "P4",
    name: "Median assessment time",
    direction: "lower",
    unit: "hours",
    kind: "percentile",
    set: "B",
    population: "live AND asmt_ts IS NOT NULL",
    measure: "asmt_h",
    fraction: 0.5,
  },
  {
    id: "P4_90",
    name: "90th percentile assessment time",
    direction: "lower",
    unit: "hours",
    kind: "percentile",
    set: "B",
    population: "live AND asmt_ts IS NOT NULL",
    measure: "asmt_h",
    fraction: 0.9,
  },
  {
    id: "P5",
    name: "Yellow-lane 24 h rate",
    direction: "higher",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live AND lane_initial = 'Y'",
    numerator: { count: "asmt_ts IS NOT NULL AND asmt_ts - reg_ts <= interval '24 hours'" },
  },
  {
    id: "P6",
    name: "Median customs release time",
    direction: "lower",
    unit: "hours",
    kind: "percentile",
    set: "B",
    population: "live AND release_ts IS NOT NULL",
    measure: hours("reg_ts", "release_ts"),
    fraction: 0.5,
  },
  {
    id: "P7",
    name: "Median total release time",
    direction: "lower",
    unit: "hours",
    kind: "percentile",
    set: "B",
    population: "live AND release_ts IS NOT NULL AND arrival_ts IS NOT NULL",
    measure: hours("arrival_ts", "release_ts"),
    fraction: 0.5,
  },
  {
    id: "P8",
    name: "Revenue per declaration",
    direction: "higher",
    unit: "amount",
    kind: "ratio",
    set: "B",
    population: "live",
    numerator: { sum: "coalesce(taxes_final, 0)" },
  },
  {
    id: "P10",
    name: "Additional revenue from controls",
    direction: "higher",
    unit: "amount",
    kind: "sum",
    set: "B",
    population: "live AND taxes_final IS NOT NULL AND taxes_initial IS NOT NULL",
    measure: "taxes_final - taxes_initial",
  },
  {
    id: "P11",
    name: "Inspection hit rate",
    direction: "higher",
    unit: "share",
    kind: "ratio",
    set: "E",
    population: "true",
    numerator: { count: "result = 'offence'" },
  },
  {
    id: "P12",
    name: "Yield per inspection",
    direction: "higher",
    unit: "amount",
    kind: "ratio",
    set: "E",
    population: "true",
    numerator: { sum: "coalesce(adjustment_amount, 0)" },
  },
  {
    id: "P13",
    name: "Throughput",
    direction: "context",
    unit: "perDay",
    kind: "ratio",
    set: "assessed",
    population: "true",
    numerator: { count: "true" },
    denominatorDistinct: "asmt_ts::date",
  },
  {
    id: "I1",
    name: "Lane downgrade rate",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live AND lane_initial IN ('Y', 'R')",
    // Lane is an enum declared G, B, Y, R: PostgreSQL compares enum values by that rank.
    numerator: { count: "lane_final < lane_initial" },
  },
  {
    id: "I2",
    name: "Red released without inspection",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live AND lane_initial = 'R'",
    numerator: { count: "lane_final IN ('G', 'B') AND NOT inspected" },
  },
  {
    id: "I4",
    name: "Value reduction rate",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live",
    numerator: { count: "value_final < value_initial" },
  },
  {
    id: "I5",
    name: "Tax reduction amount",
    direction: "lower",
    unit: "amount",
    kind: "sum",
    set: "B",
    population: "live",
    measure: "greatest(coalesce(taxes_initial - taxes_final, 0), 0)",
  },
  {
    id: "I7",
    name: "Manual assignment share",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live",
    numerator: { count: "assignment_mode = 'manual'" },
  },
  {
    id: "I8",
    name: "Off-hours activity share",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "events",
    population: "true",
    numerator: { count: "off_hours" },
  },
  {
    id: "I9",
    name: "Too-fast red-lane assessment",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "live AND lane_final = 'R'",
    numerator: { count: "asmt_ts IS NOT NULL AND asmt_ts - reg_ts < make_interval(secs => :i9_hours * 3600)" },
  },
  {
    id: "I10",
    name: "Unit value below reference",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "items",
    population: "true",
    numerator: { count: "cif_value / net_kg < ref_p10" },
  },
  {
    id: "I12",
    name: "Amendment or cancellation rate",
    direction: "lower",
    unit: "share",
    kind: "ratio",
    set: "B",
    population: "true",
    numerator: { count: "status = 'cancelled' OR amended_after" },
  },
];

// The SQL aggregates of a KPI over its set's rows: `top` is the ratio's numerator, or the percentile or sum itself;
// `n` is the denominator (the size of the set the value is taken over).
export function kpiAggregates(k: KpiDefinition): { top: string; n: string } {
  const where = `FILTER (WHERE ${k.population})`;
  const n = k.denominatorDistinct ? `count(DISTINCT ${k.denominatorDistinct}) ${where}` : `count(*) ${where}`;
  if (k.kind === "percentile")
    return { top: `percentile_cont(${k.fraction}) WITHIN GROUP (ORDER BY ${k.measure}) ${where}`, n };
  if (k.kind === "sum") return { top: `sum(${k.measure}) ${where}`, n };
  const numerator = k.numerator!;
  const top =
    "count" in numerator
      ? `count(*) FILTER (WHERE (${k.population}) AND (${numerator.count}))`
      : `coalesce(sum(${numerator.sum}) ${where}, 0)`;
  return { top, n };
}

export const KPI_IDS: readonly KpiId[] = KPI_CATALOGUE.map((k) => k.id);

export function kpiDefinition(id: KpiId): KpiDefinition {
  const definition = KPI_CATALOGUE.find((k) => k.id === id);
  if (!definition) throw new Error(`Unknown KPI ${id}`);
  return definition;
}

// A KPI whose numerator and n are counts of rows that each fall in one month, whatever the period: a longer
// period's value is then the sum of its months' counts, exactly (docs/decisions/038-periods-from-months.md). Not
// the percentiles, not the sums of amounts (added up as floating point they would differ from the period's own sum
// in the last digits), not I10 (its reference is taken over the whole period) and not P2 or P3 (they look at the
// period's end, as_of).
export function addsUpOverMonths(k: KpiDefinition): boolean {
  return (
    k.kind === "ratio" &&
    k.numerator !== undefined &&
    "count" in k.numerator &&
    k.set !== "items" &&
    !`${k.population} ${k.numerator.count}`.includes("as_of")
  );
}
