// The actors of the data set: officers (with the planted ones among them), brokers and importers, sized to the volume
// so that every officer has enough declarations per quarter for the flag methods (n ≥ 30) at small volumes too.
import { EvenBernoulli, WeylSequence } from "./even-sequences";
import { HONEST, PLANT } from "./planted-plan";
import { Random, WeightedPicker } from "@/lib/kernel/seeded-random";
import { parseDay, SECONDS_PER_DAY } from "./local-time";
import { OFFICES, type OfficeSpec } from "./reference-offices";
import { emailLocalPart, FIRST_NAMES, LAST_NAMES } from "./reference-people";

// Each officer keeps a load per tax band, green and red lanes apart (officer-assignment.ts spreads the load).
/** Size bands of a quarter decade over taxes in cents (up to 10^12). */
export const TAX_BANDS = 48;
const TAX_LOAD_SLOTS = 2 * TAX_BANDS;

export type OfficerRole = "downgrader" | "pair" | "slow" | "offHours" | "fastRed" | "gaming";

export type Officer = {
  id: string;
  /** Position in the office's officer list. */
  index: number;
  fullName: string;
  officeCode: string;
  unit: string;
  grade: string;
  email: string;
  unitHeadId: string;
  colleagues: Officer[];
  /** Relative share of auto-assigned declarations (red-lane ones use redWeight). */
  workload: number;
  redWeight: number;
  /** Declared taxes assigned so far per (lane class, size band): what workload balancing evens out. */
  taxLoad: Float64Array;
  /** Multiplies the officer's working delays. */
  speed: number;
  /** Even positions in [0, 1) for the officer's successive assessment delays (see even-sequences.ts for why). */
  paceSequence: WeylSequence;
  /** −1 … 1, spread evenly over an office: senior officers are given a larger share of high-value files. */
  seniority: number;
  roles: Set<OfficerRole>;
  downgradeRate: number;
  offHoursReleaseShare: number;
  fastRedShare: number;
  /** Local second from which the officer cancels declarations about to be late (NaN: never). */
  gamingFromTs: number;
  manual: EvenBernoulli;
  overtime: EvenBernoulli;
  amendOrCancel: EvenBernoulli;
  offence: EvenBernoulli;
};

export type Broker = {
  id: string;
  /** Per (office, lane class): each officer's expected minus received auto-assigned declarations of this broker. */
  officerDeficits: Map<number, Float64Array>;
  mantissa: WeylSequence;
  /** Share of declarations whose value is invented (first digit 5–9). */
  fabricatedShare: number;
  pairedOfficer: Officer | null;
};

export type OfficePopulation = {
  index: number;
  spec: OfficeSpec;
  officers: Officer[];
  /** Officers' shares of auto-assigned declarations (by workload, and by red weight for red-lane ones). */
  shares: Float64Array;
  redShares: Float64Array;
  pickOfficer: WeightedPicker<Officer>;
  pickRedOfficer: WeightedPicker<Officer>;
  pickBroker: WeightedPicker<Broker>;
};

export type Population = {
  offices: OfficePopulation[];
  officers: Officer[];
  brokers: Broker[];
  pickImporter: WeightedPicker<string>;
  importerCount: number;
  benfordBroker: Broker;
  pairs: { broker: Broker; officer: Officer }[];
  rules: Record<string, string>;
};

const DAYS_PER_QUARTER = 365.25 / 4;
/** Auto-assignment spreads an office's declarations over its officers; 120 a quarter each keeps n ≥ 30 safe. */
const TARGET_PER_OFFICER_QUARTER = 120;
const OFFICERS_PER_UNIT = 7;
const NATIONAL_BROKERS = 3;
const NATIONAL_BROKER_SHARE = 0.03;

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

function officersPerOffice(declarations: number, periodDays: number, officeShare: number): number {
  const perQuarter = (declarations * officeShare * DAYS_PER_QUARTER) / periodDays;
  return clamp(Math.round(perQuarter / TARGET_PER_OFFICER_QUARTER), 6, 20);
}

function zipfWeights(n: number, exponent: number): number[] {
  return Array.from({ length: n }, (_, rank) => 1 / (rank + 1) ** exponent);
}

