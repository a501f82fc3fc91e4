// Calendar days and periods, the one set of date helpers. Days are "YYYY-MM-DD" strings and periods inclusive; the
// portal counts in UTC days, so a day never shifts with the server's time zone.
export type Period = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, "0");

export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

// "Today" is the server's UTC day (the portal shows times in UTC too).
export const todayIso = (now: Date = new Date()): string => isoDate(now);

// "2025-03-01" → that day's midnight UTC.
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

// The number of days of a period, both ends included.
export const daysIn = (p: Period): number => (dayToDate(p.to).getTime() - dayToDate(p.from).getTime()) / 86_400_000 + 1;

// month: 1..12.
export function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// "2025-03" → { from: "2025-03-01", to: "2025-03-31" }
export function monthPeriod(month: string): Period {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
}

export function quarterPeriod(month: string): Period {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

// Every month the period touches, "YYYY-MM", in order.
export function monthsOf(p: Period): string[] {
  const months: string[] = [];
  for (let m = monthOf(p.from); m <= monthOf(p.to); m = addMonths(m, 1)) months.push(m);
  return months;
}

// The months and quarters that contain any of the given months, without repeats, in date order.
export function periodsForMonths(months: Iterable<string>): Period[] {
  const periods = new Map<string, Period>();
  for (const month of months) {
    for (const p of [monthPeriod(month), quarterPeriod(month)]) periods.set(`${p.from}/${p.to}`, p);
  }
  return [...periods.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export function periodContains(p: Period, month: string): boolean {
  const m = monthPeriod(month);
  return m.from <= p.to && m.to >= p.from;
}
