import { describe, expect, it } from "vitest";
import { KPI_CATALOGUE, addsUpOverMonths } from "@/lib/kpis/catalogue";

describe("addsUpOverMonths", () => {
  it("holds for the ratios of counts whose rows each fall in one month, and for no other KPI", () => {
    expect(KPI_CATALOGUE.filter(addsUpOverMonths).map((k) => k.id)).toEqual([
      "P1",
      "P5",
      "P11",
      "P13",
      "I1",
      "I2",
      "I4",
      "I7",
      "I8",
      "I9",
      "I12",
    ]);
  });
});