/** Fisher–Yates on a copy. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function createOfficers(spec: OfficeSpec, count: number, random: Random, usedEmails: Set<string>): Officer[] {
  const unitCount = Math.ceil(count / OFFICERS_PER_UNIT);
  // Paces and seniorities at even positions, randomly dealt: officers differ, but none is an outlier by chance
  // (VALUE_OUTLIER's median/MAD over a handful of peers flags 5–8 % of offices even on normal noise).
  const evenSpread = () =>
    shuffled(
      Array.from({ length: count }, (_, i) => 2 * ((i + 0.5) / count) - 1),
      random,
    );
  // Linear, not exponential, spacing: slower officers also spill more work over the night, which already stretches
  // the top of the P4 range.
  const speeds = evenSpread().map((position) => 1 + HONEST.speedSpread * position);
  const seniorities = evenSpread();
  const officers: Officer[] = [];
  for (let i = 0; i < count; i++) {
    const unitIndex = i % unitCount;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let email = `${emailLocalPart(first, last)}@douanes.example`;
    for (let n = 2; usedEmails.has(email); n++) email = `${emailLocalPart(first, last)}${n}@douanes.example`;
    usedEmails.add(email);
    const isHead = i < unitCount;
    officers.push({
      id: `${spec.code}-${String(i + 1).padStart(2, "0")}`,
      index: i,
      fullName: `${first} ${last.toUpperCase()}`,
      officeCode: spec.code,
      unit: `Assessment unit ${String.fromCharCode(65 + unitIndex)}`,
      grade: isHead ? "Principal inspector" : random.pick(["Inspector", "Inspector", "Senior inspector", "Controller"]),
      email,
      unitHeadId: "",
      colleagues: [],
      workload: 1,
      redWeight: 1,
      taxLoad: new Float64Array(TAX_LOAD_SLOTS),
      speed: speeds[i] as number,
      paceSequence: new WeylSequence(random),
      seniority: seniorities[i] as number,
      roles: new Set(),
      downgradeRate: 0,
      offHoursReleaseShare: 0,
      fastRedShare: 0,
      gamingFromTs: Number.NaN,
      manual: new EvenBernoulli(HONEST.manualShare, random),
      overtime: new EvenBernoulli(HONEST.overtimeShare, random),
      amendOrCancel: new EvenBernoulli(HONEST.amendOrCancelShare, random),
      offence: new EvenBernoulli(spec.hitRate, random),
    });
  }
  for (const officer of officers) {
    const unit = officers.filter((o) => o.unit === officer.unit);
    officer.unitHeadId = (unit[0] as Officer).id;
    officer.colleagues = unit.filter((o) => o !== officer);
  }
  return officers;
}

/** A not-yet-planted, non-head officer of the office (heads record manual assignments, so they stay honest). */
function recruit(officers: readonly Officer[], random: Random, role: OfficerRole): Officer {
  const candidates = officers.filter((o) => o.roles.size === 0 && o.unitHeadId !== o.id);
  const officer = random.pick(candidates);
  officer.roles.add(role);
  return officer;
}

function importerId(index: number): string {
  // Cameroonian taxpayer numbers (NIU) look like M + 12 digits + letter; multiplying by a number coprime with the
  // modulus makes the digits look scattered while staying unique.
  const digits = String(100_000_000_000 + ((index * 7_919_003) % 899_999_999_999)).padStart(12, "0");
  return `M${digits}${"ABCDEFGHJKLMNPQRSTUVWXYZ"[index % 24]}`;
}

function normalised(weights: readonly number[]): Float64Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  return Float64Array.from(weights, (w) => w / sum);
}

/** Gives the planted roles of planted-plan.ts to officers of the named offices. */
function plantOfficers(officersOf: (code: string) => Officer[], random: Random): void {
  for (const plan of PLANT.downgraders) {
    const officer = recruit(officersOf(plan.office), random, "downgrader");
    officer.downgradeRate = plan.rate;
    officer.workload = PLANT.downgraderWorkload;
    officer.redWeight = PLANT.downgraderWorkload;
  }
  const slow = recruit(officersOf(PLANT.slowOfficer.office), random, "slow");
  slow.speed = PLANT.slowOfficer.factor;
  const offHours = recruit(officersOf(PLANT.offHoursOfficer.office), random, "offHours");
  offHours.offHoursReleaseShare = PLANT.offHoursOfficer.releaseShare;
  const fastRed = recruit(officersOf(PLANT.fastRedAssessor.office), random, "fastRed");
  fastRed.redWeight = PLANT.fastRedAssessor.redWeight;
  fastRed.fastRedShare = PLANT.fastRedAssessor.share;
}

