// Each method's p-value and subjects, worked by hand.
import { describe, expect, it } from "vitest";
import { benfordChiSquare, flagLog10P, flagSubjects, type MethodFlag } from "@/lib/integrity/flag-methods";
import { benfordShare } from "@/lib/integrity/statistics";

const flag = (over: Partial<MethodFlag>): MethodFlag => ({
  method: "RATE_OUTLIER",
  subjectType: "officer",
  subjectId: "X1",
  relatedId: "",
  score: 3,
  n: 100,
  stats: {},
  ...over,
});

describe("flag methods", () => {
  it("reads a rate or value outlier's |z| or |M| on the normal tail: Q(3) = 0.0013499", () => {
    expect(10 ** flagLog10P(flag({ score: 3 }))).toBeCloseTo(0.0013499, 6);
    expect(10 ** flagLog10P(flag({ method: "VALUE_OUTLIER", score: 3 }))).toBeCloseTo(0.0013499, 6);
    expect(10 ** flagLog10P(flag({ method: "UNIT_VALUE", subjectType: "declaration", score: 3 }))).toBeCloseTo(
      0.0013499,
      6,
    );
  });

  it("recomputes a pair's binomial tail from its counts: P(X ≥ 3; 3, 0.5) = 1/8", () => {
    const pair = flag({ method: "BROKER_OFFICER_PAIR", stats: { n_bo: 3, n_b: 3, n_o: 5, N: 10, pValue: 0.9 } });
    expect(10 ** flagLog10P(pair)).toBeCloseTo(0.125, 12);
    // Without the counts, the stored p-value.
    expect(10 ** flagLog10P({ ...pair, stats: { pValue: 0.002 } })).toBeCloseTo(0.002, 12);
  });

  it("tests a broker's first digits with Pearson's χ² (8 degrees of freedom)", () => {
    // Counts exactly proportional to Benford's shares: χ² = 0, p = 1.
    const exact = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => 1e6 * benfordShare(d));
    expect(benfordChiSquare(exact)).toBeCloseTo(0, 6);
    // 100 values all starting with 1: χ² = Σ (O − E)²/E = (100 − 100·s1)²/(100·s1) + Σ_{d>1} 100·s_d
    //   = 100 (1 − s1)² / s1 + 100 (1 − s1) = 100 (1 − s1) / s1, s1 = log10 2.
    const s1 = Math.log10(2);
    const ones = [100, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(benfordChiSquare(ones)).toBeCloseTo((100 * (1 - s1)) / s1, 9);
    const x = (100 * (1 - s1)) / s1;
    const y = x / 2;
    const expected = Math.exp(-y) * (1 + y + (y * y) / 2 + (y * y * y) / 6);
    expect(10 ** flagLog10P(flag({ method: "BENFORD", stats: { counts: ones.join(",") } }))).toBeCloseTo(expected, 12);
  });

  it("gives a method added later its stats.pValue, else its score read as a z", () => {
    expect(10 ** flagLog10P(flag({ method: "GAMING", stats: { pValue: 0.01 } }))).toBeCloseTo(0.01, 12);
    expect(10 ** flagLog10P(flag({ method: "GAMING", score: 3 }))).toBeCloseTo(0.0013499, 6);
    expect(flagSubjects(flag({ method: "GAMING", subjectType: "officer", subjectId: "X7" }), null)).toEqual([
      { type: "officer", id: "X7" },
    ]);
  });

  it("groups a flag under the people behind it", () => {
    expect(flagSubjects(flag({}), null)).toEqual([{ type: "officer", id: "X1" }]);
    expect(
      flagSubjects(
        flag({ method: "BROKER_OFFICER_PAIR", subjectType: "broker", subjectId: "B1", relatedId: "X2" }),
        null,
      ),
    ).toEqual([
      { type: "broker", id: "B1" },
      { type: "officer", id: "X2" },
    ]);
    const item = flag({ method: "UNIT_VALUE", subjectType: "declaration", subjectId: "D1", relatedId: "2" });
    expect(flagSubjects(item, { brokerId: "B1", importerId: "I1" })).toEqual([
      { type: "broker", id: "B1" },
      { type: "importer", id: "I1" },
    ]);
    expect(flagSubjects(item, { brokerId: null, importerId: "I1" })).toEqual([{ type: "importer", id: "I1" }]);
    expect(flagSubjects(item, null)).toEqual([{ type: "declaration", id: "D1" }]);
    // A later method on declarations rolls up the same way.
    expect(flagSubjects({ ...item, method: "GAMING" }, { brokerId: "B9", importerId: null })).toEqual([
      { type: "broker", id: "B9" },
    ]);
  });
});
