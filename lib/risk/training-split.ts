// The default windows of risk.train when none are given: the last months with labels are the evaluation, the months
// before them the training: 3 months as the KCS data set's authors hold out after their 12 training months, fewer
// (a quarter of the months, at least one) when the data is short; with a single month there is nothing to
// evaluate on. Windows are inclusive YYYY-MM-DD dates.
import { monthPeriod } from "@/lib/kernel/calendar";

export type Window = { from: string; to: string };

export type Split = { train: Window; test: Window | null };

export function defaultSplit(months: readonly string[]): Split | null {
  if (!months.length) return null;
  const held = months.length >= 2 ? Math.min(3, Math.max(1, Math.floor(months.length / 4))) : 0;
  const trainMonths = months.slice(0, months.length - held);
  const testMonths = months.slice(months.length - held);
  return {
    train: { from: monthPeriod(trainMonths[0]!).from, to: monthPeriod(trainMonths.at(-1)!).to },
    test: testMonths.length ? { from: monthPeriod(testMonths[0]!).from, to: monthPeriod(testMonths.at(-1)!).to } : null,
  };
}
