// The GAMING watch's test (docs/indicators.md, "Gaming watch"), pure: a rewarded indicator and its guard, each
// before and after a contract's start, compared as two proportions. The watch raises a flag when the rewarded one
// improved and the guard worsened, each beyond chance by a one-sided two-proportion z-test (pooled variance): the
// rewarded at z ≥ 1.96 (2.5 %), the guard at z ≥ 3.09 (0.1 %), with at least `minN` in every count.
export type Proportion = { x: number; n: number };

export type GamingTestParams = { rewardedZ: number; guardZ: number; minN: number };
export const GAMING_TEST: GamingTestParams = { rewardedZ: 1.96, guardZ: 3.09, minN: 30 };

// z of the change from `before` to `after`, positive when the share rose; null without spread or volume.
export function twoProportionZ(before: Proportion, after: Proportion): number | null {
  if (before.n <= 0 || after.n <= 0) return null;
  const pooled = (before.x + after.x) / (before.n + after.n);
  const variance = pooled * (1 - pooled) * (1 / before.n + 1 / after.n);
  if (variance <= 0) return null;
  return (after.x / after.n - before.x / before.n) / Math.sqrt(variance);
}

export type GamingVerdict = { flagged: boolean; rewardedZ: number | null; guardZ: number | null };

// `rewardedDirection` / `guardDirection`: which way is better for each ("higher" or "lower"). Both z are signed so
// that positive means "improved" for the rewarded indicator and "worsened" for the guard.
export function gamingVerdict(
  rewarded: { before: Proportion; after: Proportion; direction: "higher" | "lower" },
  guard: { before: Proportion; after: Proportion; direction: "higher" | "lower" },
  params: GamingTestParams = GAMING_TEST,
): GamingVerdict {
  const signed = (z: number | null, positiveWhenRising: boolean) => (z === null ? null : positiveWhenRising ? z : -z);
  const rewardedZ = signed(twoProportionZ(rewarded.before, rewarded.after), rewarded.direction === "higher");
  const guardZ = signed(twoProportionZ(guard.before, guard.after), guard.direction === "lower");
  const enough = [rewarded.before, rewarded.after, guard.before, guard.after].every((p) => p.n >= params.minN);
  return {
    flagged:
      enough && rewardedZ !== null && guardZ !== null && rewardedZ >= params.rewardedZ && guardZ >= params.guardZ,
    rewardedZ,
    guardZ,
  };
}
