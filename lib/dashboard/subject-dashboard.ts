// The office and unit pages: a subject's KPI values month by month, the distribution of its officers' values for
// one KPI and month, its revenue per month with a forecast, and the thresholds and targets of its own contract.
// Everything is read from kpi_results (precomputed by the kpis.compute jobs): no declaration is scanned here.
import "server-only";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import type { KpiId } from "@/lib/kpis/catalogue";
import { monthsWithData } from "@/lib/kpis/queue-recomputation";
import { monthPeriod } from "@/lib/kernel/calendar";

export type DashboardSubject = { type: "office" | "unit"; id: string; officeCode: string; unit: string | null };

import type { MonthValue } from "@/lib/dashboard/revenue-forecast";

export type { MonthValue };

export type OfficerValue = { officerId: string; fullName: string; unit: string; value: number; n: number };

export type Terms = { threshold: number; target: number; contractId: number; title: string };

// Calendar-month cells of one subject for the KPIs asked, keyed by KPI then month.
export async function monthlyValues(
  subject: Pick<DashboardSubject, "type" | "id">,
  kpiIds: readonly KpiId[],
): Promise<Map<string, MonthValue[]>> {
  const { rows } = await pool.query<{
    kpi_id: string;
    month: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  }>(
    `SELECT kpi_id, to_char(period_from, 'YYYY-MM') AS month, value, numerator, denominator
       FROM kpi_results
      WHERE subject_type = $1::"KpiSubjectType" AND subject_id = $2 AND kpi_id = ANY ($3::text[])
        AND extract(day FROM period_from) = 1
        AND period_to = (date_trunc('month', period_from) + interval '1 month' - interval '1 day')::date
      ORDER BY kpi_id, period_from`,
    [subject.type, subject.id, kpiIds],
  );
  const byKpi = new Map<string, MonthValue[]>();
  for (const r of rows) {
    const list = byKpi.get(r.kpi_id) ?? [];
    list.push({ month: r.month, value: r.value, numerator: r.numerator, denominator: r.denominator });
    byKpi.set(r.kpi_id, list);
  }
  return byKpi;
}

// Officers of an office (or one of its units) with a stored value for the KPI in that month.
export async function officerValues(
  officeCode: string,
  unit: string | null,
  kpiId: KpiId,
  month: string,
): Promise<OfficerValue[]> {
  const p = monthPeriod(month);
  const { rows } = await pool.query<{ officer_id: string; full_name: string; unit: string; value: number; n: number }>(
    `SELECT o.officer_id, o.full_name, o.unit, r.value, coalesce(r.denominator, 0)::float8 AS n
       FROM kpi_results r JOIN officers o ON o.officer_id = r.subject_id
      WHERE r.subject_type = 'officer' AND r.kpi_id = $1 AND r.period_from = $2::date AND r.period_to = $3::date
        AND r.value IS NOT NULL AND o.office_code = $4 AND ($5::text IS NULL OR o.unit = $5)
      ORDER BY r.value, o.officer_id`,
    [kpiId, p.from, p.to, officeCode, unit],
  );
  return rows.map((r) => ({ officerId: r.officer_id, fullName: r.full_name, unit: r.unit, value: r.value, n: r.n }));
}

// The subject's own contract in force in that month (its latest binding version), for threshold and target bands.
export async function subjectTerms(subject: DashboardSubject, month: string): Promise<Map<string, Terms>> {
  const p = monthPeriod(month);
  const contract = await db.contract.findFirst({
    where: {
      officeCode: subject.officeCode,
      ...(subject.type === "office" ? { partyType: "OFFICE" } : { partyType: "UNIT", partyUnit: subject.unit }),
      status: { in: ["SIGNED", "ACKNOWLEDGED", "ACTIVE", "CLOSED"] },
      periodFrom: { lte: new Date(`${p.to}T00:00:00Z`) },
      periodTo: { gte: new Date(`${p.from}T00:00:00Z`) },
    },
    include: { indicators: true },
    orderBy: [{ periodFrom: "desc" }, { version: "desc" }],
  });
  return new Map(
    (contract?.indicators ?? []).map((i) => [
      i.kpiId,
      { threshold: i.threshold, target: i.target, contractId: contract!.id, title: contract!.title },
    ]),
  );
}

// The data's months, and whether the last one is complete (data up to its last day): a forecast is made from
// complete months only, or a half-imported month would read as a collapse in revenue.
export async function dataMonths(): Promise<{ months: string[]; lastComplete: string | null }> {
  const [months, last] = await Promise.all([
    monthsWithData(),
    pool.query<{ last: string | null }>(`SELECT max(reg_ts)::date::text AS last FROM declarations`),
  ]);
  const lastDay = last.rows[0]?.last ?? null;
  if (!months.length || !lastDay) return { months, lastComplete: null };
  const final = months.at(-1)!;
  const complete = monthPeriod(final).to === lastDay;
  return { months, lastComplete: complete ? final : (months.at(-2) ?? null) };
}
