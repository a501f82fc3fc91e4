import { describe, expect, it } from "vitest";
import { assignFolds, countLevels, encodeValue, mEstimate, outOfFoldEncoding } from "@/lib/risk/target-encoding";

// A tiny table worked out by hand: levels a, a, a, b, b and one missing value; labels 1, 0, 1, 0, 0, 1.
const values = ["a", "a", "a", "b", "b", null];
const labels = [1, 0, 1, 0, 0, 1];

describe("m-estimate target encoding", () => {
  it("shrinks each level's rate towards the prior by m pseudo-rows", () => {
    // prior = 3/6 = 0.5, m = 2: a = (2 + 2·0.5)/(3 + 2) = 0.6; b = (0 + 1)/(2 + 2) = 0.25.
    const counts = countLevels(values, labels);
    expect(Object.fromEntries(counts)).toEqual({ a: { n: 3, positives: 2 }, b: { n: 2, positives: 0 } });
    expect(encodeValue(counts, "a", 0.5, 2)).toBeCloseTo(0.6, 12);
    expect(encodeValue(counts, "b", 0.5, 2)).toBeCloseTo(0.25, 12);
    expect(mEstimate(2, 3, 0.5, 2)).toBeCloseTo(0.6, 12);
  });

  it("encodes an unseen level and a missing value as the prior", () => {
    const counts = countLevels(values, labels);
    expect(encodeValue(counts, "c", 0.5, 2)).toBe(0.5);
    expect(encodeValue(counts, null, 0.5, 2)).toBe(0.5);
  });

  it("encodes each training row from the other folds only, with their prior", () => {
    // Folds 0,1,0,1,0,1. Fold 0 (rows 0, 2, 4) sees fold 1: a 1/0, b 1/0, prior 1/3 →
    //   a = (0 + 2/3)/3 = 2/9, b = 2/9. Fold 1 (rows 1, 3, 5) sees fold 0: a 2/2, b 1/0, prior 2/3 →
    //   a = (2 + 4/3)/4 = 5/6, b = (0 + 4/3)/3 = 4/9, missing = 2/3.
    const encoded = outOfFoldEncoding(values, labels, [0, 1, 0, 1, 0, 1], 2, 2);
    const expected = [2 / 9, 5 / 6, 2 / 9, 4 / 9, 2 / 9, 2 / 3];
    encoded.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });

  it("never lets a row see its own label: a level seen once gets its fold's prior", () => {
    const encoded = outOfFoldEncoding(["x", "y"], [1, 0], [0, 1], 2, 2);
    // Row 0 (x) sees only row 1 (prior 0); row 1 sees only row 0 (prior 1).
    expect(encoded).toEqual([0, 1]);
  });
});

describe("fold assignment", () => {
  it("deals the rows into k folds of equal size (±1), the same way for the same seed", () => {
    const folds = assignFolds(103, 5, 42);
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(sizes.sort()).toEqual([20, 20, 21, 21, 21]);
    expect(assignFolds(103, 5, 42)).toEqual(folds);
    expect(assignFolds(103, 5, 43)).not.toEqual(folds);
    // Not the rows' order: the first five rows do not simply take folds 0..4.
    expect(folds.slice(0, 20)).not.toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });
});
