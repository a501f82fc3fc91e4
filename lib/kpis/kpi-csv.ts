// The `pmc kpis` CSV (spec/cli.md): header row, "." decimals, values unrounded, empty for null.
import type { KpiRow } from "@/lib/kpis/compute-kpis";

export const KPI_CSV_HEADER = "subject_type,subject_id,period_from,period_to,kpi_id,value,numerator,denominator";

const cell = (v: string | number | null) => {
  if (v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function kpiCsvLine(r: KpiRow): string {
  return [r.subjectType, r.subjectId, r.periodFrom, r.periodTo, r.kpiId, r.value, r.numerator, r.denominator]
    .map(cell)
    .join(",");
}
