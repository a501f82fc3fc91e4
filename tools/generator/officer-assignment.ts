// Which officer assesses a declaration. Collusive brokers get "their" officer by manual assignment; everyone else goes
// through workload-based automatic assignment, and unit heads reassign a few files by hand.
import { PLANT } from "./planted-plan";
import { TAX_BANDS, type Broker, type Officer, type OfficePopulation } from "./population";
import type { Random } from "@/lib/kernel/seeded-random";

/** Taxes of a typical declaration, log10 of cents (10 million XAF), the centre of the seniority tilt. */
const TYPICAL_TAX_LOG10_CENTS = 9;
/** Senior officers' share of a size band grows by 10^(tilt × seniority) per decade above the typical file. */
const SENIORITY_TILT = 0.6;
/** Files of one broker an officer may receive beyond (or miss below) his expected share. */
const BROKER_SURPLUS_LIMIT = 2;
/** Tries to draw an officer not already over-served by the broker before settling for one who is. */
const REDRAWS = 8;

export type Assignment = { officer: Officer; manual: boolean };

function overServed(deficits: Float64Array, officer: Officer): boolean {
  return (deficits[officer.index] as number) < -BROKER_SURPLUS_LIMIT;
}

export class OfficerAssignment {
  constructor(private readonly random: Random) {}

  assign(office: OfficePopulation, broker: Broker, red: boolean, taxCents: number): Assignment {
    const band = Math.min(TAX_BANDS - 1, Math.max(0, Math.floor(4 * Math.log10(Math.max(1, taxCents)))));
    const slot = (red ? TAX_BANDS : 0) + band;
    let assignment: Assignment;
    const paired = broker.pairedOfficer;
    if (paired !== null && paired.officeCode === office.spec.code && this.random.chance(PLANT.pairManualShare)) {
      assignment = { officer: paired, manual: true };
    } else {
      const officer = this.balanced(office, broker, red, slot);
      assignment = { officer, manual: officer.manual.next(this.random) };
    }
    const loads = assignment.officer.taxLoad;
    loads[slot] = (loads[slot] as number) + taxCents;
    return assignment;
  }

  /**
   * Workload-based auto-assignment: of two officers drawn by workload weight, the one with less declared tax so far
   * (per unit of weight) in this declaration's size band ("power of two choices", stratified by size). Officers then
   * carry an even, seniority-tilted mix of small and large files in any period, so revenue per declaration (P8)
   * does not hinge on who drew the few very large ones (VALUE_OUTLIER over a handful of peers flags 5–8 % of
   * offices on merely normal noise). An officer who already received more than his share of this broker's files is
   * passed over, which keeps honest broker–officer counts near expectation in every period (independent draws clump
   * into chance BROKER_OFFICER_PAIR flags).
   */
  private balanced(office: OfficePopulation, broker: Broker, red: boolean, slot: number): Officer {
    const picker = red ? office.pickRedOfficer : office.pickOfficer;
    const deficits = this.brokerDeficits(office, broker, red);
    let first = picker.pick(this.random);
    for (let i = 0; i < REDRAWS && overServed(deficits, first); i++) first = picker.pick(this.random);
    let second = picker.pick(this.random);
    for (let i = 0; i < REDRAWS && overServed(deficits, second); i++) second = picker.pick(this.random);
    let chosen: Officer;
    if (overServed(deficits, first) !== overServed(deficits, second)) {
      chosen = overServed(deficits, first) ? second : first;
    } else {
      const tilt = Math.max(-1.5, Math.min(1.5, ((slot % TAX_BANDS) + 0.5) / 4 - TYPICAL_TAX_LOG10_CENTS));
      chosen = this.bandLoad(second, slot, red, tilt) < this.bandLoad(first, slot, red, tilt) ? second : first;
    }
    deficits[chosen.index] = (deficits[chosen.index] as number) - 1;
    return chosen;
  }

  /** Each officer's expected minus received files of this broker, credited with his share of the new one. */
  private brokerDeficits(office: OfficePopulation, broker: Broker, red: boolean): Float64Array {
    const shares = red ? office.redShares : office.shares;
    const key = office.index * 2 + (red ? 1 : 0);
    let deficits = broker.officerDeficits.get(key);
    if (!deficits) {
      deficits = new Float64Array(shares.length);
      broker.officerDeficits.set(key, deficits);
    }
    // Missed shares are forgiven beyond a couple of files, so no officer catches up in a burst either: in any window
    // an officer gets at most about his expected count + 4 files of a broker, too few for an honest pair flag.
    for (let i = 0; i < shares.length; i++) {
      deficits[i] = Math.min(BROKER_SURPLUS_LIMIT, (deficits[i] as number) + (shares[i] as number));
    }
    return deficits;
  }

  private bandLoad(officer: Officer, slot: number, red: boolean, tilt: number): number {
    const weight = (red ? officer.redWeight : officer.workload) * 10 ** (SENIORITY_TILT * officer.seniority * tilt);
    return (officer.taxLoad[slot] as number) / weight;
  }
}
