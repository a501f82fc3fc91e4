// Hand-worked: log10(2) = 0.30103, log10(1.5) = 0.17609; counts 1 of each digit → observed 1/9 each.
import { describe, expect, it } from "vitest";
import { benfordDigits, nigriniBand } from "@/lib/integrity/benford";

describe("Benford first digits", () => {
  it("gives observed and expected shares per digit", () => {
    const { digits, total, mad } = benfordDigits([3, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(total).toBe(4);
    expect(digits[0]).toMatchObject({ digit: 1, count: 3, observed: 0.75 });
    expect(digits[0]!.expected).toBeCloseTo(0.30103, 5);
    expect(digits[1]!.expected).toBeCloseTo(0.17609, 5);
    expect(digits[8]).toMatchObject({ digit: 9, count: 0, observed: 0 });
    // |0.75 − 0.30103| + |0.25 − 0.17609| + (1 − log10 3) = 0.44897 + 0.07391 + 0.52288 = 1.04576 → / 9 = 0.116196
    expect(mad).toBeCloseTo(1.045757 / 9, 5);
  });

  it("has no MAD without values", () => {
    expect(benfordDigits([0, 0, 0, 0, 0, 0, 0, 0, 0]).mad).toBeNull();
  });

  it("reads the MAD against Nigrini's first-digit ranges, edges included in the lower range", () => {
    expect(nigriniBand(0.004)).toBe("close");
    expect(nigriniBand(0.006)).toBe("close");
    expect(nigriniBand(0.0061)).toBe("acceptable");
    expect(nigriniBand(0.013)).toBe("marginal");
    expect(nigriniBand(0.015)).toBe("marginal");
    expect(nigriniBand(0.0151)).toBe("nonconformity");
  });
});
