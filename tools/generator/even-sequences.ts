// Low-discrepancy stand-ins for coin flips and uniform draws, used for the honest background of the data set.
// The integrity flags of docs/indicators.md test each officer (broker) against a threshold; with hundreds of subjects
// and
// independent draws, a few honest ones always cross it by chance. Spreading honest events evenly over each subject's
// own sequence keeps every contiguous run (any period) close to the nominal rate, so flags point at planted patterns.
import type { Random } from "@/lib/kernel/seeded-random";

/**
 * Bernoulli(p) by jittered error diffusion: over any run of n consecutive trials the number of successes stays
 * within about ±2 of n·p (independent draws would wander by ±√(n·p)), yet successes do not fall on a fixed cycle.
 */
export class EvenBernoulli {
  private accumulator: number;

  constructor(
    private readonly p: number,
    random: Random,
  ) {
    this.accumulator = random.next();
  }

  next(random: Random): boolean {
    this.accumulator += this.p * (0.5 + random.next());
    if (this.accumulator < 1) return false;
    this.accumulator -= 1;
    return true;
  }
}

const GOLDEN_FRACTION = 0.6180339887498949;

/**
 * Weyl sequence frac(u0 + k·φ): equidistributed in [0, 1) with discrepancy O(log n / n). Used as the mantissa of a
 * broker's declared values, so that honest first digits follow Benford's law closely in every period, even for a
 * broker with only a few hundred declarations (plain random values give a first-digit MAD near the 0.015 threshold).
 */
export class WeylSequence {
  private value: number;

  constructor(random: Random) {
    this.value = random.next();
  }

  next(): number {
    this.value += GOLDEN_FRACTION;
    if (this.value >= 1) this.value -= 1;
    return this.value;
  }
}
