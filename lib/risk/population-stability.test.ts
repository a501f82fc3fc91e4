import { describe, expect, it } from "vitest";
import {
  binShares,
  compareWithReference,
  driftLevel,
  driftReference,
  factorPsi,
  psi,
  quantileEdges,
  topFactorShares,
} from "@/lib/risk/population-stability";

describe("population stability index", () => {
  it("sums (a − e) · ln(a / e) over the bins", () => {
    // (0.25 − 0.5) ln 0.5 + (0.75 − 0.5) ln 1.5 = 0.25 (ln 2 + ln 1.5)
    expect(psi([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.25 * (Math.log(2) + Math.log(1.5)), 12);
    expect(psi([0.1, 0.2, 0.7], [0.1, 0.2, 0.7])).toBe(0);
    expect(() => psi([1], [0.5, 0.5])).toThrow();
  });

  it("floors an empty bin at 0.0001 instead of dividing by zero", () => {
    // Third bin: (0.1 − 0.0001) ln(0.1 / 0.0001); second: (0.4 − 0.5) ln(0.8).
    expect(psi([0.5, 0.5, 0], [0.5, 0.4, 0.1])).toBeCloseTo(0.0999 * Math.log(1000) - 0.1 * Math.log(0.8), 12);
  });

  it("reads 0.10 and 0.25 as the limits of stable, watch and drift", () => {
    expect([0, 0.0999, 0.1, 0.2499, 0.25, 1].map(driftLevel)).toEqual([
      "stable",
      "stable",
      "watch",
      "watch",
      "drift",
      "drift",
    ]);
  });

  it("cuts the training scores at their quantiles; a value on a cut point goes to the bin above", () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    // Sorted 1 … 10, quarters: positions 2, 5, 7 → 3, 6, 8.
    expect(quantileEdges(values, 4)).toEqual([3, 6, 8]);
    // < 3: 1, 2 | 3–5 | 6, 7 | 8–10
    expect(binShares(values, [3, 6, 8])).toEqual([0.2, 0.3, 0.2, 0.3]);
    expect(binShares([], [3])).toEqual([0, 0]);
  });

  it("compares the main factors of the top 5 % by score", () => {
    // 40 rows scored 40 … 1: the top 5 % is round(2) = rows 0 and 1.
    const rows = Array.from({ length: 40 }, (_, i) => ({ declId: `R${String(i).padStart(2, "0")}` }));
    const scores = rows.map((_, i) => 40 - i);
    const main = rows.map((_, i) => (i === 0 ? "hs6" : i === 1 ? null : "office"));
    expect(topFactorShares(rows, scores, main)).toEqual({ hs6: 0.5, none: 0.5 });
    // Reference all hs6; now half hs6, half none: (0.5 − 1) ln 0.5 + (0.5 − 0.0001) ln(0.5 / 0.0001).
    expect(factorPsi({ hs6: 1 }, { hs6: 0.5, none: 0.5 })).toBeCloseTo(
      -0.5 * Math.log(0.5) + 0.4999 * Math.log(5000),
      12,
    );
  });

  it("finds no drift in the training rows themselves, and a drift when every score moves up", () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ declId: `R${String(i).padStart(3, "0")}` }));
    const scores = rows.map((_, i) => Math.sin(i) * 3);
    const main = rows.map(() => "hs6");
    const reference = driftReference(rows, scores, main);
    expect(reference.shares.every((s) => Math.abs(s - 0.1) < 1e-12)).toBe(true);
    expect(compareWithReference(reference, rows, scores, main)).toMatchObject({
      scorePsi: 0,
      factorPsi: 0,
      level: "stable",
    });
    const moved = compareWithReference(
      reference,
      rows,
      scores.map((s) => s + 2),
      main,
    );
    expect(moved.level).toBe("drift");
    expect(moved.scorePsi).toBeCloseTo(psi(reference.shares, moved.shares), 12);
  });

  it("judges the factors only when the top 5 % holds at least 20 declarations", () => {
    // 400 rows: a top 5 % of 20. Same scores, but every main factor changed from hs6 to office: a drift by factors.
    const rows = Array.from({ length: 400 }, (_, i) => ({ declId: `R${String(i).padStart(3, "0")}` }));
    const scores = rows.map((_, i) => Math.cos(i) * 2);
    const reference = driftReference(
      rows,
      scores,
      rows.map(() => "hs6"),
    );
    const changed = compareWithReference(
      reference,
      rows,
      scores,
      rows.map(() => "office"),
    );
    expect(changed).toMatchObject({ scorePsi: 0, factorsJudged: true, level: "drift" });
    // 300 rows: a top 5 % of 15, not judged.
    const fewer = compareWithReference(
      reference,
      rows.slice(0, 300),
      scores.slice(0, 300),
      rows.map(() => "office"),
    );
    expect(fewer.factorsJudged).toBe(false);
    expect(fewer.factorPsi).toBeGreaterThan(1);
    expect(fewer.level).toBe(driftLevel(fewer.scorePsi));
  });
});
