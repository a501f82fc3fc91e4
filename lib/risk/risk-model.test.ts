import { describe, expect, it } from "vitest";
import { Random } from "@/lib/kernel/seeded-random";
import {
  DEFAULT_RISK_OPTIONS,
  mainFactor,
  raisingFactors,
  riskScorer,
  trainRiskModel,
  type LabelledInput,
  type RiskInput,
} from "@/lib/risk/risk-model";
import { logit } from "@/lib/risk/risk-features";

// A synthetic year: declarant R1 is caught 80 % of the time; HS6 610910 from CN 60 % (from VN, like every other
// product and origin, 10 %); undervalued items (a tenth of the usual value) half the time; the rest 10 %.
function synthetic(rows: number, seed: number): LabelledInput[] {
  const rnd = new Random(seed);
  return Array.from({ length: rows }, (_, i) => {
    const declarant = rnd.chance(0.1) ? "R1" : `D${rnd.int(40)}`;
    const hs6 = `61091${rnd.int(3)}`;
    const origin = rnd.chance(0.5) ? "CN" : "VN";
    const under = rnd.chance(0.1);
    const netKg = 1 + rnd.int(100);
    const cifValue = netKg * 10 * Math.exp(rnd.normal() * 0.2) * (under ? 0.1 : 1);
    const p = declarant === "R1" ? 0.8 : hs6 === "610910" && origin === "CN" ? 0.6 : under ? 0.5 : 0.1;
    const illicit = rnd.chance(p) ? 1 : 0;
    return {
      declId: `X${String(i).padStart(6, "0")}`,
      regDate: `2020-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
      declarant,
      importer: `I${rnd.int(500)}`,
      hs6,
      origin,
      departure: origin,
      office: "O1",
      cifValue,
      netKg,
      taxes: cifValue * 0.08,
      illicit,
      revenue: illicit ? 100 : 0,
    };
  });
}

const declaration = (over: Partial<RiskInput>): RiskInput => ({
  declId: "N1",
  regDate: "2021-01-15",
  declarant: "D3",
  importer: "I1",
  hs6: "610911",
  origin: "VN",
  departure: "VN",
  office: "O1",
  cifValue: 100,
  netKg: 10,
  taxes: 8,
  ...over,
});

describe("risk model", () => {
  const rows = synthetic(4000, 3);
  const model = trainRiskModel(rows);
  const score = riskScorer(model);

  it("learns that the risky declarant, the risky product × origin and undervaluation raise the risk", () => {
    const byFactor = Object.fromEntries(model.features.map((f) => [f.factor, f.coefficient]));
    expect(byFactor.declarant).toBeGreaterThan(0.5);
    // 610910 is risky only from CN: the interaction carries it.
    expect(byFactor.hs6Origin).toBeGreaterThan(0.3);
    // Undervaluation = a negative deviation: the coefficient is negative.
    expect(byFactor.unitValue).toBeLessThan(-0.2);
    // One office only: its out-of-fold encodings differ only by the folds' rates, noise the model barely uses.
    expect(Math.abs(byFactor.office!)).toBeLessThan(0.1);
    expect(model.converged).toBe(true);
  });

  it("explains each score: intercept + Σ coefficient × standardized feature = logit(score)", () => {
    const s = score(declaration({ declarant: "R1", cifValue: 10 }));
    const sum = model.intercept + s.contributions.reduce((acc, c) => acc + c.contribution, 0);
    expect(sum).toBeCloseTo(s.logit, 12);
    expect(s.score).toBeCloseTo(1 / (1 + Math.exp(-s.logit)), 12);
    expect(s.contributions.map((c) => c.factor)).toEqual(model.features.map((f) => f.factor));
    for (const c of s.contributions) {
      const f = model.features.find((x) => x.factor === c.factor)!;
      expect(c.contribution).toBeCloseTo(f.coefficient * c.feature, 12);
    }
    // R1 and a tenth of the usual unit value: both raise it, the declarant first; the low value shows in the unit
    // value and in the weight against the value alike.
    const raising = raisingFactors(s.contributions).map((c) => c.factor);
    expect(raising[0]).toBe("declarant");
    expect(raising).toEqual(expect.arrayContaining(["unitValue", "weightValue"]));
    expect(mainFactor(s.contributions)).toBe("declarant");
    // The declarant's factor shows its code and its shrunk offence rate.
    expect(s.contributions.find((c) => c.factor === "declarant")).toMatchObject({ value: "R1" });
    expect(s.contributions.find((c) => c.factor === "declarant")!.rate).toBeGreaterThan(0.6);
  });

  it("ranks a risky declaration above an ordinary one", () => {
    expect(score(declaration({ declarant: "R1", cifValue: 10 })).score).toBeGreaterThan(0.5);
    expect(score(declaration({ hs6: "610910", origin: "CN", departure: "CN" })).score).toBeGreaterThan(0.4);
    expect(score(declaration({})).score).toBeLessThan(0.2);
  });

  it("scores an unseen code as the overall rate and a missing value as the average declaration", () => {
    const s = score(
      declaration({ declarant: "NEW", importer: null, hs6: null, origin: null, departure: null, cifValue: null }),
    );
    const declarant = s.contributions.find((c) => c.factor === "declarant")!;
    const f = model.features.find((x) => x.factor === "declarant")!;
    expect(declarant.rate).toBe(model.prior);
    expect(declarant.feature).toBeCloseTo((logit(model.prior) - logit(model.prior) - f.mean) / f.sd, 12);
    for (const factor of ["unitValue", "taxRate", "weightValue"]) {
      const c = s.contributions.find((x) => x.factor === factor)!;
      expect([c.value, c.feature, Math.abs(c.contribution)]).toEqual([null, 0, 0]);
    }
  });

  it("reads a value beyond the training range as the nearest end of it", () => {
    const f = model.features.find((x) => x.factor === "declarantTenure")!;
    // Training rows are from 2020: at most 11 whole months since a first declaration.
    expect(f.max).toBeLessThanOrEqual(11);
    const later = score(declaration({ declarant: "D3", regDate: "2024-06-01" }));
    const tenure = later.contributions.find((c) => c.factor === "declarantTenure")!;
    expect(tenure.value).toBeGreaterThan(40);
    expect(tenure.feature).toBeCloseTo((f.max! - f.mean) / f.sd, 12);
  });

  it("is deterministic: the same rows and options give the same model", () => {
    expect(trainRiskModel(rows, DEFAULT_RISK_OPTIONS)).toEqual(model);
  });
});
