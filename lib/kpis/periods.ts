// Calendar periods of the KPI results: months (monthly reviews) and quarters (quarterly evaluations).
// Dates are "YYYY-MM-DD" strings, inclusive, as in kpis.md.
export type Period = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, "0");

function lastDay(year: number, month: number): number {
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
