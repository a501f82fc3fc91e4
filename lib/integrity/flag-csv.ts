// The `pmc flags` CSV (docs/cli.md): method, kpi_id, subject_type, subject_id, related_id, period_from, period_to,
// score, n — unrounded, empty for null.
import type { Flag } from "@/lib/integrity/detect-flags";
import { csvLine } from "@/lib/csv-cell";

export const FLAG_CSV_HEADER = "method,kpi_id,subject_type,subject_id,related_id,period_from,period_to,score,n";

export function flagCsvLine(f: Flag): string {
  return csvLine([f.method, f.kpiId, f.subjectType, f.subjectId, f.relatedId, f.periodFrom, f.periodTo, f.score, f.n]);
}
