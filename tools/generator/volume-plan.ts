// How many declarations each office registers on each day, and at what times: exact total, busier on working days,
// mildly seasonal, with a trickle of electronic lodgements outside office hours.
import type { OfficeCalendar } from "./office-calendar";
import { isoWeekday, SECONDS_PER_DAY, SECONDS_PER_HOUR } from "./local-time";
import type { Random } from "@/lib/kernel/seeded-random";

/** Electronic lodgement still arrives on closed days, at a small fraction of a working day's traffic. */
const CLOSED_DAY_FACTOR = 0.03;
const WEEKEND_OPEN_FACTOR = 0.55;
const OUT_OF_HOURS_SHARE = 0.05;

function dayFactor(calendar: OfficeCalendar, day: number): number {
  if (!calendar.isWorkingDay(day)) return CLOSED_DAY_FACTOR;
  return isoWeekday(day) >= 6 ? WEEKEND_OPEN_FACTOR : 1;
}

/** Year-end peak, August dip: ±8 % around the mean. */
function seasonality(day: number): number {
  const dayOfYear = (((day % 365.25) + 365.25) % 365.25) / 365.25;
  return 1 + 0.08 * Math.cos(2 * Math.PI * (dayOfYear - 0.96));
}

/**
 * counts[(day − fromDay) · offices + o]: each office gets its share of the total, spread over days by weight, and
 * cumulative rounding makes the grand total exactly `total`.
 */
export function planDailyVolumes(
  shares: readonly number[],
  calendars: readonly OfficeCalendar[],
  fromDay: number,
  toDay: number,
  total: number,
): Int32Array {
  const days = toDay - fromDay + 1;
  const officeCount = shares.length;
  const weights = new Float64Array(days * officeCount);
  const shareSum = shares.reduce((a, b) => a + b, 0);
  shares.forEach((share, o) => {
    const calendar = calendars[o] as OfficeCalendar;
    let officeSum = 0;
    for (let d = 0; d < days; d++) {
      const w = dayFactor(calendar, fromDay + d) * seasonality(fromDay + d);
      weights[d * officeCount + o] = w;
      officeSum += w;
    }
    const scale = share / (shareSum * officeSum);
    for (let d = 0; d < days; d++) weights[d * officeCount + o] = (weights[d * officeCount + o] as number) * scale;
  });
  const counts = new Int32Array(days * officeCount);
  let cumulative = 0;
  let assigned = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i] as number;
    const target = i === weights.length - 1 ? total : Math.round(cumulative * total);
    counts[i] = Math.max(0, target - assigned);
    assigned += counts[i] as number;
  }
  return counts;
}

/** Registration instants for one office-day, ascending (serial numbers then follow time). */
export function registrationTimes(calendar: OfficeCalendar, day: number, count: number, random: Random): number[] {
  const start = day * SECONDS_PER_DAY;
  const open = calendar.openSecond;
  const close = calendar.closeSecond;
  const working = calendar.isWorkingDay(day);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    let second: number;
    if (!working) {
      second = random.uniform(8 * SECONDS_PER_HOUR, 20 * SECONDS_PER_HOUR);
    } else if (random.chance(OUT_OF_HOURS_SHARE)) {
      // Brokers lodging from their own offices in the evening or before opening.
      second = random.chance(0.7)
        ? Math.min(SECONDS_PER_DAY - 1, close + random.uniform(0, 3 * SECONDS_PER_HOUR))
        : random.uniform(Math.max(0, open - 2 * SECONDS_PER_HOUR), open);
    } else {
      // Peaks mid-morning: a triangular draw pulled slightly towards the opening.
      const fraction = ((random.next() + random.next()) / 2) ** 1.15;
      second = open + fraction * (close - open);
    }
    times.push(start + Math.min(SECONDS_PER_DAY - 1, Math.floor(second)));
  }
  return times.sort((a, b) => a - b);
}
