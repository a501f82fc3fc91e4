// The priority of a subject worked by hand from the formula of docs/indicators.md "Triage: the work queue".
import { describe, expect, it } from "vitest";
import { subjectPriority, type PriorityFlag } from "@/lib/integrity/triage-priority";

const flag = (over: Partial<PriorityFlag>): PriorityFlag => ({
  method: "RATE_OUTLIER",
  log10P: -20,
  survives: true,
  month: null,
  revenueAtStake: 0,
  ...over,
});

// Over a quarter (3 months):
//   A (RATE_OUTLIER): p = 1e-20 in January (revenue 999) and 1e-10 in February (revenue 99), months only
//   B (BENFORD):      p = 1e-60 over the quarter (revenue 9)
const FLAGS: PriorityFlag[] = [
  flag({ id: 1, method: "RATE_OUTLIER", log10P: -20, month: "2025-01", revenueAtStake: 999 }),
  flag({ id: 2, method: "RATE_OUTLIER", log10P: -10, month: "2025-02", revenueAtStake: 99 }),
  flag({ id: 3, method: "BENFORD", log10P: -60, month: null, revenueAtStake: 9 }),
];

describe("subject priority", () => {
  it("combines evidence, agreeing methods, recurrence and money as documented", () => {
    // E_A = 20 → s = 20/40 = 0.5, over 2 months of 3 and not over the quarter: c_A = 2/3;
    // E_B = 60 → s = 60/80 = 0.75 over the quarter: c_B = 1. S = 0.5 × 2/3 + 0.75 = 1.0833333.
    // r = 2 months of 3; R = 999 + 99 (A in months only) + 9 (B's quarter flag) = 1107.
    // x = 1.0833333 × (1 + 0.5 × 2/3) × (1 + log10(1108)/20) = 1.0833333 × 1.3333333 × 1.1522268 = 1.6643279
    // priority = 50 × (1 + x/(1 + x)) = 50 × 1.6246708 = 81.233541
    const p = subjectPriority(FLAGS, 3);
    expect(p.strength).toBeCloseTo(1.0833333, 6);
    expect(p.coverage).toEqual({ RATE_OUTLIER: 2 / 3, BENFORD: 1 });
    expect(p.recurrence).toBeCloseTo(2 / 3, 12);
    expect(p.revenueAtStake).toBe(1107);
    expect(p.revenueFlagIds).toEqual([1, 2, 3]);
    expect(p.score).toBeCloseTo(1.664328, 6);
    expect(p.priority).toBeCloseTo(81.233541, 5);
    expect(p.tier).toBe(1);
    expect(p.evidence).toEqual({ RATE_OUTLIER: 20, BENFORD: 60 });
  });

  it("does not depend on the order of the flags, to the last bit", () => {
    const forward = subjectPriority(FLAGS, 3);
    expect(subjectPriority([...FLAGS].reverse(), 3)).toEqual(forward);
    expect(subjectPriority([FLAGS[1]!, FLAGS[2]!, FLAGS[0]!], 3)).toEqual(forward);
  });

  it("counts only the surviving flags when there are any, and puts a subject without one below 50", () => {
    const withWeak = subjectPriority([...FLAGS, flag({ method: "UNIT_VALUE", log10P: -3, survives: false })], 3);
    expect(withWeak.priority).toBeCloseTo(subjectPriority(FLAGS, 3).priority, 12);
    // Only non-survivors: E = 4 → s = 4/24 over the window; no month, no money: x = 1/6, priority = 50/7.
    const none = subjectPriority([flag({ log10P: -4, survives: false })], 3);
    expect(none.tier).toBe(0);
    expect(none.priority).toBeCloseTo(50 / 7, 12);
  });

  it("takes a method's strongest flag, not the sum of its flags", () => {
    const one = subjectPriority([flag({ method: "UNIT_VALUE", log10P: -5 })], 3);
    const many = subjectPriority(
      Array.from({ length: 50 }, () => flag({ method: "UNIT_VALUE", log10P: -5 })),
      3,
    );
    expect(many.strength).toBeCloseTo(one.strength, 12);
    // …and 50 weak flags still rank far below one strong flag of another method.
    expect(subjectPriority([flag({ log10P: -40 })], 3).priority).toBeGreaterThan(many.priority + 10);
  });

  it("weighs methods by their learned weights (1 when absent)", () => {
    // w_A = 2, w_B = 0.5: S = 2 × 2/3 × 0.5 + 0.5 × 0.75 = 1.0416667.
    expect(subjectPriority(FLAGS, 3, { RATE_OUTLIER: 2, BENFORD: 0.5 }).strength).toBeCloseTo(1.0416667, 6);
  });
});
