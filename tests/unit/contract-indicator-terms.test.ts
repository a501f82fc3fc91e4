// The contract forms' indicator rows and the terms they send (components/contracts/indicator-terms.ts): rates are
// typed in %, O/E ratios as they are, and O/E is sent only where the form offers it.
import { describe, expect, it } from "vitest";
import { rowsFromTerms, termsFromRows } from "@/components/contracts/indicator-terms";

describe("indicator rows of the contract forms", () => {
  it("types a raw rate in % and an O/E term as a ratio, and sends them back in stored units", () => {
    const rows = rowsFromTerms([
      { kpiId: "P1", threshold: 0.45, target: 0.7, weight: 60, minVolume: 30 },
      { kpiId: "I1", basis: "OE", threshold: 1.1, target: 0.8, weight: 40 },
    ]);
    expect(rows.map((r) => [r.kpiId, r.basis, r.threshold, r.target, r.minVolume])).toEqual([
      ["P1", "RAW", "45", "70", "30"],
      ["I1", "OE", "1.1", "0.8", "30"],
    ]);
    expect(termsFromRows(rows, true)).toEqual([
      { kpiId: "P1", basis: "RAW", threshold: 0.45, target: 0.7, weight: 60, minVolume: 30 },
      { kpiId: "I1", basis: "OE", threshold: 1.1, target: 0.8, weight: 40, minVolume: 30 },
    ]);
  });

  it("sends the raw value for a row left on O/E where O/E is not offered", () => {
    const [i1] = rowsFromTerms([{ kpiId: "I1", basis: "OE", threshold: 1.1, target: 0.8, weight: 100 }]);
    // A unit's contract: no O/E, and the typed numbers are read as % of a rate.
    expect(termsFromRows([i1!], false)[0]).toMatchObject({ basis: "RAW", threshold: 0.011, target: 0.008 });
    // P4 median assessment time has no O/E.
    const [p4] = rowsFromTerms([{ kpiId: "P4", threshold: 48, target: 24, weight: 100 }]);
    expect(termsFromRows([{ ...p4!, basis: "OE" }], true)[0]).toMatchObject({ basis: "RAW", threshold: 48 });
  });
});
