import { describe, expect, it } from "vitest";
import {
  encodingKeys,
  factorsFor,
  featureScorer,
  logit,
  trainingFeatures,
  type FeatureState,
  type RiskInput,
} from "@/lib/risk/risk-features";
import { chainEstimates, FoldedCounts } from "@/lib/risk/target-encoding";
import { historyAt, monthsBetween, pointInTimeHistory, storedHistory } from "@/lib/risk/entity-history";

const input = (over: Partial<RiskInput>): RiskInput => ({
  declId: "X1",
  regDate: "2021-03-15",
  declarant: "B1",
  importer: "I1",
  hs6: "610910",
  origin: "CN",
  departure: "HK",
  office: "O1",
  cifValue: 1000,
  netKg: 50,
  taxes: 80,
  ...over,
});

describe("hierarchical rates", () => {
  it("shrinks each level towards the one above, and keeps the parent's rate for a level never seen", () => {
    // prior 0.2, m 2: HS2 4 of 8 → (4 + 2·0.2) / 10 = 0.44; HS4 unseen → 0.44; HS6 2 of 2 → (2 + 2·0.44) / 4 = 0.72.
    const rates = chainEstimates([{ n: 8, positives: 4 }, undefined, { n: 2, positives: 2 }], 0.2, 2);
    expect(rates[0]).toBe(0.2);
    expect(rates[1]).toBeCloseTo(0.44, 12);
    expect(rates[2]).toBeCloseTo(0.44, 12);
    expect(rates[3]).toBeCloseTo(0.72, 12);
  });

  it("keeps the parent's rate for a level made of exactly the parent's rows", () => {
    // HS6 3 of 5 → (3 + 0.2) / 6; HS6 × origin the same 5 rows: no second shrinking; × departure 1 of 2.
    const rates = chainEstimates(
      [
        { n: 5, positives: 3 },
        { n: 5, positives: 3 },
        { n: 2, positives: 1 },
      ],
      0.2,
      1,
    );
    expect(rates[1]).toBeCloseTo(3.2 / 6, 12);
    expect(rates[2]).toBe(rates[1]);
    expect(rates[3]).toBeCloseTo((1 + 3.2 / 6) / 3, 12);
  });

  it("counts a code outside one fold as all its rows minus the fold's", () => {
    const counts = new FoldedCounts(["a", "a", "b", "a", null], [1, 0, 1, 1, 1], [0, 1, 0, 1, 0], 2);
    expect(counts.outside("a", 0)).toEqual({ n: 2, positives: 1 });
    expect(counts.outside("a", 1)).toEqual({ n: 1, positives: 1 });
    expect(counts.outside("b", 0)).toBeUndefined();
    expect(counts.outside("a", null)).toEqual({ n: 3, positives: 2 });
    expect(counts.outside(null, 0)).toBeUndefined();
  });

  it("keys the product chain HS2 → HS4 → HS6 → HS6 × origin → HS6 × origin × departure", () => {
    expect(encodingKeys(input({}))).toMatchObject({
      hs2: "61",
      hs4: "6109",
      hs6: "610910",
      hs6Origin: "610910 · CN",
      hs6Route: "610910 · CN · HK",
    });
    expect(encodingKeys(input({ departure: null }))).toMatchObject({ hs6Origin: "610910 · CN", hs6Route: null });
    expect(encodingKeys(input({ hs6: null }))).toMatchObject({ hs2: null, hs6Origin: null, hs6Route: null });
  });
});

