// Hand-worked: log2(8) = 3 is the saturation; ratio 2 → t = 1/3: 255 + (185 − 255)/3 = 231.67 → e8,
// 255 + (28 − 255)/3 = 179.33 → b3; ratio ½ → t = −1/3 toward blue (29, 78, 216): 179.67 → b4, 196 → c4, 242 → f2.
import { describe, expect, it } from "vitest";
import { heatColour, heatPosition, heatTextColour } from "@/lib/integrity/heat-scale";

describe("heat colour scale", () => {
  it("is white at ratio 1 and saturates at 8× and 1/8", () => {
    expect(heatColour(1)).toBe("#ffffff");
    expect(heatColour(8)).toBe("#b91c1c");
    expect(heatColour(64)).toBe("#b91c1c");
    expect(heatColour(1 / 8)).toBe("#1d4ed8");
  });

  it("interpolates in log space: 2× one third of the way to red, ½ one third of the way to blue", () => {
    expect(heatPosition(2)).toBeCloseTo(1 / 3, 12);
    expect(heatColour(2)).toBe("#e8b3b3");
    expect(heatColour(0.5)).toBe("#b4c4f2");
  });

  it("greys out a cell without a ratio and writes white on strong cells", () => {
    expect(heatColour(null)).toBe("#f1f5f9");
    expect(heatColour(0)).toBe("#f1f5f9");
    expect(heatTextColour(8)).toBe("#ffffff");
    expect(heatTextColour(1.5)).toBe("#0f172a");
    expect(heatTextColour(null)).toBe("#0f172a");
  });
});
