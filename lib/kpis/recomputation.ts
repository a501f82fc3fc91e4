// Which KPI cells to recompute after a change. A cell is (subject type, subject id, month); "*" stands for every
// subject or every month (e.g. office hours changed, which moves I8 everywhere). Cells become one request per
// quarter that contains them, naming the touched months inside it and the officers and offices touched (null: all
// of them; empty: none): the quarter's job recomputes those months, then the quarter from its months
// (docs/decisions/038-periods-from-months.md). An officer's change moves their unit too, so the units recomputed
// are those of the officers named.
import { periodContains, quarterPeriod, type Period } from "@/lib/kernel/calendar";
import type { KpiSubjectType } from "@/lib/kpis/compute-kpis";

export type Cell = [subjectType: KpiSubjectType, subjectId: string, month: string];

export type RecomputeRequest = Period & { months: string[]; officers: string[] | null; offices: string[] | null };

export function recomputeRequests(cells: Cell[], monthsWithData: string[]): RecomputeRequest[] {
  const everyMonth = cells.some(([, , month]) => month === "*");
  const months = [...new Set(everyMonth ? monthsWithData : cells.map(([, , m]) => m))].sort();
  const quarters = new Map<string, Period & { months: string[] }>();
  for (const month of months) {
    const q = quarterPeriod(month);
    const entry = quarters.get(q.from) ?? { ...q, months: [] };
    entry.months.push(month);
    quarters.set(q.from, entry);
  }
  const requests: RecomputeRequest[] = [];
  for (const period of quarters.values()) {
    const touched = (subjectType: KpiSubjectType): string[] | null => {
      const inPeriod = cells.filter(
        ([type, , month]) => type === subjectType && (month === "*" || periodContains(period, month)),
      );
      return inPeriod.some(([, id]) => id === "*") ? null : [...new Set(inPeriod.map(([, id]) => id))].sort();
    };
    const officers = touched("officer");
    const offices = touched("office");
    if (officers?.length === 0 && offices?.length === 0) continue;
    requests.push({ ...period, officers, offices });
  }
  return requests;
}