describe("entity history", () => {
  it("counts whole calendar months", () => {
    expect(monthsBetween("2020-01-31", "2020-02-29")).toBe(0);
    expect(monthsBetween("2020-01-31", "2020-03-01")).toBe(1);
    expect(monthsBetween("2020-01-15", "2021-03-15")).toBe(14);
    expect(monthsBetween("2020-01-15", "2021-03-14")).toBe(13);
  });

  it("takes each training row's history from earlier days only", () => {
    const rows = [
      { regDate: "2020-03-10", key: "A" },
      { regDate: "2020-01-05", key: "A" },
      { regDate: "2020-01-05", key: "A" },
      { regDate: "2020-02-01", key: "B" },
      { regDate: "2020-04-05", key: "A" },
      { regDate: "2020-04-05", key: null },
    ];
    // A: two on 5 January (nothing before them), then 10 March (2 before, 2 months), then 5 April (3 before, 3 months).
    expect(pointInTimeHistory(rows)).toEqual([
      { count: 2, tenureMonths: 2 },
      { count: 0, tenureMonths: 0 },
      { count: 0, tenureMonths: 0 },
      { count: 0, tenureMonths: 0 },
      { count: 3, tenureMonths: 3 },
      { count: 0, tenureMonths: 0 },
    ]);
    const stored = storedHistory(rows);
    expect(stored).toEqual({ A: [4, "2020-01-05"], B: [1, "2020-02-01"] });
    // A later declaration sees every stored one; tenure never negative.
    expect(historyAt(stored, "A", "2021-01-04")).toEqual({ count: 4, tenureMonths: 11 });
    expect(historyAt(stored, "B", "2019-12-01")).toEqual({ count: 1, tenureMonths: 0 });
    expect(historyAt(stored, "constructor", "2021-01-04")).toEqual({ count: 0, tenureMonths: 0 });
  });
});

describe("the factors of one declaration, against a hand-made training state", () => {
  // Prior 0.25, m = 1. Declarant B1 2 of 4 → (2 + 0.25) / 5 = 0.45. Importer I1 unseen → 0.25. Origin CN 1 of 3 →
  // (1 + 0.25) / 4 = 0.3125. Office O1 0 of 3 → 0.25 / 4 = 0.0625.
  // Product chain: HS2 61 3 of 6 → (3 + 0.25) / 7 = 13/28; HS4 6109 unseen → 13/28; HS6 2 of 2 → (2 + 13/28) / 3
  // = 23/28; HS6 × CN 1 of 1 → (1 + 23/28) / 2 = 51/56; HS6 × CN × HK 0 of 1 → (51/56) / 2 = 51/112.
  // Unit value 1000 / 50 = 20 against the HS6 × CN median e^ln(40) = 40: ln(0.5). Taxes 80 / 1000. Weight ln(50/1000).
  const state: FeatureState = {
    prior: 0.25,
    m: 1,
    tables: {
      declarant: { B1: [4, 2] },
      importer: { I9: [3, 3] },
      origin: { CN: [3, 1] },
      office: { O1: [3, 0] },
      hs2: { "61": [6, 3] },
      hs4: {},
      hs6: { "610910": [2, 2] },
      hs6Origin: { "610910 · CN": [1, 1] },
      hs6Route: { "610910 · CN · HK": [1, 0] },
    },
    history: { declarant: { B1: [4, "2020-06-20"] }, importer: {} },
    unitValueReference: { byHs6Origin: { "610910|CN": Math.log(40) }, byHs6: {}, overall: Math.log(10), minGroup: 1 },
  };
  const d = featureScorer(state)(input({}));
  const woe = (p: number) => logit(p) - logit(0.25);

  it("reads each code's shrunk offence rate as log-odds against the overall rate", () => {
    expect(d.declarant).toEqual({ raw: woe(0.45), value: "B1", rate: 0.45 });
    expect(d.importer).toEqual({ raw: 0, value: "I1", rate: 0.25 });
    expect(d.origin.rate).toBeCloseTo(0.3125, 12);
    expect(d.origin.raw).toBeCloseTo(woe(0.3125), 12);
    expect(d.office.rate).toBeCloseTo(0.0625, 12);
  });

  it("splits the product chain into the product, what its origin adds and what its route adds", () => {
    expect(d.hs6.rate).toBeCloseTo(23 / 28, 12);
    expect(d.hs6.raw).toBeCloseTo(woe(23 / 28), 12);
    expect(d.hs6Origin).toMatchObject({ value: "610910 · CN" });
    expect(d.hs6Origin.rate).toBeCloseTo(51 / 56, 12);
    expect(d.hs6Origin.raw).toBeCloseTo(logit(51 / 56) - logit(23 / 28), 12);
    expect(d.hs6Route.rate).toBeCloseTo(51 / 112, 12);
    expect(d.hs6Route.raw).toBeCloseTo(logit(51 / 112) - logit(51 / 56), 12);
    // The three add up to the log-odds of the finest combination against the overall rate.
    expect(d.hs6.raw! + d.hs6Origin.raw! + d.hs6Route.raw!).toBeCloseTo(woe(51 / 112), 12);
  });

  it("measures the unit value, the taxes and the weight against the value", () => {
    expect(d.unitValue.raw).toBeCloseTo(Math.log(0.5), 12);
    expect(d.unitValue.value).toBeCloseTo(0.5, 12);
    expect(d.taxRate).toEqual({ raw: 0.08, value: 0.08, rate: null });
    expect(d.weightValue.raw).toBeCloseTo(Math.log(0.05), 12);
    expect(d.weightValue.value).toBeCloseTo(50, 12);
    const none = featureScorer(state)(input({ cifValue: 0, taxes: null }));
    expect([none.unitValue.raw, none.taxRate.raw, none.weightValue.raw]).toEqual([null, null, null]);
  });

  it("gives the declarant's and the importer's history as of the declaration", () => {
    // B1: 4 declarations since 20 June 2020 → 8 whole months on 15 March 2021. I1: never seen, a new importer.
    expect(d.declarantCount).toEqual({ raw: Math.log(5), value: 4, rate: null });
    expect(d.declarantTenure).toEqual({ raw: 8, value: 8, rate: null });
    expect(d.importerCount).toEqual({ raw: 0, value: 0, rate: null });
    expect(d.importerTenure).toEqual({ raw: 0, value: null, rate: null });
    expect(d.newImporter).toEqual({ raw: 1, value: 1, rate: null });
    expect(featureScorer(state)(input({ importer: null })).newImporter).toEqual({ raw: 0, value: null, rate: null });
  });

  it("scores a training row as if it were new: its own declaration left out of every count", () => {
    // B1 without this offence: 1 of 3 → (1 + 0.25) / 4; HS6 × CN × HK seen once (this row): the parent's rate.
    const own = featureScorer(state)(input({}), { own: { label: 1 } });
    expect(own.declarant.rate).toBeCloseTo(0.3125, 12);
    expect(own.hs6Route.rate).toBeCloseTo(own.hs6Origin.rate!, 12);
    expect(own.declarantCount.value).toBe(3);
    expect(featureScorer(state)(input({}), { own: { label: 0 } }).declarant.rate).toBeCloseTo((2 + 0.25) / 4, 12);
  });

  it("lists the factors of each interaction setting", () => {
    expect(factorsFor("none")).not.toContain("hs6Origin");
    expect(factorsFor("hs6Origin")).toEqual(expect.arrayContaining(["hs6Origin"]));
    expect(factorsFor("hs6Origin")).not.toContain("hs6Route");
    expect(factorsFor("hs6Route")).toHaveLength(15);
  });
});

