import { describe, expect, it } from "vitest";
import { gamingVerdict, twoProportionZ } from "@/lib/integrity/gaming-test";

describe("two-proportion z", () => {
  it("matches a hand-worked example", () => {
    // 30/1000 → 80/1000: pooled 110/2000 = 0.055; variance 0.055·0.945·(2/1000) = 1.0395e-4; sd 0.0101956;
    // z = 0.05 / 0.0101956 = 4.9041.
    expect(twoProportionZ({ x: 30, n: 1000 }, { x: 80, n: 1000 })).toBeCloseTo(4.9041, 3);
    expect(twoProportionZ({ x: 0, n: 100 }, { x: 0, n: 100 })).toBeNull();
    expect(twoProportionZ({ x: 0, n: 0 }, { x: 1, n: 10 })).toBeNull();
  });
});

describe("gaming verdict", () => {
  // Late assessments (P2, lower is better) 60/1000 → 5/1000 and cancellations (I12, lower is better) 30/1000 →
  // 80/1000. P2: pooled 65/2000 = 0.0325, sd sqrt(0.0325·0.9675·0.002) = 0.0079303, z = −0.055/0.0079303 = −6.935,
  // an improvement of 6.935; I12: a worsening of 4.904.
  const p2 = { before: { x: 60, n: 1000 }, after: { x: 5, n: 1000 }, direction: "lower" as const };
  const i12 = { before: { x: 30, n: 1000 }, after: { x: 80, n: 1000 }, direction: "lower" as const };

  it("flags a rewarded indicator that improves while its guard worsens, both beyond chance", () => {
    const v = gamingVerdict(p2, i12);
    expect(v.flagged).toBe(true);
    expect(v.rewardedZ).toBeCloseTo(6.935, 2);
    expect(v.guardZ).toBeCloseTo(4.904, 2);
  });

  it("does not flag when the guard improves too, when it worsens within chance, or on too few declarations", () => {
    expect(gamingVerdict(p2, { ...i12, after: { x: 20, n: 1000 } }).flagged).toBe(false);
    // 30 → 45 of 1000: pooled 0.0375, sd 0.0084963, z = 1.765 < 3.09.
    expect(gamingVerdict(p2, { ...i12, after: { x: 45, n: 1000 } }).flagged).toBe(false);
    expect(gamingVerdict({ ...p2, after: { x: 0, n: 20 } }, i12).flagged).toBe(false);
  });

  it("reads a higher-is-better rewarded indicator the other way", () => {
    // Same-day assessment 500/1000 → 600/1000 (better) with I12 worsening as above.
    const p1 = { before: { x: 500, n: 1000 }, after: { x: 600, n: 1000 }, direction: "higher" as const };
    expect(gamingVerdict(p1, i12).flagged).toBe(true);
    expect(gamingVerdict({ ...p1, after: { x: 400, n: 1000 } }, i12).flagged).toBe(false);
  });
});
