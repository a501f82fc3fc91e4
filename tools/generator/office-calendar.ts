// Office hours, working days and holidays of one office, and "working time" arithmetic on them: officers' work that
// does not fit before closing time resumes at the next opening, so delays spill over nights, weekends and holidays.
import { isoWeekday, SECONDS_PER_DAY } from "./local-time";

/** Far more than any run of closed days; guards against looping forever on a calendar with no open day. */
const MAX_CLOSED_DAYS = 60;

export class OfficeCalendar {
  private readonly workdays: ReadonlySet<number>;

  constructor(
    readonly openSecond: number,
    readonly closeSecond: number,
    workdays: readonly number[],
    private readonly holidays: ReadonlySet<number>,
  ) {
    if (!(openSecond < closeSecond)) throw new Error("office must open before it closes");
    if (workdays.length === 0) throw new Error("office needs at least one working day");
    this.workdays = new Set(workdays);
  }

  isWorkingDay(day: number): boolean {
    return this.workdays.has(isoWeekday(day)) && !this.holidays.has(day);
  }

  /** Inside [open, close) on a working day: the I8 definition of "in hours". */
  isOpenAt(t: number): boolean {
    const day = Math.floor(t / SECONDS_PER_DAY);
    const second = t - day * SECONDS_PER_DAY;
    return second >= this.openSecond && second < this.closeSecond && this.isWorkingDay(day);
  }

  /** t itself when the office is open then, else the next opening instant. */
  nextOpening(t: number): number {
    const day = Math.floor(t / SECONDS_PER_DAY);
    const second = t - day * SECONDS_PER_DAY;
    if (this.isWorkingDay(day)) {
      if (second < this.openSecond) return day * SECONDS_PER_DAY + this.openSecond;
      if (second < this.closeSecond) return t;
    }
    return this.nextWorkingDay(day) * SECONDS_PER_DAY + this.openSecond;
  }

  nextWorkingDay(afterDay: number): number {
    for (let d = afterDay + 1; d <= afterDay + MAX_CLOSED_DAYS; d++) if (this.isWorkingDay(d)) return d;
    throw new Error("no working day within 60 days");
  }

  /** Closing instant of the day containing t. */
  closingOf(t: number): number {
    return Math.floor(t / SECONDS_PER_DAY) * SECONDS_PER_DAY + this.closeSecond;
  }

  /** The instant reached after `seconds` of office time from t (rounded to whole seconds), always strictly in hours. */
  addWorkingSeconds(t: number, seconds: number): number {
    let rest = Math.max(0, Math.round(seconds));
    let current = this.nextOpening(t);
    for (;;) {
      const available = this.closingOf(current) - current;
      if (rest < available) return current + rest;
      rest -= available;
      current = this.nextOpening(this.closingOf(current));
    }
  }
}
