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

  it("needs the officer for an individual contract and the unit for a unit contract", () => {
    expect(messages({ ...valid, partyOfficerId: null })).toEqual(["officerRequired"]);
    expect(messages({ ...valid, partyType: "UNIT", partyOfficerId: null })).toEqual(["unitRequired"]);
  });
});
