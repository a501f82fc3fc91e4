// The `pmc flags` CSV (spec/cli.md): method, kpi_id, subject_type, subject_id, related_id, period_from, period_to,
// score, n — unrounded, empty for null.
import type { Flag } from "@/lib/integrity/detect-flags";

export const FLAG_CSV_HEADER = "method,kpi_id,subject_type,subject_id,related_id,period_from,period_to,score,n";

const cell = (v: string | number | null) => {
  if (v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function flagCsvLine(f: Flag): string {
  return [f.method, f.kpiId, f.subjectType, f.subjectId, f.relatedId, f.periodFrom, f.periodTo, f.score, f.n].map(cell).join(",");
}
