// Public holidays written to holidays.csv and used by the office calendars. Cameroon's fixed-date national holidays
// and the Easter-based Christian ones; the lunar Muslim feasts are left out because their dates are announced yearly.
import { dayOf, isoWeekday } from "./local-time";

export type Holiday = { day: number; officeCode: string; name: string };

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, day);
}

function firstMondayOfDecember(year: number): number {
  let day = dayOf(year, 12, 1);
  while (isoWeekday(day) !== 1) day++;
  return day;
}

/** National holidays (empty office code) plus one office-specific closure, for every year in [fromYear, toYear]. */
export function holidaysFor(fromYear: number, toYear: number, localHolidayOffice: string): Holiday[] {
  const holidays: Holiday[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const easter = easterDay(year);
    holidays.push(
      { day: dayOf(year, 1, 1), officeCode: "", name: "New Year's Day" },
      { day: dayOf(year, 2, 11), officeCode: "", name: "Youth Day" },
      { day: easter - 2, officeCode: "", name: "Good Friday" },
      { day: dayOf(year, 5, 1), officeCode: "", name: "Labour Day" },
      { day: dayOf(year, 5, 20), officeCode: "", name: "National Day" },
      { day: easter + 39, officeCode: "", name: "Ascension Day" },
      { day: dayOf(year, 8, 15), officeCode: "", name: "Assumption Day" },
      { day: dayOf(year, 12, 25), officeCode: "", name: "Christmas Day" },
      // Douala's Ngondo festival week: the port office closes on its Monday.
      { day: firstMondayOfDecember(year), officeCode: localHolidayOffice, name: "Ngondo festival (local)" },
    );
  }
  return holidays.sort((x, y) => x.day - y.day || x.officeCode.localeCompare(y.officeCode));
}
