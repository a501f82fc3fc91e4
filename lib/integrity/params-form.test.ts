import { describe, expect, it } from "vitest";
import { DetectionParams } from "@/lib/integrity/detection-params";
import { paramsFromForm } from "@/lib/integrity/params-form";

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const FULL: [string, string][] = [
  ["rateOutlier.kpis", "I1"],
  ["rateOutlier.kpis", "P11"],
  ["rateOutlier.minN", "40"],
  ["rateOutlier.z", "2,5"],
  ["valueOutlier.kpis", "P4"],
  ["valueOutlier.minDeclarations", "30"],
  ["valueOutlier.m", "3.5"],
  ["brokerOfficerPair.minPair", "10"],
  ["brokerOfficerPair.ratio", "3"],
  ["brokerOfficerPair.pValue", "0,001"],
  ["benford.minValues", "300"],
  ["benford.minOrdersOfMagnitude", "2"],
  ["benford.mad", "0.015"],
  ["unitValue.minGroup", "20"],
  ["unitValue.m", "3.5"],
];

describe("detection parameters form", () => {
  it("reads every parameter by its path, decimal commas included", () => {
    const params = DetectionParams.parse(paramsFromForm(form(FULL)));
    expect(params.rateOutlier).toEqual({ kpis: ["I1", "P11"], minN: 40, z: 2.5 });
    expect(params.brokerOfficerPair.pValue).toBe(0.001);
    expect(params.valueOutlier.kpis).toEqual(["P4"]);
  });

  it("leaves an unreadable number as NaN, which the schema refuses at its field", () => {
    const raw = paramsFromForm(form(FULL.map(([k, v]) => [k, k === "benford.mad" ? "abc" : v])));
    expect(raw.benford!.mad).toBeNaN();
    const result = DetectionParams.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["benford.mad"]);
  });

  it("takes no KPI ticked as an empty list", () => {
    const raw = paramsFromForm(form(FULL.filter(([k]) => k !== "valueOutlier.kpis")));
    expect(raw.valueOutlier!.kpis).toEqual([]);
  });
});
