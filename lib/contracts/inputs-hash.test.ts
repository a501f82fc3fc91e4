import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, inputsHash, type EvaluationInputs } from "@/lib/contracts/inputs-hash";
import { buildScorecard } from "@/lib/contracts/build-scorecard";

const inputs: EvaluationInputs = {
  contract: {
    id: 7,
    contractNo: 3,
    version: 2,
    partyType: "OFFICER",
    subject: { type: "officer", id: "OF001" },
    periodFrom: "2025-03-01",
    periodTo: "2025-08-31",
    indicators: [{ kpiId: "P1", direction: "higher", threshold: 0.4, target: 0.7, weight: 100, minVolume: 30 }],
  },
  period: { from: "2025-04-01", to: "2025-06-30" },
  kpis: [{ kpiId: "P1", value: 0.5, numerator: 20, denominator: 40 }],
};

describe("evaluation inputs hash", () => {
  it("writes JSON with sorted keys and no spaces, whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: "x" }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it("is the sha256 of the canonical JSON, reproducible, and moves with any input", () => {
    const expected = createHash("sha256").update(canonicalJson(inputs)).digest("hex");
    expect(inputsHash(inputs)).toBe(expected);
    expect(inputsHash(JSON.parse(JSON.stringify(inputs)) as EvaluationInputs)).toBe(expected);
    expect(inputsHash({ ...inputs, kpis: [{ ...inputs.kpis[0]!, numerator: 21 }] })).not.toBe(expected);
    expect(inputsHash({ ...inputs, period: { from: "2025-04-01", to: "2025-06-29" } })).not.toBe(expected);
  });

  it("covers the basis of an O/E indicator and the observed and expected counts it was scored on", () => {
    const oe: EvaluationInputs = {
      ...inputs,
      contract: { ...inputs.contract, indicators: [{ ...inputs.contract.indicators[0]!, basis: "OE" }] },
      kpis: [{ ...inputs.kpis[0]!, oe: { observed: 20, expected: 24.5, n: 40 } }],
    };
    const hash = inputsHash(oe);
    expect(hash).not.toBe(inputsHash(inputs));
    expect(inputsHash({ ...oe, kpis: [{ ...oe.kpis[0]!, oe: { observed: 20, expected: 24.6, n: 40 } }] })).not.toBe(
      hash,
    );
    // A raw indicator carries neither: its inputs read as they did before O/E scoring existed.
    expect(canonicalJson(inputs)).not.toContain("basis");
  });
});

describe("buildScorecard", () => {
  it("takes n from the denominator and leaves a KPI without a value not evaluable", () => {
    const terms = [
      { kpiId: "P1", direction: "higher" as const, threshold: 0.4, target: 0.7, weight: 50, minVolume: 30 },
      { kpiId: "P4", direction: "lower" as const, threshold: 48, target: 24, weight: 50, minVolume: 30 },
    ];
    const card = buildScorecard(terms, new Map([["P1", { value: 0.55, numerator: 22, denominator: 40 }]]));
    // (0.55 − 0.4) / (0.7 − 0.4) = 0.5, P4 missing → only P1 counts: overall 50.
    expect(card.indicators.map((i) => [i.kpiId, i.n, i.status])).toEqual([
      ["P1", 40, "between"],
      ["P4", 0, "not_evaluable"],
    ]);
    expect(card.overall).toBeCloseTo(50, 10);
  });
});
