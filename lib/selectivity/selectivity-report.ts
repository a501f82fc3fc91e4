// What the selectivity screen and its exports show, read from the stored tables only (selectivity_lanes,
// selectivity_reroutes; decision 021): no declaration is scanned on page load. Rates are computed here from the
// stored counts and sums, each with its numerator and denominator:
//   share               declarations / office_declarations
//   hit rate            offences / inspections (P11)
//   yield / inspection  adjustment_total / inspections (P12)
//   re-routing hit rate with_offence / reroutes
// Scoping: an office's staff see their office only (scopeForUser); an office outside it does not exist for them.
import "server-only";
import { pool } from "@/lib/pg";
import { scopeForUser } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import { coveredMonths, type SelectivityFilters } from "@/lib/selectivity/selectivity-filters";

export const LANES = ["G", "B", "Y", "R"] as const;
export type LaneCode = (typeof LANES)[number];

export type LaneFigures = {
  declarations: number;
  officeDeclarations: number;
  share: number | null;
  inspections: number;
  offences: number;
  hitRate: number | null;
  adjustmentTotal: number;
  yieldPerInspection: number | null;
  taxDelta: number;
  taxDeltaN: number;
};

export type LaneCell = LaneFigures & { month: string; officeCode: string; lane: LaneCode };
export type LaneTotal = LaneFigures & { lane: LaneCode };

export type OfficerReroutes = {
  officerId: string;
  fullName: string | null;
  officeCode: string;
  reroutes: number;
  withOffence: number;
  inspectionOffences: number;
  caseFindings: number;
  hitRate: number | null;
  adjustmentTotal: number;
  transitions: { from: LaneCode; to: LaneCode; count: number }[];
};

export type SelectivityReport = {
  months: string[];
  period: { from: string; to: string } | null;
  lanes: LaneTotal[];
  cells: LaneCell[];
  reroutes: OfficerReroutes[];
  reroutedShare: { reroutes: number; base: number; value: number | null };
  computedAt: string | null;
  lastImportId: number | null;
};

// The office the user asked for, checked against their scope; null = every office they may see.
export function officeFilter(viewer: Viewer, office: string): string | null {
  const scope = scopeForUser(viewer);
  if (scope.kind === "officer" || scope.kind === "none")
    throw new AppError("FORBIDDEN", "Selectivity figures are not in your scope");
  if (scope.kind === "office") {
    if (office && office !== scope.officeCode) throw new AppError("NOT_FOUND", "No such office");
    return scope.officeCode;
  }
  return office || null;
}

const ratio = (top: number, n: number) => (n > 0 ? top / n : null);

function figures(r: {
  declarations: number;
  office_declarations: number;
  inspections: number;
  offences: number;
  adjustment_total: number;
  tax_delta: number;
  tax_delta_n: number;
}): LaneFigures {
  return {
    declarations: r.declarations,
    officeDeclarations: r.office_declarations,
    share: ratio(r.declarations, r.office_declarations),
    inspections: r.inspections,
    offences: r.offences,
    hitRate: ratio(r.offences, r.inspections),
    adjustmentTotal: Number(r.adjustment_total),
    yieldPerInspection: ratio(Number(r.adjustment_total), r.inspections),
    taxDelta: Number(r.tax_delta),
    taxDeltaN: r.tax_delta_n,
  };
}

export async function selectivityMonths(office: string | null): Promise<string[]> {
  const { rows } = await pool.query<{ month: string }>(
    `SELECT DISTINCT to_char(month, 'YYYY-MM') AS month FROM selectivity_lanes WHERE $1::text IS NULL OR office_code = $1 ORDER BY 1`,
    [office],
  );
  return rows.map((r) => r.month);
}

type LaneSqlRow = {
  month: string;
  office_code: string;
  lane: LaneCode;
  declarations: number;
  office_declarations: number;
  inspections: number;
  offences: number;
  adjustment_total: number;
  tax_delta: number;
  tax_delta_n: number;
};

