import { describe, expect, it } from "vitest";
import { ContractInput } from "@/lib/contracts/schema";

const valid = {
  title: "Douala Port I — 2025 H1",
  partyType: "OFFICER" as const,
  partyOfficerId: "OF001",
  officeCode: "CMDLA1",
  periodFrom: "2025-01-01",
  periodTo: "2025-06-30",
  indicators: [
    { kpiId: "P1", threshold: 0.4, target: 0.7, weight: 60 },
    { kpiId: "P4", threshold: 48, target: 24, weight: 40 },
  ],
};

const messages = (input: unknown) => {
  const r = ContractInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("ContractInput", () => {
  it("accepts a valid contract and defaults the minimum volume to 30", () => {
    const r = ContractInput.parse(valid);
    expect(r.indicators.map((i) => i.minVolume)).toEqual([30, 30]);
  });

  it("requires weights that sum to 100", () => {
    expect(messages({ ...valid, indicators: [valid.indicators[0], { ...valid.indicators[1], weight: 30 }] })).toEqual([
      "weightsSum",
    ]);
  });

  it("requires the target to be better than the threshold in the KPI's direction", () => {
    expect(messages({ ...valid, indicators: [{ ...valid.indicators[0], target: 0.3 }, valid.indicators[1]] })).toEqual([
      "targetAboveThreshold",
    ]);
    expect(messages({ ...valid, indicators: [valid.indicators[0], { ...valid.indicators[1], target: 72 }] })).toEqual([
      "targetBelowThreshold",
    ]);
  });

  it("refuses a period that ends before it starts, duplicates, context KPIs and more than 12 indicators", () => {
    expect(messages({ ...valid, periodTo: "2024-12-31" })).toEqual(["periodOrder"]);
    expect(
      messages({
        ...valid,
        indicators: [
          { ...valid.indicators[0], weight: 50 },
          { ...valid.indicators[0], weight: 50 },
        ],
      }),
    ).toEqual(["duplicateKpi"]);
    expect(messages({ ...valid, indicators: [{ kpiId: "P13", threshold: 10, target: 20, weight: 100 }] })).toContain(
      "unknownKpi",
    );
    const many = Array.from({ length: 13 }, (_, i) => ({
      kpiId: "P1",
      threshold: 0,
      target: 1,
      weight: 100 / 13 + i * 0,
    }));
    expect(messages({ ...valid, indicators: many })).toContain("indicatorsMax");
  });

  it("scores the raw value by default, and O/E only for an officer's standardised rates", () => {
    expect(ContractInput.parse(valid).indicators.map((i) => i.basis)).toEqual(["RAW", "RAW"]);
    // P1 same-day assessment on O/E: threshold and target are ratios, 1.00 = as expected for the case mix.
    const oe = { kpiId: "P1", basis: "OE", threshold: 0.9, target: 1.2, weight: 60 };
    expect(ContractInput.parse({ ...valid, indicators: [oe, valid.indicators[1]] }).indicators[0]!.basis).toBe("OE");
    const issues = (input: unknown) => {
      const r = ContractInput.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    // P4 median assessment time has no O/E.
    expect(issues({ ...valid, indicators: [valid.indicators[0], { ...valid.indicators[1], basis: "OE" }] })).toEqual([
      ["indicators.1.basis", "basisNotStandardised"],
    ]);
    // A unit has no case mix of its own to be compared with.
    expect(
      issues({
        ...valid,
        partyType: "UNIT",
        partyOfficerId: null,
        partyUnit: "U1",
        indicators: [oe, valid.indicators[1]],
      }),
    ).toEqual([["indicators.0.basis", "basisOfficerOnly"]]);
    // The direction still applies, and a ratio is never negative.
    expect(issues({ ...valid, indicators: [{ ...oe, target: 0.8 }, valid.indicators[1]] })).toEqual([
      ["indicators.0.target", "targetAboveThreshold"],
    ]);
    expect(issues({ ...valid, indicators: [{ ...oe, threshold: -0.1 }, valid.indicators[1]] })).toEqual([
      ["indicators.0.threshold", "ratioNegative"],
    ]);
    expect(issues({ ...valid, indicators: [{ ...oe, basis: "XX" }, valid.indicators[1]] })).toEqual([
      ["indicators.0.basis", "basisUnknown"],
    ]);
  });

  it("needs the officer for an individual contract and the unit for a unit contract", () => {
    expect(messages({ ...valid, partyOfficerId: null })).toEqual(["officerRequired"]);
    expect(messages({ ...valid, partyType: "UNIT", partyOfficerId: null })).toEqual(["unitRequired"]);
  });
});
