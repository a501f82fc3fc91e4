import { describe, expect, it } from "vitest";
import { easterDay, holidaysFor } from "./holidays";
import { dayOf, formatDay, isoWeekday, parseClock, parseDay } from "./local-time";
import { OfficeCalendar } from "./office-calendar";

const at = (date: string, clock: string) => (parseDay(date) as number) * 86_400 + parseClock(clock);
const text = (t: number) => {
  const day = Math.floor(t / 86_400);
  const s = t - day * 86_400;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDay(day)} ${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
};

// Mon–Fri 08:00–18:00, closed on Monday 2025-04-21 (Easter Monday, say).
const calendar = new OfficeCalendar(
  parseClock("08:00"),
  parseClock("18:00"),
  [1, 2, 3, 4, 5],
  new Set([dayOf(2025, 4, 21)]),
);

describe("local time", () => {
  it("parses real dates only and knows weekdays", () => {
    expect(parseDay("2025-02-29")).toBeNull();
    expect(parseDay("2025-13-01")).toBeNull();
    expect(parseDay("2025-1-01")).toBeNull();
    expect(formatDay(parseDay("2024-02-29") as number)).toBe("2024-02-29");
    expect(isoWeekday(dayOf(2025, 1, 1))).toBe(3); // a Wednesday
    expect(isoWeekday(dayOf(2025, 4, 20))).toBe(7); // a Sunday
  });
});

describe("OfficeCalendar", () => {
  it("treats [open, close) as office hours on working days only", () => {
    expect(calendar.isOpenAt(at("2025-04-17", "08:00"))).toBe(true);
    expect(calendar.isOpenAt(at("2025-04-17", "17:59"))).toBe(true);
    expect(calendar.isOpenAt(at("2025-04-17", "18:00"))).toBe(false);
    expect(calendar.isOpenAt(at("2025-04-17", "07:59"))).toBe(false);
    expect(calendar.isOpenAt(at("2025-04-19", "10:00"))).toBe(false); // Saturday
    expect(calendar.isOpenAt(at("2025-04-21", "10:00"))).toBe(false); // holiday
  });

  it("adds working time within the day", () => {
    expect(text(calendar.addWorkingSeconds(at("2025-04-17", "09:15"), 30 * 60))).toBe("2025-04-17 09:45:00");
  });

  it("spills work over the night, the weekend and the holiday", () => {
    // Friday 17:30 + 1 h: 30 min on Friday, Monday is a holiday, 30 min on Tuesday from 08:00.
    expect(text(calendar.addWorkingSeconds(at("2025-04-18", "17:30"), 3600))).toBe("2025-04-22 08:30:00");
    // Thursday 16:00 + 3 h: 2 h on Thursday, 1 h on Friday.
    expect(text(calendar.addWorkingSeconds(at("2025-04-17", "16:00"), 3 * 3600))).toBe("2025-04-18 09:00:00");
  });

  it("starts work lodged outside hours at the next opening and never ends at closing time itself", () => {
    expect(text(calendar.addWorkingSeconds(at("2025-04-19", "11:00"), 600))).toBe("2025-04-22 08:10:00");
    expect(text(calendar.addWorkingSeconds(at("2025-04-17", "17:00"), 3600))).toBe("2025-04-18 08:00:00");
    expect(text(calendar.nextOpening(at("2025-04-17", "06:00")))).toBe("2025-04-17 08:00:00");
  });
});

describe("holidays", () => {
  it("computes Easter Sunday", () => {
    expect(formatDay(easterDay(2024))).toBe("2024-03-31");
    expect(formatDay(easterDay(2025))).toBe("2025-04-20");
    expect(formatDay(easterDay(2026))).toBe("2026-04-05");
  });

  it("lists national holidays with an empty office code and one local holiday", () => {
    const holidays = holidaysFor(2025, 2025, "CMDLA1");
    const national = holidays.filter((h) => h.officeCode === "").map((h) => formatDay(h.day));
    expect(national).toEqual([
      "2025-01-01",
      "2025-02-11",
      "2025-04-18",
      "2025-05-01",
      "2025-05-20",
      "2025-05-29",
      "2025-08-15",
      "2025-12-25",
    ]);
    expect(holidays.filter((h) => h.officeCode === "CMDLA1").map((h) => formatDay(h.day))).toEqual(["2025-12-01"]);
  });
});