export async function selectivityReport(viewer: Viewer, filters: SelectivityFilters): Promise<SelectivityReport> {
  const office = officeFilter(viewer, filters.office);
  const months = await selectivityMonths(office);
  const period = coveredMonths(months, filters);
  const meta = await pool.query<{ computed_at: string | null; last_import_id: number | null }>(
    `SELECT max(computed_at)::text AS computed_at, max(last_import_id) AS last_import_id FROM selectivity_lanes`,
  );
  const empty = {
    months,
    period,
    lanes: [],
    cells: [],
    reroutes: [],
    reroutedShare: { reroutes: 0, base: 0, value: null },
  };
  const stamp = { computedAt: meta.rows[0]?.computed_at ?? null, lastImportId: meta.rows[0]?.last_import_id ?? null };
  if (!period) return { ...empty, ...stamp };
  const args = [`${period.from}-01`, `${period.to}-01`, office, filters.lanes];
  const [cells, reroutes] = await Promise.all([
    pool.query<LaneSqlRow>(
      `SELECT to_char(month, 'YYYY-MM') AS month, office_code, lane, declarations, office_declarations, inspections, offences,
              adjustment_total::float8 AS adjustment_total, tax_delta::float8 AS tax_delta, tax_delta_n
         FROM selectivity_lanes
        WHERE month BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR office_code = $3) AND lane_kind = $4::"SelectivityLaneKind"
        ORDER BY month DESC, office_code, lane`,
      args,
    ),
    pool.query<{
      officer_id: string;
      full_name: string | null;
      office_code: string;
      lane_initial: LaneCode;
      lane_final: LaneCode;
      reroutes: number;
      with_offence: number;
      inspection_offences: number;
      case_findings: number;
      adjustment_total: number;
    }>(
      `SELECT r.officer_id, o.full_name, r.office_code, r.lane_initial, r.lane_final, sum(r.reroutes)::int AS reroutes,
              sum(r.with_offence)::int AS with_offence, sum(r.inspection_offences)::int AS inspection_offences,
              sum(r.case_findings)::int AS case_findings, sum(r.adjustment_total)::float8 AS adjustment_total
         FROM selectivity_reroutes r LEFT JOIN officers o ON o.officer_id = r.officer_id
        WHERE r.month BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR r.office_code = $3)
        GROUP BY 1, 2, 3, 4, 5`,
      args.slice(0, 3),
    ),
  ]);

  const totals = new Map<LaneCode, LaneSqlRow>();
  // Each office and month's denominator counted once per lane total: Σ office_declarations over the cells of a
  // lane would count an office-month again for every lane it has.
  const officeMonths = new Map<string, number>();
  for (const c of cells.rows) {
    officeMonths.set(`${c.month}|${c.office_code}`, c.office_declarations);
    const t = totals.get(c.lane) ?? {
      ...c,
      declarations: 0,
      office_declarations: 0,
      inspections: 0,
      offences: 0,
      adjustment_total: 0,
      tax_delta: 0,
      tax_delta_n: 0,
    };
    t.declarations += c.declarations;
    t.inspections += c.inspections;
    t.offences += c.offences;
    t.adjustment_total += Number(c.adjustment_total);
    t.tax_delta += Number(c.tax_delta);
    t.tax_delta_n += c.tax_delta_n;
    totals.set(c.lane, t);
  }
  const allDeclarations = [...officeMonths.values()].reduce((s, n) => s + n, 0);
  const lanes = LANES.filter((l) => totals.has(l)).map((lane) => ({
    lane,
    ...figures({ ...totals.get(lane)!, office_declarations: allDeclarations }),
  }));

  const byOfficer = new Map<string, OfficerReroutes>();
  for (const r of reroutes.rows) {
    const key = `${r.office_code}|${r.officer_id}`;
    const o = byOfficer.get(key) ?? {
      officerId: r.officer_id,
      fullName: r.full_name,
      officeCode: r.office_code,
      reroutes: 0,
      withOffence: 0,
      inspectionOffences: 0,
      caseFindings: 0,
      hitRate: null,
      adjustmentTotal: 0,
      transitions: [],
    };
    o.reroutes += r.reroutes;
    o.withOffence += r.with_offence;
    o.inspectionOffences += r.inspection_offences;
    o.caseFindings += r.case_findings;
    o.adjustmentTotal += Number(r.adjustment_total);
    o.transitions.push({ from: r.lane_initial, to: r.lane_final, count: r.reroutes });
    byOfficer.set(key, o);
  }
  const officers = [...byOfficer.values()]
    .map((o) => ({
      ...o,
      hitRate: ratio(o.withOffence, o.reroutes),
      transitions: o.transitions.sort(
        (a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
      ),
    }))
    .sort(
      (a, b) =>
        b.reroutes - a.reroutes || a.officeCode.localeCompare(b.officeCode) || a.officerId.localeCompare(b.officerId),
    );
  const rerouted = officers.reduce((s, o) => s + o.reroutes, 0);
  // I1's denominator: declarations that entered in yellow or red (initial lanes, whatever the grouping shown).
  const base = await pool.query<{ n: number }>(
    `SELECT coalesce(sum(declarations), 0)::int AS n FROM selectivity_lanes
      WHERE month BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR office_code = $3) AND lane_kind = 'initial' AND lane IN ('Y', 'R')`,
    args.slice(0, 3),
  );
  return {
    months,
    period,
    lanes,
    cells: cells.rows.map((c) => ({ month: c.month, officeCode: c.office_code, lane: c.lane, ...figures(c) })),
    reroutes: officers,
    reroutedShare: { reroutes: rerouted, base: base.rows[0]!.n, value: ratio(rerouted, base.rows[0]!.n) },
    ...stamp,
  };
}
