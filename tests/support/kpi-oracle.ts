// A deliberately naive oracle for the KPI catalogue (docs/indicators.md), used only by tests to check the product's
// set-based SQL engine (lib/kpis/compute-kpis.ts). It loads the clearance tables into memory with plain SELECT * and
// computes every KPI for every subject with straightforward loops, written from the spec text alone and never from
// the engine. Speed is not a goal: readability and a literal reading of the spec are.
//
// Where the spec leaves room for interpretation the most literal reading is taken, and the choice is marked
// "Reading:" in a comment.
import { pool } from "@/lib/pg";

export type SubjectType = "officer" | "office";

// Same shape as the engine's KpiRow; declared here so that the oracle depends on nothing from the engine.
export type KpiRow = {
  subjectType: string; // the engine also computes units, which this oracle does not
  subjectId: string;
  periodFrom: string;
  periodTo: string;
  kpiId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

export const KPI_IDS = [
  "P1",
  "P2",
  "P3",
  "P4",
  "P4_90",
  "P5",
  "P6",
  "P7",
  "P8",
  "P10",
  "P11",
  "P12",
  "P13",
  "I1",
  "I2",
  "I4",
  "I5",
  "I7",
  "I8",
  "I9",
  "I10",
  "I12",
] as const;
export type KpiId = (typeof KPI_IDS)[number];

// Rows as `SELECT *` returns them through lib/pg.ts: timestamps and dates as text, numerics as text, int[] as numbers.
type OfficeRow = { office_code: string; open_time: string; close_time: string; workdays: number[] | null };
type OfficerRow = { officer_id: string; office_code: string };
type DeclarationRow = {
  decl_id: string;
  office_code: string;
  arrival_ts: string | null;
  reg_ts: string;
  lane_initial: Lane;
  lane_final: Lane;
  assignment_mode: "auto" | "manual";
  assessing_officer_id: string | null;
  asmt_ts: string | null;
  release_ts: string | null;
  value_initial: string | null;
  value_final: string | null;
  taxes_initial: string | null;
  taxes_final: string | null;
  status: "registered" | "assessed" | "paid" | "released" | "cancelled";
};
type ItemRow = {
  decl_id: string;
  hs6: string;
  origin_country: string;
  net_kg: string | null;
  cif_value: string | null;
};
type InspectionRow = {
  decl_id: string;
  inspector_id: string | null;
  exam_ts: string;
  result: "offence" | "no_offence";
  adjustment_amount: string | null;
};
type EventRow = { decl_id: string; ts: string; action: string; officer_id: string | null };
type HolidayRow = { date: string; office_code: string };
type Lane = "G" | "B" | "Y" | "R";

export type ClearanceData = {
  offices: OfficeRow[];
  officers: OfficerRow[];
  declarations: DeclarationRow[];
  items: ItemRow[];
  inspections: InspectionRow[];
  events: EventRow[];
  holidays: HolidayRow[];
};

export async function loadClearanceData(): Promise<ClearanceData> {
  const all = async <T>(table: string): Promise<T[]> => (await pool.query(`SELECT * FROM ${table}`)).rows as T[];
  return {
    offices: await all<OfficeRow>("offices"),
    officers: await all<OfficerRow>("officers"),
    declarations: await all<DeclarationRow>("declarations"),
    items: await all<ItemRow>("items"),
    inspections: await all<InspectionRow>("inspections"),
    events: await all<EventRow>("events"),
    holidays: await all<HolidayRow>("holidays"),
  };
}

/** Loads the clearance tables and computes the whole catalogue for every subject of the given type. */
export async function oracleKpis(params: { from: string; to: string; subject: SubjectType }): Promise<KpiRow[]> {
  return computeKpisNaively(await loadClearanceData(), params);
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers on local timestamps, money and percentiles.

/** The local date of a "YYYY-MM-DD HH:MM:SS" timestamp. */
function dateOf(ts: string): string {
  return ts.slice(0, 10);
}

/** The local time of day "HH:MM:SS" of a timestamp. */
function timeOf(ts: string): string {
  return ts.slice(11, 19);
}

/** Seconds since 1970 of a local timestamp read as if it were UTC: differences are then plain wall-clock hours. */
function epochSeconds(ts: string): number {
  const [y, mo, d, h, mi, s] = [
    ts.slice(0, 4),
    ts.slice(5, 7),
    ts.slice(8, 10),
    ts.slice(11, 13),
    ts.slice(14, 16),
    ts.slice(17, 19),
  ].map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h || 0, mi || 0, s || 0) / 1000;
}

/** (later − earlier) in seconds: thresholds are compared on whole seconds, so no rounding is involved. */
function secondsBetween(earlier: string, later: string): number {
  return epochSeconds(later) - epochSeconds(earlier);
}

function hoursBetween(earlier: string, later: string): number {
  return secondsBetween(earlier, later) / 3600;
}

function addOneDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Money "123.45" / "-7" → exact integer cents, so that sums and comparisons of money involve no floating error. */
function cents(money: string): bigint {
  const negative = money.startsWith("-");
  const [whole = "0", fraction = ""] = money.replace("-", "").split(".");
  const value = BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
  return negative ? -value : value;
}

/** Exact cents → the nearest double of the decimal amount (through its decimal text, no double rounding). */
function centsToNumber(amount: bigint): number {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return Number(negative ? `-${text}` : text);
}

/**
 * Continuous percentile exactly as PostgreSQL's percentile_cont: position p·(n − 1) in the sorted values, linear
 * interpolation between the two closest ranks (same floating-point steps as float8 percentile_cont).
 */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lowerRank = Math.floor(position);
  const upperRank = Math.ceil(position);
  const lower = sorted[lowerRank]!;
  const upper = sorted[upperRank]!;
  if (lowerRank === upperRank) return lower;
  return lower + (upper - lower) * (position - lowerRank);
}

