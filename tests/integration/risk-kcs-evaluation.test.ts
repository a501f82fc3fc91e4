// The risk model evaluated on the real KCS synthetic declarations the way the customs fraud-detection literature
// does (lib/risk/kcs-evaluation.ts): trained on 2020 (df_syn_train_eng.csv), scored on 2021-Q1
// (df_syn_valid_eng.csv), the top n % inspected. The model must beat a random selection clearly where a customs
// administration would actually work (5 and 10 % of the declarations), and the committed benchmark result must be
// what the code computes. Reads the files directly: no database.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateOnKcs, type KcsEvaluationResult } from "@/lib/risk/kcs-evaluation";
import { KCS_DATA_DIR, kcsDataMissing } from "@/tests/support/kcs-data";

describe.skipIf(kcsDataMissing())("risk model on the KCS data set", () => {
  let result: KcsEvaluationResult;

  it("trains on 2020 and scores 2021-Q1, the authors' time split", async () => {
    result = await evaluateOnKcs(KCS_DATA_DIR);
    expect(result.split.train).toMatchObject({ from: "2020-01-01", to: "2020-12-31", rows: 37385, rejected: 0 });
    expect(result.split.test).toMatchObject({
      from: "2021-01-01",
      to: "2021-03-31",
      rows: 8134,
      rejected: 0,
      fraud: 1704,
    });
    // 1,704 frauds among 8,134 rows.
    expect(result.baseRatePct).toBe(20.95);
    expect(result.perN.map((r) => [r.n, r.k])).toEqual([
      [1, 81],
      [2, 163],
      [5, 407],
      [10, 813],
    ]);
    expect(result.model.converged).toBe(true);
  }, 900_000);

  it("beats the fraud share and a seeded random selection at 5 and 10 % inspected", () => {
    for (const row of result.perN.filter((r) => r.n >= 5)) {
      // Precision of a random selection is the base rate; the model must do at least 1.2 times better…
      expect(row.model.precisionPct!).toBeGreaterThan(result.baseRatePct! * 1.2);
      expect(row.model.precisionPct!).toBeGreaterThan(row.random.precisionPct!);
      // …and find more than n % of the frauds (a random selection's recall).
      expect(row.model.recallPct!).toBeGreaterThan(row.n * 1.2);
      expect(row.model.recallPct!).toBeGreaterThan(row.random.recallPct!);
    }
    // The goal of the risk unit: at least 70 % of the declarations inspected at 5 % hold an offence, and the lower
    // end of the 95 % interval above the fraud share.
    const at5 = result.perN.find((r) => r.n === 5)!.model;
    expect(at5.precisionPct!).toBeGreaterThanOrEqual(70);
    expect(at5.precisionInterval95Pct![0]!).toBeGreaterThan(result.baseRatePct!);
    // The random selection is an actual draw: near the base rate, not equal to it by construction.
    const random10 = result.perN.find((r) => r.n === 10)!.random;
    expect(Math.abs(random10.precisionPct! - result.baseRatePct!)).toBeLessThan(5);
  });

  it("is what bench/results/risk.json reports", () => {
    const bench = JSON.parse(fs.readFileSync(path.resolve("bench/results/risk.json"), "utf8")) as KcsEvaluationResult;
    expect(bench.split).toEqual(result.split);
    expect(bench.options).toEqual(result.options);
    expect(bench.perN).toEqual(result.perN);
  });
});
