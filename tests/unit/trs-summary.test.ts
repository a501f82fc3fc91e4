// Pure readings of a TRS table: stage bars, bottlenecks, scope figures and the before/after comparison, on rows
// written here with round numbers.
import { describe, expect, it } from "vitest";
import { bottlenecks, compareTrs, largestStage, scopeFigures, stageBars } from "@/lib/trs/trs-summary";
import { TRS_INTERVAL_IDS, type TrsInterval, type TrsRow } from "@/lib/trs/trs-intervals";

const row = (
  officeCode: string,
  lane: string,
  interval: TrsInterval,
  count: number,
  medianH: number | null,
  censored = 0,
  meanH = medianH,
  p90H = medianH,
): TrsRow => ({
  officeCode,
  lane,
  interval,
  count,
  meanH,
  medianH,
  p90H,
  censored,
});

// Office A, lane G: stages 2 + 6 + 1 + 1 = 10 h (registration → assessment is 60 %); 10 declarations, 2 not assessed.
// Office A, lane R: 4 + 20 + 10 + 6 = 40 h (registration → assessment 50 %), 4 declarations, 1 not released.
// Office B, lane G: 30 + 2 + 2 + 6 = 40 h (arrival → registration 75 %; after registration payment → release 60 %),
//   30 declarations.
const ROWS: TrsRow[] = [
  row("A", "G", "arrival_reg", 8, 2),
  row("A", "G", "reg_asmt", 8, 6, 2),
  row("A", "G", "asmt_pay", 8, 1),
  row("A", "G", "pay_release", 8, 1),
  row("A", "G", "reg_release", 8, 9, 2),
  row("A", "G", "arrival_release", 8, 11),
  row("A", "R", "arrival_reg", 4, 4),
  row("A", "R", "reg_asmt", 4, 20),
  row("A", "R", "asmt_pay", 4, 10),
  row("A", "R", "pay_release", 3, 6, 1),
  row("A", "R", "reg_release", 3, 35, 1),
  row("A", "R", "arrival_release", 3, 39, 1),
  row("B", "G", "arrival_reg", 30, 30),
  row("B", "G", "reg_asmt", 30, 2),
  row("B", "G", "asmt_pay", 30, 2),
  row("B", "G", "pay_release", 30, 6),
  row("B", "G", "reg_release", 30, 10),
  row("B", "G", "arrival_release", 30, 40),
];

describe("stage bars", () => {
  it("gives one bar per office × lane in lane order, with each stage's median and the declarations counted", () => {
    expect(stageBars([...ROWS].reverse(), "medianH")).toEqual([
      { officeCode: "A", lane: "G", stages: { arrival_reg: 2, reg_asmt: 6, asmt_pay: 1, pay_release: 1 }, count: 10 },
      { officeCode: "A", lane: "R", stages: { arrival_reg: 4, reg_asmt: 20, asmt_pay: 10, pay_release: 6 }, count: 4 },
      { officeCode: "B", lane: "G", stages: { arrival_reg: 30, reg_asmt: 2, asmt_pay: 2, pay_release: 6 }, count: 30 },
    ]);
  });
});

describe("bottlenecks", () => {
  it("names the stage with the largest share, overall and after registration", () => {
    expect(largestStage({ arrival_reg: 2, reg_asmt: 6, asmt_pay: 1, pay_release: 1 })).toEqual({
      stage: "reg_asmt",
      hours: 6,
      share: 0.6,
    });
    expect(largestStage({ arrival_reg: 30, reg_asmt: 2, asmt_pay: 2, pay_release: 6 }, "reg_asmt")).toEqual({
      stage: "pay_release",
      hours: 6,
      share: 0.6,
    });
    // A negative median (payment recorded after release) counts as 0; nothing at all is no bottleneck.
    expect(largestStage({ arrival_reg: null, reg_asmt: 3, asmt_pay: null, pay_release: -1 })).toEqual({
      stage: "reg_asmt",
      hours: 3,
      share: 1,
    });
    expect(largestStage({ arrival_reg: null, reg_asmt: null, asmt_pay: 0, pay_release: null })).toBeNull();
  });

  it("weights each office's stage median by its count per lane, and finds the slowest office × lane", () => {
    const found = bottlenecks(ROWS);
    // Lane G: arrival_reg (2·8 + 30·30)/38 = 24.105; reg_asmt (6·8 + 2·30)/38 = 2.842; asmt_pay (8 + 60)/38 = 1.789;
    // pay_release (8 + 180)/38 = 4.947 → arrival → registration, 24.105 / 33.684 = 71.6 %; after registration,
    // payment → release 4.947 / 9.579 = 51.6 %. Lane R (office A only): registration → assessment 20/40.
    expect(
      found.perLane.map((b) => [b.lane, b.stage, Math.round(b.share * 1000) / 1000, b.count, b.customs?.stage]),
    ).toEqual([
      ["G", "arrival_reg", 0.716, 40, "pay_release"],
      ["R", "reg_asmt", 0.5, 4, "reg_asmt"],
    ]);
    expect(found.perLane[0]!.hours).toBeCloseTo((2 * 8 + 30 * 30) / 38, 9);
    expect(found.slowest).toEqual({ officeCode: "A", lane: "R", medianH: 35, p90H: 35, count: 3 });
    expect(found.perGroup.map((g) => [g.officeCode, g.lane, g.stage, g.customs?.stage])).toEqual([
      ["A", "G", "reg_asmt", "reg_asmt"],
      ["A", "R", "reg_asmt", "reg_asmt"],
      ["B", "G", "arrival_reg", "pay_release"],
    ]);
  });

  it("has nothing to say about an empty table", () => {
    expect(bottlenecks([])).toEqual({ perLane: [], perGroup: [], slowest: null });
  });
});

describe("scope figures", () => {
  it("counts every declaration once through registration → assessment, and the unreleased through reg → release", () => {
    // 10 + 4 + 30 = 44 declarations; released 8 + 3 + 30 = 41; not released 2 + 1 = 3.
    expect(scopeFigures(ROWS)).toEqual({ offices: ["A", "B"], declarations: 44, released: 41, notReleased: 3 });
  });
});

describe("before / after", () => {
  it("pairs rows by office × lane × interval, with the change of median, mean and p90", () => {
    const before = [row("A", "G", "reg_asmt", 10, 8, 0, 9, 20), row("A", "G", "reg_release", 10, 12)];
    const after = [row("A", "G", "reg_asmt", 12, 6, 1, 7, 15), row("B", "R", "reg_asmt", 1, 3)];
    expect(compareTrs(before, after, TRS_INTERVAL_IDS)).toEqual([
      {
        officeCode: "A",
        lane: "G",
        interval: "reg_asmt",
        before: before[0],
        after: after[0],
        medianDelta: -2,
        medianChange: -0.25,
        meanDelta: -2,
        p90Delta: -5,
      },
      {
        officeCode: "A",
        lane: "G",
        interval: "reg_release",
        before: before[1],
        after: null,
        medianDelta: null,
        medianChange: null,
        meanDelta: null,
        p90Delta: null,
      },
      {
        officeCode: "B",
        lane: "R",
        interval: "reg_asmt",
        before: null,
        after: after[1],
        medianDelta: null,
        medianChange: null,
        meanDelta: null,
        p90Delta: null,
      },
    ]);
  });
});
