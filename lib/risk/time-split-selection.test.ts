import { describe, expect, it } from "vitest";
import { Random } from "@/lib/kernel/seeded-random";
import { DEFAULT_RISK_OPTIONS, riskScorer, trainRiskModel, type LabelledInput } from "@/lib/risk/risk-model";
import { rankingPrecision } from "@/lib/risk/selection-metrics";
import { OPTION_GRID, rollingFolds, selectOptions } from "@/lib/risk/time-split-selection";

const months = (n: number) => Array.from({ length: n }, (_, i) => `2020-${String(i + 1).padStart(2, "0")}`);

describe("rolling time folds", () => {
  it("validates on the last quarters, each trained on every month before", () => {
    const m = months(12);
    expect(rollingFolds(m)).toEqual([
      { trainMonths: m.slice(0, 3), validMonths: m.slice(3, 6) },
      { trainMonths: m.slice(0, 6), validMonths: m.slice(6, 9) },
      { trainMonths: m.slice(0, 9), validMonths: m.slice(9, 12) },
    ]);
  });

  it("shortens the blocks to a quarter of a short window, and keeps at least one training month", () => {
    const m = months(3);
    expect(rollingFolds(m)).toEqual([
      { trainMonths: ["2020-01"], validMonths: ["2020-02"] },
      { trainMonths: ["2020-01", "2020-02"], validMonths: ["2020-03"] },
    ]);
    expect(rollingFolds(months(1))).toEqual([]);
  });
});

describe("options chosen by time", () => {
  // Six months; declarant R1 offends 70 % of the time, the others 15 %.
  const rnd = new Random(11);
  const rows: LabelledInput[] = Array.from({ length: 1200 }, (_, i) => {
    const declarant = rnd.chance(0.15) ? "R1" : `D${rnd.int(30)}`;
    const illicit = rnd.chance(declarant === "R1" ? 0.7 : 0.15) ? 1 : 0;
    return {
      declId: `S${String(i).padStart(5, "0")}`,
      regDate: `2020-${String(1 + Math.floor(i / 200)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      declarant,
      importer: `I${rnd.int(300)}`,
      hs6: "610910",
      origin: "CN",
      departure: "CN",
      office: "O1",
      cifValue: 100,
      netKg: 10,
      taxes: 8,
      illicit,
      revenue: 0,
    };
  });

  it("measures every candidate on every fold and keeps the best mean precision@5 %", () => {
    const selection = selectOptions(rows, DEFAULT_RISK_OPTIONS);
    // Six months: blocks of one month, the last three months validated.
    expect(selection.folds.map((f) => [f.train.from, f.train.to, f.valid.from, f.valid.to])).toEqual([
      ["2020-01", "2020-03", "2020-04", "2020-04"],
      ["2020-01", "2020-04", "2020-05", "2020-05"],
      ["2020-01", "2020-05", "2020-06", "2020-06"],
    ]);
    expect(selection.folds.map((f) => f.valid.rows)).toEqual([200, 200, 200]);
    expect(selection.candidates).toHaveLength(
      OPTION_GRID.m.length * OPTION_GRID.l2.length * OPTION_GRID.interactions.length,
    );
    for (const c of selection.candidates) expect(c.precisionAt5).toHaveLength(3);
    const best = Math.max(...selection.candidates.map((c) => c.meanPrecisionAt5));
    const chosen = selection.candidates.find(
      (c) =>
        c.m === selection.chosen!.m &&
        c.l2 === selection.chosen!.l2 &&
        c.interactions === selection.chosen!.interactions,
    )!;
    expect(chosen.meanPrecisionAt5).toBe(best);
    // The risky declarant is found: the top 5 % of each month (10 rows) is mostly R1's offences.
    expect(best).toBeGreaterThan(0.5);
    // Each fold's figure is what the model trained on the months before would have done on its month, scored the
    // way a stored model scores.
    const model = trainRiskModel(
      rows.filter((r) => r.regDate < "2020-04"),
      { ...DEFAULT_RISK_OPTIONS, ...selection.chosen! },
    );
    const april = rows.filter((r) => r.regDate.startsWith("2020-04"));
    const score = riskScorer(model);
    expect(chosen.precisionAt5[0]).toBe(
      rankingPrecision(
        april,
        april.map((r) => r.illicit),
        april.map((r) => score(r).logit),
        5,
      ),
    );
    expect(selectOptions(rows, DEFAULT_RISK_OPTIONS)).toEqual(selection);
  }, 60_000);

  it("keeps the defaults when the window has a single month", () => {
    const selection = selectOptions(
      rows.filter((r) => r.regDate < "2020-02"),
      DEFAULT_RISK_OPTIONS,
    );
    expect(selection).toMatchObject({ folds: [], candidates: [], chosen: null });
  });
});
