// The calendar of a contract: the months it reviews and the quarters it evaluates, clipped to its own period, and
// "the period so far" its current indicators cover. Dates are "YYYY-MM-DD" strings, inclusive (docs/indicators.md,
// Scope).
import { isoDate, monthPeriod, monthsOf, quarterPeriod, type Period } from "@/lib/kernel/calendar";

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

// The part of `p` inside `within`, or null when they do not meet.
export function clipPeriod(p: Period, within: Period): Period | null {
  const from = later(p.from, within.from);
  const to = earlier(p.to, within.to);
  return from <= to ? { from, to } : null;
}

// From the start of the contract to today (or its end, when over); null before it starts.
export function periodSoFar(contract: Period, today: string): Period | null {
  return clipPeriod(contract, { from: contract.from, to: today });
}

// The months of the contract, each clipped to the contract (a contract starting on the 15th reviews its first
// month from the 15th), limited to those that have started by `today`.
export function contractMonths(contract: Period, today: string): { month: string; period: Period }[] {
  return monthsOf(contract).flatMap((month) => {
    const period = clipPeriod(monthPeriod(month), contract);
    return period && period.from <= today ? [{ month, period }] : [];
  });
}

// "2025-Q2" for any month of April to June 2025.
export function quarterOf(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

export const QUARTER = /^(\d{4})-Q([1-4])$/;

export function quarterCalendarPeriod(quarter: string): Period | null {
  const match = QUARTER.exec(quarter);
  if (!match) return null;
  const firstMonth = (Number(match[2]) - 1) * 3 + 1;
  return quarterPeriod(`${match[1]}-${String(firstMonth).padStart(2, "0")}`);
}

// The quarters a contract is evaluated on, each clipped to the contract period: a six-month contract from March
// to August has three (March alone, April–June, July–August). `ended` = the clipped quarter is over by `today`.
export function contractQuarters(
  contract: Period,
  today: string,
): { quarter: string; period: Period; ended: boolean }[] {
  const quarters = [...new Set(monthsOf(contract).map(quarterOf))];
  return quarters.flatMap((quarter) => {
    const period = clipPeriod(quarterCalendarPeriod(quarter)!, contract);
    return period ? [{ quarter, period, ended: period.to < today }] : [];
  });
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.from <= b.to && b.from <= a.to;
}

// A template's period: from the given first day, that many months, ending the day before ("2025-03-01", 6 →
// "2025-08-31"); "" for a day that is not a date.
export function periodEnd(from: string, months: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(d.getTime())) return "";
  return isoDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate() - 1)));
}
