import { describe, expect, it } from "vitest";
import { Random } from "@/lib/kernel/seeded-random";
import {
  DEFAULT_RISK_OPTIONS,
  raisingFactors,
  riskScorer,
  trainRiskModel,
  type LabelledInput,
} from "@/lib/risk/risk-model";

// A synthetic year: declarant R1 is caught 80 % of the time, the other declarants 10 %; HS6 and origin carry no
// signal; unit values are lognormal around 10 per kg, and undervalued items (a tenth of the usual value) are
// fraudulent half the time.
function synthetic(rows: number, seed: number): LabelledInput[] {
  const rnd = new Random(seed);
  return Array.from({ length: rows }, (_, i) => {
    const declarant = rnd.chance(0.1) ? "R1" : `D${rnd.int(40)}`;
    const under = rnd.chance(0.1);
    const netKg = 1 + rnd.int(100);
    const cifValue = netKg * 10 * Math.exp(rnd.normal() * 0.2) * (under ? 0.1 : 1);
    const p = declarant === "R1" ? 0.8 : under ? 0.5 : 0.1;
    const illicit = rnd.chance(p) ? 1 : 0;
    return {
      declId: `X${String(i).padStart(6, "0")}`,
      declarant,
      importer: `I${rnd.int(500)}`,
      hs6: `61091${rnd.int(3)}`,
      origin: rnd.chance(0.5) ? "CN" : "VN",
      office: "O1",
      cifValue,
      netKg,
      illicit,
      revenue: illicit ? 100 : 0,
    };
  });
}

describe("risk model", () => {
  const rows = synthetic(4000, 3);
  const model = trainRiskModel(rows);
  const score = riskScorer(model);

  it("learns that the risky declarant and undervaluation raise the risk, and next to nothing from the one office", () => {
    const byFactor = Object.fromEntries(model.features.map((f) => [f.factor, f.coefficient]));
    expect(byFactor.declarant).toBeGreaterThan(0.5);
    // Undervaluation = a negative deviation: the coefficient is negative.
    expect(byFactor.unitValue).toBeLessThan(-0.2);
    expect(Math.abs(byFactor.declarant!)).toBeGreaterThan(Math.abs(byFactor.hs6!));
    // One office only: its out-of-fold encodings differ only by the folds' rates, noise the model barely uses.
    expect(Math.abs(byFactor.office!)).toBeLessThan(0.1);
    expect(model.converged).toBe(true);
  });

  it("explains each score: intercept + Σ coefficient × standardized feature = logit(score)", () => {
    const s = score({
      declId: "N1",
      declarant: "R1",
      importer: "I1",
      hs6: "610910",
      origin: "CN",
      office: "O1",
      cifValue: 10,
      netKg: 10,
    });
    const sum = model.intercept + s.contributions.reduce((acc, c) => acc + c.contribution, 0);
    expect(sum).toBeCloseTo(s.logit, 12);
    expect(s.score).toBeCloseTo(1 / (1 + Math.exp(-s.logit)), 12);
    for (const c of s.contributions) {
      const f = model.features.find((x) => x.factor === c.factor)!;
      expect(c.contribution).toBeCloseTo(f.coefficient * c.feature, 12);
    }
    // R1 and a tenth of the usual unit value: both raise it, the declarant first.
    expect(
      raisingFactors(s.contributions)
        .map((c) => c.factor)
        .slice(0, 2),
    ).toEqual(["declarant", "unitValue"]);
  });

  it("ranks a risky declaration above an ordinary one", () => {
    const risky = score({
      declId: "N1",
      declarant: "R1",
      importer: "I1",
      hs6: "610910",
      origin: "CN",
      office: "O1",
      cifValue: 10,
      netKg: 10,
    });
    const ordinary = score({
      declId: "N2",
      declarant: "D3",
      importer: "I1",
      hs6: "610910",
      origin: "CN",
      office: "O1",
      cifValue: 100,
      netKg: 10,
    });
    expect(risky.score).toBeGreaterThan(0.5);
    expect(ordinary.score).toBeLessThan(0.2);
  });

  it("scores an unseen declarant as the prior and a missing unit value as no deviation", () => {
    const s = score({
      declId: "N3",
      declarant: "NEW",
      importer: null,
      hs6: null,
      origin: null,
      office: null,
      cifValue: null,
      netKg: null,
    });
    const declarant = s.contributions.find((c) => c.factor === "declarant")!;
    const prior = Math.log(model.prior / (1 - model.prior));
    const f = model.features.find((x) => x.factor === "declarant")!;
    expect(declarant.feature).toBeCloseTo((prior - f.mean) / f.sd, 12);
    expect(s.contributions.find((c) => c.factor === "unitValue")!.value).toBeNull();
  });

  it("is deterministic: the same rows and options give the same model", () => {
    expect(trainRiskModel(rows, DEFAULT_RISK_OPTIONS)).toEqual(model);
  });
});