const LANE_RANK: Record<Lane, number> = { G: 0, B: 1, Y: 2, R: 3 };

// ---------------------------------------------------------------------------------------------------------------
// Result shapes of the export conventions (docs/indicators.md, "Scope and conventions").

type KpiValue = Pick<KpiRow, "value" | "numerator" | "denominator">;

/** A ratio: value = numerator / denominator; an empty set gives value null with 0 / 0. */
function ratio(numerator: number, denominator: number): KpiValue {
  if (denominator === 0) return { value: null, numerator: 0, denominator: 0 };
  return { value: numerator / denominator, numerator, denominator };
}

/** A percentile: numerator null, denominator = n of the set, value null when the set is empty. */
function percentile(values: number[], p: number): KpiValue {
  return { value: percentileCont(values, p), numerator: null, denominator: values.length };
}

/** A sum: numerator null, denominator = n of the set, value null when the set is empty. */
function sum(totalCents: bigint, setSize: number): KpiValue {
  return { value: setSize === 0 ? null : centsToNumber(totalCents), numerator: null, denominator: setSize };
}

function count<T>(rows: T[], predicate: (row: T) => boolean): number {
  let n = 0;
  for (const row of rows) if (predicate(row)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// The catalogue.

export function computeKpisNaively(
  data: ClearanceData,
  params: { from: string; to: string; subject: SubjectType },
): KpiRow[] {
  const { from, to } = params;
  const asOf = `${addOneDay(to)} 00:00:00`;
  const inPeriod = (ts: string) => dateOf(ts) >= from && dateOf(ts) <= to;

  const declarationById = new Map(data.declarations.map((d) => [d.decl_id, d]));
  const officeByCode = new Map(data.offices.map((o) => [o.office_code, o]));
  // Look-ups by declaration (I2, I12), only so that the loops below do not rescan every row for every declaration.
  const inspectedDeclarations = new Set(data.inspections.map((i) => i.decl_id));
  const amendmentTimes = new Map<string, string[]>();
  for (const e of data.events) {
    if (e.action === "amend") amendmentTimes.set(e.decl_id, [...(amendmentTimes.get(e.decl_id) ?? []), e.ts]);
  }

  // I10 reference: ref_p10 per (hs6, origin_country) over all items with net_kg > 0 of all declarations not
  // cancelled and registered in the period, only for groups with ≥ 20 such items.
  // Reading: an item with net_kg > 0 but no cif_value is one of "such items" (it counts towards the 20), while its
  // unit value, being null, takes no part in the percentile (as percentile_cont ignores nulls).
  const referenceItems = new Map<string, { size: number; unitValues: number[] }>();
  for (const item of data.items) {
    const declaration = declarationById.get(item.decl_id);
    if (!declaration || declaration.status === "cancelled" || !inPeriod(declaration.reg_ts)) continue;
    if (item.net_kg === null || Number(item.net_kg) <= 0) continue;
    const key = `${item.hs6}|${item.origin_country}`;
    const group = referenceItems.get(key) ?? { size: 0, unitValues: [] };
    group.size++;
    if (item.cif_value !== null) group.unitValues.push(Number(item.cif_value) / Number(item.net_kg));
    referenceItems.set(key, group);
  }
  const refP10 = new Map<string, number>();
  for (const [key, group] of referenceItems) {
    const p10 = group.size >= 20 ? percentileCont(group.unitValues, 0.1) : null;
    if (p10 !== null) refP10.set(key, p10);
  }

  const subjects =
    params.subject === "officer" ? data.officers.map((o) => o.officer_id) : data.offices.map((o) => o.office_code);
  const subjectIds = [...subjects].sort();

  const rows: KpiRow[] = [];
  for (const subjectId of subjectIds) {
    // All declarations of the subject, whatever their date or status: the assessing officer's, or the office's.
    const ofSubject = (d: DeclarationRow) =>
      params.subject === "officer" ? d.assessing_officer_id === subjectId : d.office_code === subjectId;

    // B including cancelled declarations (used by I12 only), and B itself.
    const registeredInPeriod = data.declarations.filter((d) => ofSubject(d) && inPeriod(d.reg_ts));
    const B = registeredInPeriod.filter((d) => d.status !== "cancelled");

    // E: inspections whose exam_ts date falls in the period, including those of cancelled declarations.
    // Officer X: inspector_id = X (any office); office O: inspections of declarations of office O (any inspector,
    // any registration date).
    const E = data.inspections.filter((inspection) => {
      if (!inPeriod(inspection.exam_ts)) return false;
      if (params.subject === "officer") return inspection.inspector_id === subjectId;
      return declarationById.get(inspection.decl_id)?.office_code === subjectId;
    });

    const values: Record<KpiId, KpiValue> = {
      // P1 Same-day assessment rate.
      P1: ratio(
        count(B, (d) => d.asmt_ts !== null && dateOf(d.asmt_ts) === dateOf(d.reg_ts)),
        B.length,
      ),

      // P2 Late assessment rate: (coalesce(asmt_ts, as_of) − reg_ts) ≥ 120 h. Reading: an assessment recorded after
      // as_of still counts as the assessment (docs/indicators.md: later facts count), so coalesce falls back to as_of
      // only
      // when asmt_ts is null.
      P2: ratio(
        count(B, (d) => secondsBetween(d.reg_ts, d.asmt_ts ?? asOf) >= 120 * 3600),
        B.length,
      ),

      // P3 Backlog over 30 days: asmt_ts null and (as_of − reg_ts) > 720 h.
      P3: ratio(
        count(B, (d) => d.asmt_ts === null && secondsBetween(d.reg_ts, asOf) > 720 * 3600),
        B.length,
      ),

      // P4 / P4_90 Assessment time percentiles over B with asmt_ts not null (even if after as_of).
      P4: percentile(
        B.filter((d) => d.asmt_ts !== null).map((d) => hoursBetween(d.reg_ts, d.asmt_ts!)),
        0.5,
      ),
      P4_90: percentile(
        B.filter((d) => d.asmt_ts !== null).map((d) => hoursBetween(d.reg_ts, d.asmt_ts!)),
        0.9,
      ),

      // P5 Yellow-lane 24 h rate, over the declarations of B with lane_initial = Y.
      P5: (() => {
        const yellow = B.filter((d) => d.lane_initial === "Y");
        const within24h = count(yellow, (d) => d.asmt_ts !== null && secondsBetween(d.reg_ts, d.asmt_ts) <= 24 * 3600);
        return ratio(within24h, yellow.length);
      })(),

      // P6 Median customs release time (release_ts − reg_ts), over B with release_ts not null.
      P6: percentile(
        B.filter((d) => d.release_ts !== null).map((d) => hoursBetween(d.reg_ts, d.release_ts!)),
        0.5,
      ),

      // P7 Median total release time (release_ts − arrival_ts), over B with both not null.
      P7: percentile(
        B.filter((d) => d.release_ts !== null && d.arrival_ts !== null).map((d) =>
          hoursBetween(d.arrival_ts!, d.release_ts!),
        ),
        0.5,
      ),

      // P8 Revenue per declaration: Σ taxes_final (null counts as 0) / #B.
      P8: (() => {
        let total = 0n;
        for (const d of B) if (d.taxes_final !== null) total += cents(d.taxes_final);
        return ratio(B.length === 0 ? 0 : centsToNumber(total), B.length);
      })(),

      // P10 Additional revenue from controls: Σ (taxes_final − taxes_initial) over B with both not null.
      // Reading: "over B with both not null" defines the set, so its size (the denominator) counts only the
      // declarations with both taxes, and the value is null when no declaration of B has both.
      P10: (() => {
        const withBoth = B.filter((d) => d.taxes_initial !== null && d.taxes_final !== null);
        let total = 0n;
        for (const d of withBoth) total += cents(d.taxes_final!) - cents(d.taxes_initial!);
        return sum(total, withBoth.length);
      })(),

      // P11 Inspection hit rate over E.
      P11: ratio(
        count(E, (i) => i.result === "offence"),
        E.length,
      ),

      // P12 Yield per inspection: Σ adjustment_amount / #E. Reading: an inspection without an adjustment_amount
      // is still one of #E and adds nothing to the sum (the numerator is 0, not null, when all amounts are null).
      P12: (() => {
        let total = 0n;
        for (const i of E) if (i.adjustment_amount !== null) total += cents(i.adjustment_amount);
        return ratio(E.length === 0 ? 0 : centsToNumber(total), E.length);
      })(),

      // P13 Throughput: declarations not cancelled of the subject whose asmt_ts date is in the period (whatever their
      // registration date) / number of distinct asmt_ts dates among them.
      P13: (() => {
        const assessedInPeriod = data.declarations.filter(
          (d) => ofSubject(d) && d.status !== "cancelled" && d.asmt_ts !== null && inPeriod(d.asmt_ts),
        );
        const distinctDates = new Set(assessedInPeriod.map((d) => dateOf(d.asmt_ts!)));
        return ratio(assessedInPeriod.length, distinctDates.size);
      })(),

      // I1 Lane downgrade rate, over the declarations of B with lane_initial ∈ {Y, R}.
      I1: (() => {
        const yellowOrRed = B.filter((d) => d.lane_initial === "Y" || d.lane_initial === "R");
        const downgraded = count(yellowOrRed, (d) => LANE_RANK[d.lane_final] < LANE_RANK[d.lane_initial]);
        return ratio(downgraded, yellowOrRed.length);
      })(),

      // I2 Red released without inspection: lane_initial R, lane_final G or B, and no inspection row at any date
      // (by any inspector), over the declarations of B with lane_initial = R.
      I2: (() => {
        const red = B.filter((d) => d.lane_initial === "R");
        const hasInspection = (d: DeclarationRow) => inspectedDeclarations.has(d.decl_id);
        const releasedUninspected = count(
          red,
          (d) => (d.lane_final === "G" || d.lane_final === "B") && !hasInspection(d),
        );
        return ratio(releasedUninspected, red.length);
      })(),

      // I4 Value reduction rate: value_final < value_initial (false when either is null) / #B.
      I4: ratio(
        count(
          B,
          (d) => d.value_initial !== null && d.value_final !== null && cents(d.value_final) < cents(d.value_initial),
        ),
        B.length,
      ),

      // I5 Tax reduction amount: Σ max(taxes_initial − taxes_final, 0), a declaration with either tax null
      // contributing 0; n = #B.
      I5: (() => {
        let total = 0n;
        for (const d of B) {
          if (d.taxes_initial === null || d.taxes_final === null) continue;
          const reduction = cents(d.taxes_initial) - cents(d.taxes_final);
          if (reduction > 0n) total += reduction;
        }
        return sum(total, B.length);
      })(),

      // I7 Manual assignment share.
      I7: ratio(
        count(B, (d) => d.assignment_mode === "manual"),
        B.length,
      ),

      // I8 Off-hours activity share, over events with officer_id not null and ts date in the period. Officer X:
      // officer_id = X (on declarations of any office); office O: events on any declaration of office O, whatever
      // its status or registration date. Each event is judged against the hours, workdays and holidays of the
      // declaration's office.
      I8: (() => {
        const events = data.events.filter((e) => {
          if (e.officer_id === null || !inPeriod(e.ts)) return false;
          if (params.subject === "officer") return e.officer_id === subjectId;
          return declarationById.get(e.decl_id)?.office_code === subjectId;
        });
        // Reading: an event whose declaration is missing cannot be judged against any office; it is left out (the
        // importer's reference check makes this impossible for imported data).
        const judged = events.filter((e) => declarationById.has(e.decl_id));
        const offHours = count(judged, (e) => isOffHours(e, declarationById.get(e.decl_id)!.office_code));
        return ratio(offHours, judged.length);
      })(),

      // I9 Too-fast red-lane assessment (param 1 h), over the declarations of B with lane_final = R.
      I9: (() => {
        const red = B.filter((d) => d.lane_final === "R");
        const tooFast = count(red, (d) => d.asmt_ts !== null && secondsBetween(d.reg_ts, d.asmt_ts) < 1 * 3600);
        return ratio(tooFast, red.length);
      })(),

      // I10 Unit value below reference, over items of B with net_kg > 0 whose (hs6, origin_country) has a reference.
      // Reading: an item of such a group without cif_value is one of "those items" (denominator) and, its unit
      // value being unknown, is not below the reference.
      I10: (() => {
        const inB = new Set(B.map((d) => d.decl_id));
        let those = 0;
        let below = 0;
        for (const item of data.items) {
          if (!inB.has(item.decl_id) || item.net_kg === null || Number(item.net_kg) <= 0) continue;
          const ref = refP10.get(`${item.hs6}|${item.origin_country}`);
          if (ref === undefined) continue;
          those++;
          if (item.cif_value !== null && Number(item.cif_value) / Number(item.net_kg) < ref) below++;
        }
        return ratio(below, those);
      })(),

      // I12 Amendment or cancellation rate, over B including cancelled declarations: status cancelled, or an amend
      // event with ts > asmt_ts (at any date). Reading: with asmt_ts null, "ts > asmt_ts" is not true (as in SQL),
      // so an amendment of a declaration never assessed does not count.
      I12: (() => {
        const amendedAfterAssessment = (d: DeclarationRow) =>
          d.asmt_ts !== null &&
          (amendmentTimes.get(d.decl_id) ?? []).some((ts) => epochSeconds(ts) > epochSeconds(d.asmt_ts!));
        return ratio(
          count(registeredInPeriod, (d) => d.status === "cancelled" || amendedAfterAssessment(d)),
          registeredInPeriod.length,
        );
      })(),
    };

    for (const kpiId of KPI_IDS) {
      rows.push({ subjectType: params.subject, subjectId, periodFrom: from, periodTo: to, kpiId, ...values[kpiId] });
    }
  }
  return rows;

  // I8: outside [open_time, close_time), or a weekday not in workdays, or a holiday of that office (a holidays row
  // with its office_code or an empty office_code).
  function isOffHours(event: EventRow, officeCode: string): boolean {
    const office = officeByCode.get(officeCode);
    // Reading: an office without a row (or without workdays) has no opening hours, so all its activity is off-hours.
    if (!office) return true;
    const time = timeOf(event.ts);
    const outsideHours = time < `${office.open_time}:00` || time >= `${office.close_time}:00`;
    const closedWeekday = !(office.workdays ?? []).includes(isoWeekday(dateOf(event.ts)));
    const holiday = data.holidays.some(
      (h) => h.date === dateOf(event.ts) && (h.office_code === officeCode || h.office_code === ""),
    );
    return outsideHours || closedWeekday || holiday;
  }
}