/**
 * An office's brokers and their shares: the national brokers (the Benford one among them) and the office's collusive
 * brokers at fixed shares, local brokers sharing the rest with Zipf-like activity.
 */
function brokerPicker(
  national: readonly Broker[],
  paired: readonly Broker[],
  locals: readonly Broker[],
): WeightedPicker<Broker> {
  const fixed = national.map((b) => (b.fabricatedShare > 0 ? PLANT.benfordBroker.share : NATIONAL_BROKER_SHARE));
  const fixedShare = fixed.reduce((a, b) => a + b, 0) + paired.length * PLANT.pairBrokerShare;
  const localWeights = zipfWeights(locals.length, 0.9);
  const localSum = localWeights.reduce((a, b) => a + b, 0);
  return new WeightedPicker(
    [...national, ...paired, ...locals],
    [
      ...fixed,
      ...paired.map(() => PLANT.pairBrokerShare),
      ...localWeights.map((w) => ((1 - fixedShare) * w) / localSum),
    ],
  );
}

export function buildPopulation(declarations: number, periodDays: number, random: Random): Population {
  const usedEmails = new Set<string>();
  const officersByOffice = new Map<string, Officer[]>();
  for (const spec of OFFICES) {
    const count = officersPerOffice(declarations, periodDays, spec.share);
    officersByOffice.set(spec.code, createOfficers(spec, count, random, usedEmails));
  }
  const officersOf = (code: string) => officersByOffice.get(code) as Officer[];
  plantOfficers(officersOf, random);

  let nextBroker = 0;
  const newBroker = (fabricatedShare = 0): Broker => ({
    id: `CDA${String(++nextBroker).padStart(4, "0")}`,
    officerDeficits: new Map(),
    mantissa: new WeylSequence(random),
    fabricatedShare,
    pairedOfficer: null,
  });
  const benfordBroker = newBroker(PLANT.benfordBroker.fabricatedShare);
  const national = [benfordBroker, ...Array.from({ length: NATIONAL_BROKERS }, () => newBroker())];
  const pairs = PLANT.collusivePairs.map((plan) => {
    const broker = newBroker();
    broker.pairedOfficer = recruit(officersOf(plan.office), random, "pair");
    return { broker, officer: broker.pairedOfficer };
  });
  const brokers: Broker[] = [...national, ...pairs.map((p) => p.broker)];
  const brokerCount = clamp(Math.round(Math.sqrt(declarations)), 60, 600);
  const localTotal = Math.max(brokerCount - brokers.length, OFFICES.length * 6);

  const offices: OfficePopulation[] = OFFICES.map((spec, index) => {
    const officers = officersOf(spec.code);
    const locals = Array.from({ length: Math.max(6, Math.round(localTotal * spec.share)) }, () => newBroker());
    brokers.push(...locals);
    const paired = pairs.filter((p) => p.officer.officeCode === spec.code).map((p) => p.broker);
    return {
      index,
      spec,
      officers,
      shares: normalised(officers.map((o) => o.workload)),
      redShares: normalised(officers.map((o) => o.redWeight)),
      pickOfficer: new WeightedPicker(
        officers,
        officers.map((o) => o.workload),
      ),
      pickRedOfficer: new WeightedPicker(
        officers,
        officers.map((o) => o.redWeight),
      ),
      pickBroker: brokerPicker(national, paired, locals),
    };
  });

  // Recruited last, so that every draw before it, and so every other planted officer, is as it was without him.
  const gaming = recruit(officersOf(PLANT.gamingOfficer.office), random, "gaming");
  gaming.gamingFromTs = (parseDay(PLANT.gamingOfficer.from) as number) * SECONDS_PER_DAY;

  const importerCount = clamp(Math.round(declarations / 40), 300, 25_000);
  const pickImporter = new WeightedPicker(
    Array.from({ length: importerCount }, (_, i) => importerId(i)),
    zipfWeights(importerCount, 0.8),
  );

  return {
    offices,
    officers: offices.flatMap((o) => o.officers),
    brokers,
    pickImporter,
    importerCount,
    benfordBroker,
    pairs,
    rules: {
      officersPerOffice: `clamp(round(office declarations per quarter / ${TARGET_PER_OFFICER_QUARTER}), 6, 20)`,
      brokers: "clamp(round(sqrt(declarations)), 60, 600): 4 national brokers in every office, the rest local",
      importers: "clamp(round(declarations / 40), 300, 25000), Zipf-distributed activity",
    },
  };
}
