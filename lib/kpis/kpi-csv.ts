// The `pmc kpis` CSV (docs/cli.md): header row, "." decimals, values unrounded, empty for null.
import type { KpiRow } from "@/lib/kpis/compute-kpis";
import { csvLine } from "@/lib/csv-cell";

export const KPI_CSV_HEADER = "subject_type,subject_id,period_from,period_to,kpi_id,value,numerator,denominator";

export function kpiCsvLine(r: KpiRow): string {
  return csvLine([r.subjectType, r.subjectId, r.periodFrom, r.periodTo, r.kpiId, r.value, r.numerator, r.denominator]);
}
