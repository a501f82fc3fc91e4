// The KPI catalogue of ../shared/spec/kpis.md: one definition per indicator, as SQL aggregates over the set the
// spec names. compute-kpis.ts assembles them into one set-based query per set, so the whole catalogue reads each
// table once. Every number the portal shows for a KPI comes from here.
export type KpiId =
  | "P1" | "P2" | "P3" | "P4" | "P4_90" | "P5" | "P6" | "P7" | "P8" | "P10" | "P11" | "P12" | "P13"
  | "I1" | "I2" | "I4" | "I5" | "I7" | "I8" | "I9" | "I10" | "I12";

// B: declarations registered in the period (I12: cancelled ones too); E: inspections examined in the period;
// assessed: declarations assessed in the period (P13); events: officer events in the period (I8); items: items of
// B with a unit-value reference (I10).
export type KpiSet = "B" | "E" | "assessed" | "events" | "items";

export type KpiKind = "ratio" | "percentile" | "sum";

export type KpiDefinition = {
  id: KpiId;
  name: string;
  direction: "higher" | "lower" | "context";
  unit: "share" | "hours" | "amount" | "perDay";
  kind: KpiKind;
  set: KpiSet;
  // SQL over the set's rows (columns listed in compute-kpis.ts). Ratio: numerator / denominator.
  // Percentile and sum: value, with denominator = the size of the set the value is taken over.
  numerator?: string;
  denominator: string;
  value?: string;
};

// Columns of B rows prepared by compute-kpis.ts: every declarations column, plus
//   live           status <> 'cancelled' (B proper; I12 is the only KPI that counts cancelled declarations)
//   asmt_h         hours from registration to assessment
//   as_of          the period's to + 1 day at 00:00
//   inspected      the declaration has an inspection row at any date (only computed for red-lane ones)
//   amended_after  an amend event after asmt_ts
const LIVE = "live";

