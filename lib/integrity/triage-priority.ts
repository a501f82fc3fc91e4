// The priority of one subject of the work queue (docs/indicators.md "Triage: the work queue"), from the flags that
// stand behind it. Pure, and symmetric in its flags: the same flags in any order give the same priority.
//
//   evidence of a flag     E = −log10 p (its one-sided p-value, flag-methods.ts)
//   strength of a method   s_m = E_m / (E_m + 20), E_m the strongest of the subject's flags of that method
//   coverage of a method   c_m = 1 when m flags the subject over the whole window, else the share of the window's
//                          months in which it does: a pattern seen in one month of three is a third of the window's
//   strength               S = Σ_m w_m · c_m · s_m  (w_m = 1 until outcomes teach otherwise, method-outcomes.ts)
//   recurrence             r = months of the window with a flag / months of the window
//   money                  R = Σ_m revenue at stake of method m's flags of the window (or, when m flags the subject in
//                          months only, of its month flags), so that a month's money is not counted twice
//   score                  x = S · (1 + r/2) · (1 + log10(1 + R)/20)
//   priority               50 · (tier + x / (1 + x)), tier = 1 when a flag survives the false discovery rate control
//
// Only the surviving flags count for a subject that has any; the others count for one that has none, which the tier
// puts below every subject with a survivor. A method's strength is its strongest flag, not a sum, so that a hundred
// weak flags of one method never outweigh one strong flag, and every further method that agrees adds its own.

export const HALF_STRENGTH_EVIDENCE = 20;
export const RECURRENCE_WEIGHT = 0.5;
export const MONEY_WEIGHT = 0.05;

export type PriorityFlag = {
  id?: number;
  method: string;
  log10P: number;
  survives: boolean;
  // The calendar month ("2025-02") of a month flag; null for a flag of a longer period (the window).
  month: string | null;
  revenueAtStake: number | null;
};

export type Priority = {
  priority: number;
  tier: 0 | 1;
  strength: number;
  recurrence: number;
  revenueAtStake: number;
  // The flags whose revenue makes up revenueAtStake (by id, when the flags have one).
  revenueFlagIds: number[];
  score: number;
  // Method → evidence E_m of its strongest counted flag, and the share c_m of the window it covers.
  evidence: Record<string, number>;
  coverage: Record<string, number>;
};

export const methodStrength = (evidence: number) =>
  Number.isFinite(evidence) ? evidence / (evidence + HALF_STRENGTH_EVIDENCE) : 1;

export function subjectPriority(
  flags: readonly PriorityFlag[],
  monthsInWindow: number,
  weights: Readonly<Record<string, number>> = {},
): Priority {
  const tier = flags.some((f) => f.survives) ? 1 : 0;
  const counted = tier ? flags.filter((f) => f.survives) : flags;
  const evidence: Record<string, number> = {};
  for (const f of counted) evidence[f.method] = Math.max(evidence[f.method] ?? 0, -f.log10P);
  // Sums are taken in a fixed order (methods by name, amounts ascending), so that not even the last bit of a
  // priority depends on the order the flags came in.
  const methods = Object.keys(evidence).sort();
  const coverage: Record<string, number> = {};
  for (const m of methods) {
    const own = counted.filter((f) => f.method === m);
    const flaggedMonths = new Set(own.flatMap((f) => (f.month ? [f.month] : []))).size;
    coverage[m] = own.some((f) => f.month === null) ? 1 : Math.min(1, flaggedMonths / Math.max(1, monthsInWindow));
  }
  const strength = methods.reduce((s, m) => s + (weights[m] ?? 1) * coverage[m]! * methodStrength(evidence[m]!), 0);
  const months = new Set(counted.flatMap((f) => (f.month ? [f.month] : [])));
  const recurrence = monthsInWindow > 0 ? Math.min(1, months.size / monthsInWindow) : 0;
  const amounts: number[] = [];
  const revenueFlagIds: number[] = [];
  for (const m of methods) {
    const own = counted.filter((f) => f.method === m);
    const windowLevel = own.some((f) => f.month === null);
    for (const f of own) {
      if ((f.month === null) !== windowLevel) continue;
      amounts.push(Math.max(0, f.revenueAtStake ?? 0));
      if (f.id !== undefined) revenueFlagIds.push(f.id);
    }
  }
  const revenueAtStake = amounts.sort((a, b) => a - b).reduce((s, a) => s + a, 0);
  const score = strength * (1 + RECURRENCE_WEIGHT * recurrence) * (1 + MONEY_WEIGHT * Math.log10(1 + revenueAtStake));
  return {
    priority: 50 * (tier + score / (1 + score)),
    tier,
    strength,
    recurrence,
    revenueAtStake,
    revenueFlagIds: revenueFlagIds.sort((a, b) => a - b),
    score,
    evidence,
    coverage,
  };
}
