import { describe, expect, it } from "vitest";
import { buildUnitValueReference, logUnitValue, median, unitValueDeviation } from "@/lib/risk/unit-value";

const item = (hs6: string, origin: string, cifValue: number | null, netKg: number | null) => ({
  hs6,
  origin,
  cifValue,
  netKg,
});

describe("unit-value deviation", () => {
  // Group 610910 × CN: unit values 10, 20, 40 per kg (median 20); 610910 × VN: one item at 80; 850000 × DE: 1 per kg.
  const training = [
    item("610910", "CN", 100, 10),
    item("610910", "CN", 200, 10),
    item("610910", "CN", 400, 10),
    item("610910", "VN", 800, 10),
    item("850000", "DE", 5, 5),
    item("850000", "DE", 7, 0),
  ];
  const ref = buildUnitValueReference(training, 3);

  it("takes the median log unit value of each HS6 × origin group with enough items", () => {
    expect(ref.byHs6Origin).toEqual({ "610910|CN": Math.log(20) });
    // 610910 over both origins: 10, 20, 40, 80 → median of the logs = (ln 20 + ln 40)/2.
    expect(ref.byHs6["610910"]).toBeCloseTo((Math.log(20) + Math.log(40)) / 2, 12);
    expect(ref.byHs6["850000"]).toBeUndefined();
    // Items with net_kg = 0 have no unit value: 10, 20, 40, 80, 1 → median 20.
    expect(ref.overall).toBeCloseTo(Math.log(20), 12);
  });

  it("measures an item against its group, else its HS6, else every item", () => {
    expect(unitValueDeviation(ref, item("610910", "CN", 50, 10))).toBeCloseTo(Math.log(5 / 20), 12);
    expect(unitValueDeviation(ref, item("610910", "TR", 300, 10))).toBeCloseTo(
      Math.log(30) - (Math.log(20) + Math.log(40)) / 2,
      12,
    );
    expect(unitValueDeviation(ref, item("850000", "DE", 20, 1))).toBeCloseTo(Math.log(20 / 20), 12);
  });

  it("is 0 for an item without a unit value", () => {
    expect(unitValueDeviation(ref, item("610910", "CN", 50, 0))).toBe(0);
    expect(unitValueDeviation(ref, item("610910", "CN", null, 3))).toBe(0);
    expect(logUnitValue(0, 3)).toBeNull();
  });

  it("has a median of odd and even lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