export const KPI_CATALOGUE: readonly KpiDefinition[] = [
  {
    id: "P1", name: "Same-day assessment rate", direction: "higher", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE ${LIVE} AND asmt_ts IS NOT NULL AND asmt_ts::date = reg_ts::date)`,
    denominator: `count(*) FILTER (WHERE ${LIVE})`,
  },
  {
    id: "P2", name: "Late assessment rate (≥ 5 days)", direction: "lower", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE ${LIVE} AND coalesce(asmt_ts, as_of) - reg_ts >= interval '120 hours')`,
    denominator: `count(*) FILTER (WHERE ${LIVE})`,
  },
  {
    id: "P3", name: "Backlog over 30 days", direction: "lower", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE ${LIVE} AND asmt_ts IS NULL AND as_of - reg_ts > interval '720 hours')`,
    denominator: `count(*) FILTER (WHERE ${LIVE})`,
  },
  {
    id: "P4", name: "Median assessment time", direction: "lower", unit: "hours", kind: "percentile", set: "B",
    value: `percentile_cont(0.5) WITHIN GROUP (ORDER BY asmt_h) FILTER (WHERE ${LIVE} AND asmt_ts IS NOT NULL)`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND asmt_ts IS NOT NULL)`,
  },
  {
    id: "P4_90", name: "90th percentile assessment time", direction: "lower", unit: "hours", kind: "percentile", set: "B",
    value: `percentile_cont(0.9) WITHIN GROUP (ORDER BY asmt_h) FILTER (WHERE ${LIVE} AND asmt_ts IS NOT NULL)`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND asmt_ts IS NOT NULL)`,
  },
  {
    id: "P5", name: "Yellow-lane 24 h rate", direction: "higher", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE ${LIVE} AND lane_initial = 'Y' AND asmt_ts IS NOT NULL AND asmt_ts - reg_ts <= interval '24 hours')`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND lane_initial = 'Y')`,
  },
  {
    id: "P6", name: "Median customs release time", direction: "lower", unit: "hours", kind: "percentile", set: "B",
    value: `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM release_ts - reg_ts) / 3600) FILTER (WHERE ${LIVE} AND release_ts IS NOT NULL)`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND release_ts IS NOT NULL)`,
  },
  {
    id: "P7", name: "Median total release time", direction: "lower", unit: "hours", kind: "percentile", set: "B",
    value: `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM release_ts - arrival_ts) / 3600) FILTER (WHERE ${LIVE} AND release_ts IS NOT NULL AND arrival_ts IS NOT NULL)`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND release_ts IS NOT NULL AND arrival_ts IS NOT NULL)`,
  },
  {
    id: "P8", name: "Revenue per declaration", direction: "higher", unit: "amount", kind: "ratio", set: "B",
    numerator: `coalesce(sum(coalesce(taxes_final, 0)) FILTER (WHERE ${LIVE}), 0)`,
    denominator: `count(*) FILTER (WHERE ${LIVE})`,
  },
  {
    id: "P10", name: "Additional revenue from controls", direction: "higher", unit: "amount", kind: "sum", set: "B",
    value: `sum(taxes_final - taxes_initial) FILTER (WHERE ${LIVE} AND taxes_final IS NOT NULL AND taxes_initial IS NOT NULL)`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND taxes_final IS NOT NULL AND taxes_initial IS NOT NULL)`,
  },
  {
    id: "P11", name: "Inspection hit rate", direction: "higher", unit: "share", kind: "ratio", set: "E",
    numerator: `count(*) FILTER (WHERE result = 'offence')`,
    denominator: `count(*)`,
  },
  {
    id: "P12", name: "Yield per inspection", direction: "higher", unit: "amount", kind: "ratio", set: "E",
    numerator: `coalesce(sum(adjustment_amount), 0)`,
    denominator: `count(*)`,
  },
  {
    id: "P13", name: "Throughput", direction: "context", unit: "perDay", kind: "ratio", set: "assessed",
    numerator: `count(*)`,
    denominator: `count(DISTINCT asmt_ts::date)`,
  },
  {
    id: "I1", name: "Lane downgrade rate", direction: "lower", unit: "share", kind: "ratio", set: "B",
    // Lane is an enum declared G, B, Y, R: PostgreSQL compares enum values by that rank.
    numerator: `count(*) FILTER (WHERE ${LIVE} AND lane_initial IN ('Y', 'R') AND lane_final < lane_initial)`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND lane_initial IN ('Y', 'R'))`,
  },
  {
    id: "I2", name: "Red released without inspection", direction: "lower", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE ${LIVE} AND lane_initial = 'R' AND lane_final IN ('G', 'B') AND NOT inspected)`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND lane_initial = 'R')`,
  },
  {
    id: "I4", name: "Value reduction rate", direction: "lower", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE ${LIVE} AND value_final < value_initial)`,
    denominator: `count(*) FILTER (WHERE ${LIVE})`,
  },
  {
    id: "I5", name: "Tax reduction amount", direction: "lower", unit: "amount", kind: "sum", set: "B",
    value: `coalesce(sum(greatest(coalesce(taxes_initial - taxes_final, 0), 0)) FILTER (WHERE ${LIVE}), 0)`,
    denominator: `count(*) FILTER (WHERE ${LIVE})`,
  },
  {
    id: "I7", name: "Manual assignment share", direction: "lower", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE ${LIVE} AND assignment_mode = 'manual')`,
    denominator: `count(*) FILTER (WHERE ${LIVE})`,
  },
  {
    id: "I8", name: "Off-hours activity share", direction: "lower", unit: "share", kind: "ratio", set: "events",
    numerator: `count(*) FILTER (WHERE off_hours)`,
    denominator: `count(*)`,
  },
  {
    id: "I9", name: "Too-fast red-lane assessment", direction: "lower", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE ${LIVE} AND lane_final = 'R' AND asmt_ts IS NOT NULL AND asmt_ts - reg_ts < make_interval(secs => :i9_hours * 3600))`,
    denominator: `count(*) FILTER (WHERE ${LIVE} AND lane_final = 'R')`,
  },
  {
    id: "I10", name: "Unit value below reference", direction: "lower", unit: "share", kind: "ratio", set: "items",
    numerator: `count(*) FILTER (WHERE cif_value / net_kg < ref_p10)`,
    denominator: `count(*)`,
  },
  {
    id: "I12", name: "Amendment or cancellation rate", direction: "lower", unit: "share", kind: "ratio", set: "B",
    numerator: `count(*) FILTER (WHERE status = 'cancelled' OR amended_after)`,
    denominator: `count(*)`,
  },
];

export const KPI_IDS: readonly KpiId[] = KPI_CATALOGUE.map((k) => k.id);

export function kpiDefinition(id: KpiId): KpiDefinition {
  const definition = KPI_CATALOGUE.find((k) => k.id === id);
  if (!definition) throw new Error(`Unknown KPI ${id}`);
  return definition;
}
