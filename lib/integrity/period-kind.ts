// What a flag period is, for its label: a calendar year, quarter or month, or any other range of days.
import { lastDay } from "@/lib/kernel/calendar";

export type PeriodKind =
  | { kind: "year"; year: number }
  | { kind: "quarter"; year: number; quarter: number }
  | { kind: "month"; year: number; month: number }
  | { kind: "range"; from: string; to: string };

export function periodKind(from: string, to: string): PeriodKind {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const wholeMonths = fd === 1 && td === lastDay(ty, tm) && fy === ty;
  if (wholeMonths && fm === 1 && tm === 12) return { kind: "year", year: fy };
  if (wholeMonths && tm - fm === 2 && (fm - 1) % 3 === 0)
    return { kind: "quarter", year: fy, quarter: (fm - 1) / 3 + 1 };
  if (wholeMonths && fm === tm) return { kind: "month", year: fy, month: fm };
  return { kind: "range", from, to };
}

// Longer periods first within a year, then by start: the year, its quarters, its months.
export function comparePeriods(a: { from: string; to: string }, b: { from: string; to: string }): number {
  const rank = (p: { from: string; to: string }) =>
    ({ year: 0, quarter: 1, month: 2, range: 3 })[periodKind(p.from, p.to).kind];
  return (
    b.from.slice(0, 4).localeCompare(a.from.slice(0, 4)) ||
    rank(a) - rank(b) ||
    a.from.localeCompare(b.from) ||
    a.to.localeCompare(b.to)
  );
}
