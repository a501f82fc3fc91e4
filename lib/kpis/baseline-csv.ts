// The `pmc baselines` CSV (docs/cli.md): header row, "." decimals, values unrounded.
import type { BaselineRow } from "@/lib/kpis/baselines";
import { csvLine } from "@/lib/csv-cell";

export const BASELINE_CSV_HEADER = "kpi_id,group,n_subjects,p10,p25,p50,p75,p90";

export function baselineCsvLine(r: BaselineRow): string {
  return csvLine([r.kpiId, r.group, r.nSubjects, r.p10, r.p25, r.p50, r.p75, r.p90]);
}
