import { describe, expect, it } from "vitest";
import { dayOf, isoWeekday, parseClock } from "./local-time";
import { OfficeCalendar } from "./office-calendar";
import { Random } from "@/lib/kernel/seeded-random";
import { planDailyVolumes, registrationTimes } from "./volume-plan";

const weekdays = new OfficeCalendar(parseClock("08:00"), parseClock("17:00"), [1, 2, 3, 4, 5], new Set());
const everyDay = new OfficeCalendar(parseClock("06:00"), parseClock("22:00"), [1, 2, 3, 4, 5, 6, 7], new Set());
const from = dayOf(2025, 1, 1);
const to = dayOf(2025, 12, 31);

describe("planDailyVolumes", () => {
  it("allocates exactly the requested total, split by office share", () => {
    for (const total of [1, 7, 20_000, 1_000_003]) {
      const counts = planDailyVolumes([0.75, 0.25], [weekdays, everyDay], from, to, total);
      const perOffice = [0, 0];
      counts.forEach((c, i) => {
        perOffice[i % 2] = (perOffice[i % 2] as number) + c;
      });
      expect((perOffice[0] as number) + (perOffice[1] as number)).toBe(total);
      if (total >= 20_000) expect((perOffice[0] as number) / total).toBeCloseTo(0.75, 3);
    }
  });

  it("gives closed days only a trickle of electronic lodgements", () => {
    const counts = planDailyVolumes([1], [weekdays], from, to, 100_000);
    let open = 0;
    let closed = 0;
    counts.forEach((c, d) => {
      if (isoWeekday(from + d) <= 5) open += c;
      else closed += c;
    });
    expect(closed / (open + closed)).toBeLessThan(0.02);
  });
});

describe("registrationTimes", () => {
  it("returns sorted instants within the day, mostly within office hours", () => {
    const day = dayOf(2025, 3, 4);
    const times = registrationTimes(weekdays, day, 5000, new Random(5));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => t >= day * 86_400 && t < (day + 1) * 86_400)).toBe(true);
    const inHours = times.filter((t) => weekdays.isOpenAt(t)).length / times.length;
    expect(inHours).toBeGreaterThan(0.93);
    expect(inHours).toBeLessThan(0.97);
  });
});
