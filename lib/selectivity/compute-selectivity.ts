// Selectivity performance for the risk-management unit: per office, month and lane, what the lanes
// received and what their controls found, in two set-based statements over the whole data, written to
// selectivity_lanes and selectivity_reroutes in one transaction (the screens read only those, decision 021).
//
// selectivity_lanes, for lane_kind = initial (the risk engine's lane) and final (after re-routing):
//   declarations        docs/indicators.md B: registered in the month, not cancelled, of the office, in that lane
//   office_declarations all B declarations of the office and month (the share's denominator)
//   inspections         docs/indicators.md E: inspections examined in the month, of the office's declarations
// (cancelled ones
//                       too), by the lane of their declaration; offences = those with result offence (P11)
//   adjustment_total    Σ adjustment_amount over those inspections (P12's numerator: yield = total / inspections)
//   tax_delta           Σ (taxes_final − taxes_initial) over the B declarations with both present (P10), tax_delta_n
//                       how many those are
// selectivity_reroutes: B declarations with lane_initial ∈ {Y, R} and rank(lane_final) < rank(lane_initial)
// (docs/indicators.md
// I1), by office, month of registration, officer and lanes. The officer is the one of the declaration's latest
// reroute event with an officer, else its assessing officer, else "" (unknown). "Later had an offence found":
// an inspection with result offence examined at or after the reroute (its event's ts, else the registration), or
// a closed case whose finding confirms the declaration (its label 1 in lib/risk/case-labels.ts).
import "server-only";
import type { PoolClient } from "pg";
import { inTransaction } from "@/lib/pg";
import { caseFeedbackLabels } from "@/lib/risk/case-labels";

const LATEST_IMPORT = `(SELECT max(id) FROM import_batches WHERE status = 'SUCCEEDED')`;

const LANES_SQL = `
  WITH b AS (
    SELECT d.office_code, date_trunc('month', d.reg_ts)::date AS month, k.kind, k.lane, d.taxes_final - d.taxes_initial AS tax_delta
      FROM declarations d
     CROSS JOIN LATERAL (VALUES ('initial'::"SelectivityLaneKind", d.lane_initial), ('final'::"SelectivityLaneKind", d.lane_final)) k(kind, lane)
     WHERE d.status <> 'cancelled'),
  b_lanes AS (
    SELECT month, office_code, kind, lane, count(*)::int AS declarations,
           coalesce(sum(tax_delta), 0) AS tax_delta, count(tax_delta)::int AS tax_delta_n
      FROM b GROUP BY 1, 2, 3, 4),
  e_lanes AS (
    SELECT date_trunc('month', i.exam_ts)::date AS month, d.office_code, k.kind, k.lane, count(*)::int AS inspections,
           count(*) FILTER (WHERE i.result = 'offence')::int AS offences, coalesce(sum(i.adjustment_amount), 0) AS adjustment_total
      FROM inspections i JOIN declarations d USING (decl_id)
     CROSS JOIN LATERAL (VALUES ('initial'::"SelectivityLaneKind", d.lane_initial), ('final'::"SelectivityLaneKind", d.lane_final)) k(kind, lane)
     GROUP BY 1, 2, 3, 4),
  cells AS (
    SELECT month, office_code, kind, lane,
           coalesce(b.declarations, 0) AS declarations, coalesce(e.inspections, 0) AS inspections, coalesce(e.offences, 0) AS offences,
           coalesce(e.adjustment_total, 0) AS adjustment_total, coalesce(b.tax_delta, 0) AS tax_delta, coalesce(b.tax_delta_n, 0) AS tax_delta_n
      FROM b_lanes b FULL JOIN e_lanes e USING (month, office_code, kind, lane))
  INSERT INTO selectivity_lanes (month, office_code, lane_kind, lane, declarations, office_declarations, inspections, offences,
                                 adjustment_total, tax_delta, tax_delta_n, computed_at, last_import_id)
  SELECT month, office_code, kind, lane, declarations, (sum(declarations) OVER (PARTITION BY month, office_code, kind))::int,
         inspections, offences, adjustment_total, tax_delta, tax_delta_n, now(), ${LATEST_IMPORT}
    FROM cells`;

// $1 the declarations confirmed by a case finding.
const REROUTES_SQL = `
  WITH rerouted AS (
    SELECT d.decl_id, d.office_code, date_trunc('month', d.reg_ts)::date AS month, d.lane_initial, d.lane_final,
           coalesce(ev.officer_id, d.assessing_officer_id, '') AS officer_id, coalesce(ev.ts, d.reg_ts) AS rerouted_at
      FROM declarations d
      LEFT JOIN LATERAL (
        SELECT e.officer_id, e.ts FROM events e
         WHERE e.decl_id = d.decl_id AND e.action = 'reroute' AND e.officer_id IS NOT NULL
         ORDER BY e.ts DESC LIMIT 1) ev ON true
     WHERE d.status <> 'cancelled' AND d.lane_initial IN ('Y', 'R') AND d.lane_final < d.lane_initial),
  outcomes AS (
    SELECT r.*, x.offences > 0 AS inspection_offence, coalesce(x.adjustment, 0) AS adjustment,
           r.decl_id = ANY ($1::text[]) AS case_finding
      FROM rerouted r
      LEFT JOIN LATERAL (
        SELECT count(*) AS offences, sum(i.adjustment_amount) AS adjustment FROM inspections i
         WHERE i.decl_id = r.decl_id AND i.result = 'offence' AND i.exam_ts >= r.rerouted_at) x ON true)
  INSERT INTO selectivity_reroutes (month, office_code, officer_id, lane_initial, lane_final, reroutes, with_offence,
                                    inspection_offences, case_findings, adjustment_total, computed_at, last_import_id)
  SELECT month, office_code, officer_id, lane_initial, lane_final, count(*)::int,
         count(*) FILTER (WHERE inspection_offence OR case_finding)::int, count(*) FILTER (WHERE inspection_offence)::int,
         count(*) FILTER (WHERE case_finding)::int, coalesce(sum(adjustment), 0), now(), ${LATEST_IMPORT}
    FROM outcomes GROUP BY 1, 2, 3, 4, 5`;

export type SelectivityOutcome = { lanes: number; reroutes: number; seconds: number };

export async function computeSelectivity(
  progress: (percent: number) => Promise<void> = async () => {},
): Promise<SelectivityOutcome> {
  const started = performance.now();
  const confirmed = (await caseFeedbackLabels()).filter((l) => l.illicit === 1).map((l) => l.declId);
  return inTransaction(async (client: PoolClient) => {
    // One computation at a time: a second waits, then rewrites the same rows.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('selectivity.compute'))");
    await client.query("DELETE FROM selectivity_lanes");
    await client.query("DELETE FROM selectivity_reroutes");
    const lanes = await client.query(LANES_SQL);
    await progress(60);
    const reroutes = await client.query(REROUTES_SQL, [confirmed]);
    await progress(95);
    return {
      lanes: lanes.rowCount ?? 0,
      reroutes: reroutes.rowCount ?? 0,
      seconds: (performance.now() - started) / 1000,
    };
  });
}
