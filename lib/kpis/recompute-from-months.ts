// Recomputes a period of several months (a quarter) from its months (docs/decisions/038-periods-from-months.md).
// The months a change touched are recomputed whole; every other month of the period must hold up-to-date cells for
// the touched subjects (the rule of load-kpi-cells.ts), and those missing or stale are recomputed too. The KPIs
// that add up over months (counts, catalogue.ts addsUpOverMonths) are then the sums of the months' counts, while the
// others (percentiles, amounts, I10, P2, P3) are computed over the whole period, alongside the months.
import "server-only";
import { pool } from "@/lib/pg";
import { KPI_CATALOGUE, addsUpOverMonths } from "@/lib/kpis/catalogue";
import type { KpiSubjectType } from "@/lib/kpis/compute-kpis";
import { TOUCHED_SUBJECTS, recomputeTouchedKpis, type TouchedSubjects } from "@/lib/kpis/recompute-touched";
import { readStoredKpiCells, type CellRequest } from "@/lib/contracts/load-kpi-cells";
import { latestImportId } from "@/lib/clearance/import-batches";
import { monthOf, monthPeriod, monthsOf, type Period } from "@/lib/kernel/calendar";

const ADDITIVE = KPI_CATALOGUE.filter(addsUpOverMonths).map((k) => k.id);

type Subject = { subject_type: KpiSubjectType; subject_id: string };

const listSubjects = async (touched: TouchedSubjects) =>
  (
    await pool.query<Subject>(
      `WITH typed_params AS (SELECT $1::date, $2::date, $3::float8)
       SELECT subject_type, subject_id FROM (${TOUCHED_SUBJECTS}) s`,
      [null, null, null, touched.officer, touched.unit, touched.office],
    )
  ).rows;

// The months not touched whose cells are missing or stale, each with the subjects to recompute.
function staleMonths(stale: CellRequest[]): Map<string, TouchedSubjects> {
  const months = new Map<string, TouchedSubjects>();
  for (const r of stale) {
    const month = monthOf(r.from);
    const subjects = months.get(month) ?? { officer: [], unit: [], office: [] };
    subjects[r.subjectType]!.push(r.subjectId);
    months.set(month, subjects);
  }
  return months;
}

// $1 from, $2 to, $4–$6 the touched subjects, $7 the months' first days, $8 their last days, $9 the KPIs, $10 the
// import the months were checked against, $11 the first days of the touched months: their cells, computed by this
// job, must be from that import's data or newer, not overwritten since by a job of an earlier import (a subject
// short of a month is then computed over the whole period).
const SUM_OF_MONTHS = `
  WITH typed_params AS (SELECT $3::float8)
  INSERT INTO kpi_results (subject_type, subject_id, period_from, period_to, kpi_id, value, numerator, denominator,
                           computed_at, last_import_id)
  SELECT m.subject_type, m.subject_id, $1::date, $2::date, m.kpi_id,
         CASE WHEN sum(m.denominator) > 0 THEN sum(m.numerator) / sum(m.denominator) END,
         sum(m.numerator), sum(m.denominator), now(), $10::int
    FROM kpi_results m
    JOIN (${TOUCHED_SUBJECTS}) s ON s.subject_type = m.subject_type AND s.subject_id = m.subject_id
    JOIN unnest($7::date[], $8::date[]) AS p(period_from, period_to)
      ON p.period_from = m.period_from AND p.period_to = m.period_to
   WHERE m.kpi_id = ANY ($9::text[])
     AND (m.period_from <> ALL ($11::date[]) OR m.last_import_id >= $10::int OR $10::int IS NULL)
   GROUP BY m.subject_type, m.subject_id, m.kpi_id
  HAVING count(*) = cardinality($7::date[])
  ON CONFLICT (subject_type, subject_id, period_from, period_to, kpi_id) DO UPDATE
     SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
         computed_at = EXCLUDED.computed_at, last_import_id = EXCLUDED.last_import_id`;

// Returns the number of cells written, the period's and its months'.
export async function recomputeFromMonths(
  period: Period,
  touchedMonths: readonly string[],
  touched: TouchedSubjects,
): Promise<number> {
  const months = monthsOf(period);
  // Read before anything is checked or computed: the sums are as fresh as the data of this import.
  const latest = await latestImportId();
  const subjects = await listSubjects(touched);
  const others = months.filter((m) => !touchedMonths.includes(m));
  const checked = await readStoredKpiCells(
    others.flatMap((m) =>
      subjects.map((s) => ({ subjectType: s.subject_type, subjectId: s.subject_id, ...monthPeriod(m) })),
    ),
    ADDITIVE,
  );
  const monthJobs = [
    ...touchedMonths.map((m) => recomputeTouchedKpis(monthPeriod(m), touched)),
    ...[...staleMonths(checked.stale)].map(([m, stale]) => recomputeTouchedKpis(monthPeriod(m), stale)),
  ];
  const [whole, ...ofMonths] = await Promise.all([
    recomputeTouchedKpis(period, touched, { only: (k) => !addsUpOverMonths(k) }),
    ...monthJobs,
  ]);
  const summed = await pool.query(SUM_OF_MONTHS, [
    period.from,
    period.to,
    null,
    touched.officer,
    touched.unit,
    touched.office,
    months.map((m) => monthPeriod(m).from),
    months.map((m) => monthPeriod(m).to),
    ADDITIVE,
    latest,
    touchedMonths.map((m) => monthPeriod(m).from),
  ]);
  // A subject without a cell in some month (none should be) is computed over the whole period instead.
  if (summed.rowCount !== subjects.length * ADDITIVE.length) {
    await recomputeTouchedKpis(period, touched, { only: addsUpOverMonths });
  }
  return whole! + ofMonths.reduce((a, b) => a + b, 0) + (summed.rowCount ?? 0);
}