describe("training rows", () => {
  // One row per fold (folds = rows): each row's rates come from the three others (leave one out), with their prior.
  // Declarant A: rows 0 (1), 1 (1), 2 (0); B: row 3 (0). m = 1.
  //   row 0: others A 1 of 2, prior 1/3 → (1 + 1/3) / 3 = 4/9      row 2: others A 2 of 2, prior 2/3 → (2 + 2/3) / 3 = 8/9
  //   row 3: B unseen elsewhere → the others' prior 2/3
  const rows = [
    input({ declId: "A1", declarant: "A", regDate: "2020-01-02" }),
    input({ declId: "A2", declarant: "A", regDate: "2020-02-02" }),
    input({ declId: "A3", declarant: "A", regDate: "2020-03-02" }),
    input({ declId: "B1", declarant: "B", regDate: "2020-03-02" }),
  ];
  const { columns, state } = trainingFeatures(rows, [1, 1, 0, 0], {
    m: 1,
    folds: 4,
    seed: 1,
    minUnitValueGroup: 1,
  });

  it("encodes each row from the other rows only", () => {
    expect(columns.declarant[0]).toBeCloseTo(logit(4 / 9) - logit(1 / 3), 12);
    expect(columns.declarant[2]).toBeCloseTo(logit(8 / 9) - logit(2 / 3), 12);
    expect(columns.declarant[3]).toBeCloseTo(0, 12);
  });

  it("takes each row's history at its own date and stores the whole window's for scoring", () => {
    expect(columns.declarantCount).toEqual([0, Math.log(2), Math.log(3), 0]);
    expect(columns.declarantTenure).toEqual([0, 1, 2, 0]);
    expect(state.history.declarant).toEqual({ A: [3, "2020-01-02"], B: [1, "2020-03-02"] });
    expect(state.tables.declarant).toEqual({ A: [3, 2], B: [1, 0] });
    expect(state.prior).toBe(0.5);
  });
});
