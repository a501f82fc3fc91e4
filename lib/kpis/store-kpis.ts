// Computes a period's KPIs and stores them in kpi_results, overwriting the same cells: recomputing twice writes
// the same rows, never duplicates.
import "server-only";
import { pool } from "@/lib/pg";
import { computeKpis, type KpiParams } from "@/lib/kpis/compute-kpis";

export async function computeAndStoreKpis(params: KpiParams): Promise<number> {
  const rows = await computeKpis(params);
  if (!rows.length) return 0;
  await pool.query(
    `INSERT INTO kpi_results (subject_type, subject_id, period_from, period_to, kpi_id, value, numerator, denominator,
                              computed_at, last_import_id)
     SELECT t.*, now(), (SELECT max(id) FROM import_batches WHERE status = 'SUCCEEDED')
       FROM unnest($1::"KpiSubjectType"[], $2::text[], $3::date[], $4::date[], $5::text[],
                   $6::float8[], $7::float8[], $8::float8[]) AS t
     ON CONFLICT (subject_type, subject_id, period_from, period_to, kpi_id) DO UPDATE
        SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
            computed_at = EXCLUDED.computed_at, last_import_id = EXCLUDED.last_import_id`,
    [
      rows.map((r) => r.subjectType),
      rows.map((r) => r.subjectId),
      rows.map((r) => r.periodFrom),
      rows.map((r) => r.periodTo),
      rows.map((r) => r.kpiId),
      rows.map((r) => r.value),
      rows.map((r) => r.numerator),
      rows.map((r) => r.denominator),
    ],
  );
  return rows.length;
}
