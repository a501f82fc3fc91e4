// Funnel plot of a rate KPI (RATE_OUTLIER, docs/indicators.md "Flags") for one office and period, from stored KPI
// results only (docs/decisions/021): each officer's rate against its denominator n, the office rate p0, the ±2σ/±3σ
// limit curves p0 ± k·sqrt(p0(1 − p0)/n), the office's overdispersion (φ, τ²) with the limits that include it
// (overdispersion.ts), and which officers a RATE_OUTLIER flag of that KPI and period names.
import "server-only";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { flagVisibilityWhere, type FlagViewer } from "@/lib/integrity/flag-evidence";
import { assertIntegrityViewer, integrityOfficeOrThrow } from "@/lib/integrity/integrity-scope";
import { funnelBand, funnelCurve, type FunnelBand, type FunnelPoint } from "@/lib/integrity/control-limits";
import {
  additiveLimits,
  beyondAdditive,
  estimateOverdispersion,
  type Overdispersion,
} from "@/lib/integrity/overdispersion";
import { kpiDefinition } from "@/lib/kpis/catalogue";
import { comparePeriods } from "@/lib/integrity/period-kind";
import type { RATE_KPIS } from "@/lib/integrity/schema";

export type FunnelOfficer = {
  officerId: string;
  fullName: string;
  p: number;
  n: number;
  numerator: number;
  band: FunnelBand;
  // Where the rate falls against the limits that include the office's overdispersion, on the worse side.
  overdispersedBand: "alarm" | "warning" | "inside";
  flagId: number | null;
};

export type FunnelCurvePoint = FunnelPoint & { lower2od: number; upper2od: number; lower3od: number; upper3od: number };

export type FunnelData = {
  p0: number | null;
  officeN: number;
  officers: FunnelOfficer[];
  curve: FunnelCurvePoint[];
  overdispersion: Overdispersion | null;
};

type Query = { kpiId: (typeof RATE_KPIS)[number]; officeCode: string; from: string; to: string };

export async function funnelData(viewer: FlagViewer, q: Query): Promise<FunnelData> {
  await integrityOfficeOrThrow(viewer, q.officeCode);
  const [office, officers, flags] = await Promise.all([
    pool.query<{ value: number | null; denominator: number | null }>(
      `SELECT value, denominator FROM kpi_results
        WHERE subject_type = 'office' AND subject_id = $1 AND kpi_id = $2 AND period_from = $3::date AND period_to = $4::date`,
      [q.officeCode, q.kpiId, q.from, q.to],
    ),
    pool.query<{ officer_id: string; full_name: string; value: number; numerator: number; denominator: number }>(
      `SELECT o.officer_id, o.full_name, r.value, coalesce(r.numerator, 0)::float8 AS numerator, r.denominator
         FROM kpi_results r JOIN officers o ON o.officer_id = r.subject_id
        WHERE r.subject_type = 'officer' AND r.kpi_id = $2 AND r.period_from = $3::date AND r.period_to = $4::date
          AND o.office_code = $1 AND r.value IS NOT NULL AND r.denominator > 0
        ORDER BY r.denominator, o.officer_id`,
      [q.officeCode, q.kpiId, q.from, q.to],
    ),
    db.flag.findMany({
      where: {
        AND: [
          flagVisibilityWhere(viewer),
          {
            method: "RATE_OUTLIER",
            kpiId: q.kpiId,
            periodFrom: new Date(`${q.from}T00:00:00Z`),
            periodTo: new Date(`${q.to}T00:00:00Z`),
          },
        ],
      },
      select: { id: true, subjectId: true },
    }),
  ]);
  const p0 = office.rows[0]?.value ?? null;
  const better = kpiDefinition(q.kpiId).direction === "higher" ? "higher" : "lower";
  const flagOf = new Map(flags.map((f) => [f.subjectId, f.id]));
  const overdispersion =
    p0 === null
      ? null
      : estimateOverdispersion(
          officers.rows.map((r) => ({ p: r.value, n: r.denominator })),
          p0,
        );
  const tau2 = overdispersion?.tau2 ?? 0;
  const list = officers.rows.map((r) => ({
    officerId: r.officer_id,
    fullName: r.full_name,
    p: r.value,
    n: r.denominator,
    numerator: r.numerator,
    band: p0 === null ? ("inside" as const) : funnelBand(r.value, p0, r.denominator, better),
    overdispersedBand:
      p0 === null
        ? ("inside" as const)
        : beyondAdditive(r.value, p0, r.denominator, 3, tau2, better)
          ? ("alarm" as const)
          : beyondAdditive(r.value, p0, r.denominator, 2, tau2, better)
            ? ("warning" as const)
            : ("inside" as const),
    flagId: flagOf.get(r.officer_id) ?? null,
  }));
  const ns = list.map((o) => o.n);
  // A little beyond the officers on both sides, so no point sits on the frame.
  const curve =
    p0 === null || !ns.length
      ? []
      : funnelCurve(p0, Math.max(1, Math.floor((Math.min(...ns) * 8) / 10)), Math.ceil((Math.max(...ns) * 11) / 10));
  return {
    p0,
    officeN: office.rows[0]?.denominator ?? 0,
    officers: list,
    curve: curve.map((c) => {
      const two = additiveLimits(p0!, c.n, 2, tau2);
      const three = additiveLimits(p0!, c.n, 3, tau2);
      return { ...c, lower2od: two.lower, upper2od: two.upper, lower3od: three.lower, upper3od: three.upper };
    }),
    overdispersion,
  };
}

// The periods with stored office results of that KPI, for the period picker.
export async function funnelPeriods(viewer: FlagViewer, kpiId: string): Promise<{ from: string; to: string }[]> {
  assertIntegrityViewer(viewer);
  const { rows } = await pool.query<{ from: string; to: string }>(
    `SELECT DISTINCT period_from::text AS "from", period_to::text AS "to" FROM kpi_results WHERE subject_type = 'office' AND kpi_id = $1`,
    [kpiId],
  );
  return rows.sort(comparePeriods);
}
