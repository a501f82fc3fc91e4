// The `pmc triage` CSV (docs/cli.md): rank, subject_type, subject_id, priority, flags, methods, first_period,
// last_period — one row per subject, best first, the priority unrounded.
import { csvLine } from "@/lib/csv-cell";
import type { SubjectRow } from "@/lib/integrity/rank-subjects";

export const TRIAGE_CSV_HEADER = "rank,subject_type,subject_id,priority,flags,methods,first_period,last_period";

export function triageCsvLine(r: SubjectRow): string {
  return csvLine([
    r.rank,
    r.subjectType,
    r.subjectId,
    r.priority,
    r.flagIds.length,
    r.methods.join("|"),
    r.firstPeriod,
    r.lastPeriod,
  ]);
}
