// Which stored TRS and mirror tables an import calls for. TRS groups declarations by their registration month, so
// the months an import touched (its KPI cells, lib/kpis/recomputation.ts) give the calendar months, quarters and
// years to recompute; "*" cells (office hours, holidays, officers) change no TRS figure. A mirror year is recomputed
// when its declarations or items changed, or when partner exports or exchange rates were imported; only years that
// have both partner exports and an exchange rate can be computed at all.
import { periodsForMonths, type Period } from "@/lib/kernel/calendar";
import type { Cell } from "@/lib/kpis/recomputation";

const MIRROR_FILES = new Set(["mirror_exports.csv", "exchange_rates.csv"]);

export type AnalysisRequests = { trsPeriods: Period[]; mirrorYears: number[] };

export function analysisRequests(
  cells: Cell[],
  changedFiles: string[],
  computableMirrorYears: number[],
): AnalysisRequests {
  const months = [...new Set(cells.map(([, , month]) => month).filter((m) => /^\d{4}-\d{2}$/.test(m)))].sort();
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const trsPeriods = [
    ...periodsForMonths(months),
    ...years.map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` })),
  ].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const everyMirrorYear = changedFiles.some((f) => MIRROR_FILES.has(f));
  const mirrorYears = computableMirrorYears.filter((y) => everyMirrorYear || years.includes(y)).sort((a, b) => a - b);
  return { trsPeriods, mirrorYears };
}
