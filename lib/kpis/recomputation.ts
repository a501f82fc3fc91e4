// Which KPI cells to recompute after a change. A cell is (subject type, subject id, month); "*" stands for every
// subject or every month (e.g. office hours changed, which moves I8 everywhere). Cells become one request per
// period (the months and quarters that contain them) and subject type, naming only the officers and offices
// touched.
import { periodsForMonths, periodContains, type Period } from "@/lib/kernel/calendar";
import type { KpiSubjectType } from "@/lib/kpis/compute-kpis";

export type Cell = [subjectType: KpiSubjectType, subjectId: string, month: string];

export type RecomputeRequest = Period & { subjectType: KpiSubjectType; subjectIds: string[] | null };

export function recomputeRequests(
  cells: Cell[],
  monthsWithData: string[],
  extraPeriods: Period[] = [],
): RecomputeRequest[] {
  const everyMonth = cells.some(([, , month]) => month === "*");
  const months = everyMonth ? monthsWithData : [...new Set(cells.map(([, , m]) => m))];
  const periods = [...periodsForMonths(months)];
  for (const extra of extraPeriods) {
    if (
      months.some((m) => periodContains(extra, m)) &&
      !periods.some((p) => p.from === extra.from && p.to === extra.to)
    ) {
      periods.push(extra);
    }
  }
  const requests: RecomputeRequest[] = [];
  for (const period of periods) {
    for (const subjectType of ["officer", "office"] as const) {
      const inPeriod = cells.filter(
        ([type, , month]) => type === subjectType && (month === "*" || periodContains(period, month)),
      );
      if (!inPeriod.length) continue;
      const ids = inPeriod.some(([, id]) => id === "*") ? null : [...new Set(inPeriod.map(([, id]) => id))].sort();
      requests.push({ ...period, subjectType, subjectIds: ids });
      // An officer's change moves their unit too; units are few, so all of them are recomputed.
      if (subjectType === "officer") requests.push({ ...period, subjectType: "unit", subjectIds: null });
    }
  }
  return requests;
}
