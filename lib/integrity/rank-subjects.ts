// The work queue of a window, from its flags (pure: triage-queue.ts loads the flags, this ranks them).
//   1. The window's flags are those of the window itself and of each calendar month inside it.
//   2. Benjamini–Hochberg over each method's flags of each period, with m = the tests the method ran then.
//   3. Each flag is grouped under the subjects that stand behind it (flag-methods.ts: the officer; a pair's broker
//      and officer; a declaration's broker and importer, for whom the evidence is the concentration of the method's
//      flags among their declarations).
//   4. Each subject gets its priority (triage-priority.ts); the queue is sorted by priority, then subject type and
//      id, so that the same flags in any order give the same queue. The first capacity × months rows fit the
//      unit's capacity.
import { addMonths, monthOf, monthPeriod, type Period } from "@/lib/kernel/calendar";
import { benjaminiHochberg, FDR_LEVEL } from "@/lib/integrity/benjamini-hochberg";
import {
  flagLog10P,
  flagSubjects,
  type DeclarationParties,
  type MethodFlag,
  type SubjectType,
} from "@/lib/integrity/flag-methods";
import { subjectPriority, type Priority } from "@/lib/integrity/triage-priority";
import { log10BinomialUpperTail } from "@/lib/integrity/tail-probabilities";

export type CandidateFlag = MethodFlag & {
  id: number;
  // Whether the flag is in this viewer's queue (visible to them and still to triage). Every active flag of the window
  // takes part in the false discovery rate control, so that whether a flag survives does not depend on who looks or
  // on what was triaged already; only the queued ones are grouped into rows.
  queued: boolean;
  kpiId: string;
  periodFrom: string;
  periodTo: string;
  officeCode: string | null;
  revenueAtStake: number | null;
  parties: DeclarationParties | null;
};

export type RankedFlag = CandidateFlag & {
  log10P: number;
  survives: boolean;
  // The family's m and the largest log10 p it rejects.
  tests: number;
  cutoff: number;
};

export type SubjectRow = Priority & {
  rank: number;
  subjectType: SubjectType;
  subjectId: string;
  flagIds: number[];
  survivingFlags: number;
  methods: string[];
  firstPeriod: string;
  lastPeriod: string;
  officeCodes: (string | null)[];
  // The other party of the subject's broker–officer pairs (the officer of a broker's pair, the broker of an
  // officer's).
  pairedWith: string[];
  aboveLine: boolean;
};

export type RankedQueue = {
  window: Period;
  months: number;
  capacityPerMonth: number;
  line: number;
  rows: SubjectRow[];
  flags: RankedFlag[];
  aboveLine: { subjects: number; revenueAtStake: number };
};

// Declarations of a period (docs/indicators.md's B), in all and per broker and importer ("broker:ID",
// "importer:ID"): the volumes the concentration of a declaration method's flags is measured against.
export type PeriodVolumes = { declarations: number; bySubject: ReadonlyMap<string, number> };

export type RankOptions = {
  // Keyed by periodKey(period); a period without volumes counts a declaration flag at its own p-value.
  volumes?: ReadonlyMap<string, PeriodVolumes>;
  // Tests per family, keyed by familyKey(method, period); a family without a count uses its number of flags.
  tests: ReadonlyMap<string, number>;
  weights?: Readonly<Record<string, number>>;
  capacityPerMonth: number;
  fdrLevel?: number;
};

export const familyKey = (method: string, p: Period) => `${method}|${p.from}|${p.to}`;
export const periodKey = (p: Period) => `${p.from}|${p.to}`;
const subjectKey = (type: string, id: string) => `${type}:${id}`;

// A declaration's flags counted for its broker or importer: the evidence against the broker is not one item's
// p-value (every busy broker has some flagged items) but how unlikely it is that k or more of its n declarations of
// the period are flagged by the method when the period's share of flagged declarations is p: the binomial upper tail
// P(X ≥ k; n, p). One flagged declaration among a broker's thousands is no evidence against the broker; ten among
// its fifty is.
function concentrationEvidence(
  flags: readonly RankedFlag[],
  volumes: ReadonlyMap<string, PeriodVolumes> | undefined,
): Map<string, number> {
  const evidence = new Map<string, number>();
  if (!volumes) return evidence;
  // Per method and period: every flagged declaration, and those of each broker and importer.
  const families = new Map<string, { period: Period; flagged: Set<string>; bySubject: Map<string, Set<string>> }>();
  for (const f of flags) {
    if (f.subjectType !== "declaration") continue;
    const period = { from: f.periodFrom, to: f.periodTo };
    const family = families.get(familyKey(f.method, period)) ?? { period, flagged: new Set(), bySubject: new Map() };
    families.set(familyKey(f.method, period), family);
    family.flagged.add(f.subjectId);
    for (const s of flagSubjects(f, f.parties)) {
      if (s.type === "declaration") continue;
      const key = subjectKey(s.type, s.id);
      family.bySubject.set(key, (family.bySubject.get(key) ?? new Set()).add(f.subjectId));
    }
  }
  for (const [family, { period, flagged, bySubject }] of families) {
    const volume = volumes.get(periodKey(period));
    if (!volume) continue;
    const share = flagged.size / volume.declarations;
    if (!(share > 0 && share <= 1)) continue;
    for (const [subject, declarations] of bySubject) {
      const k = declarations.size;
      const n = Math.max(k, volume.bySubject.get(subject) ?? 0);
      evidence.set(`${family}\u0000${subject}`, log10BinomialUpperTail(k, n, share));
    }
  }
  return evidence;
}

function calendarMonth(p: Period): string | null {
  const month = monthOf(p.from);
  const m = monthPeriod(month);
  return m.from === p.from && m.to === p.to ? month : null;
}

// Whole calendar months inside the window (at least one: the capacity of a shorter window is a month's).
export function monthsInWindow(window: Period): number {
  let count = 0;
  for (let month = monthOf(window.from); monthPeriod(month).from <= window.to; month = addMonths(month, 1)) {
    const m = monthPeriod(month);
    if (m.from >= window.from && m.to <= window.to) count++;
  }
  return Math.max(1, count);
}

// The periods detection runs over for a window: the window itself and each calendar month inside it.
export function detectionPeriods(window: Period): Period[] {
  const periods: Period[] = [window];
  for (let month = monthOf(window.from); monthPeriod(month).from <= window.to; month = addMonths(month, 1)) {
    const m = monthPeriod(month);
    if (m.from >= window.from && m.to <= window.to && !(m.from === window.from && m.to === window.to)) periods.push(m);
  }
  return periods;
}

export function inWindow(flag: Period, window: Period): boolean {
  if (flag.from === window.from && flag.to === window.to) return true;
  return flag.from >= window.from && flag.to <= window.to && calendarMonth(flag) !== null;
}

function survivalByFamily(flags: readonly CandidateFlag[], options: RankOptions): RankedFlag[] {
  const families = new Map<string, CandidateFlag[]>();
  for (const f of flags) {
    const key = familyKey(f.method, { from: f.periodFrom, to: f.periodTo });
    families.set(key, [...(families.get(key) ?? []), f]);
  }
  const ranked: RankedFlag[] = [];
  for (const [key, members] of families) {
    const log10Ps = members.map(flagLog10P);
    const bh = benjaminiHochberg(log10Ps, options.tests.get(key) ?? members.length, options.fdrLevel ?? FDR_LEVEL);
    members.forEach((f, i) =>
      ranked.push({ ...f, log10P: log10Ps[i]!, survives: bh.survives[i]!, tests: bh.m, cutoff: bh.cutoff }),
    );
  }
  return ranked.sort((a, b) => a.id - b.id);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function rankSubjects(candidates: readonly CandidateFlag[], window: Period, options: RankOptions): RankedQueue {
  const months = monthsInWindow(window);
  const flags = survivalByFamily(
    candidates.filter((f) => inWindow({ from: f.periodFrom, to: f.periodTo }, window)),
    options,
  );
  const concentration = concentrationEvidence(flags, options.volumes);
  const groups = new Map<string, { type: SubjectType; id: string; flags: RankedFlag[] }>();
  for (const f of flags) {
    if (!f.queued) continue;
    for (const s of flagSubjects(f, f.parties)) {
      const key = `${s.type}\u0000${s.id}`;
      const group = groups.get(key) ?? { type: s.type, id: s.id, flags: [] };
      group.flags.push(f);
      groups.set(key, group);
    }
  }
  const unranked = [...groups.values()].map((g) => {
    const priority = subjectPriority(
      g.flags.map((f) => ({
        id: f.id,
        method: f.method,
        log10P:
          f.subjectType === "declaration" && g.type !== "declaration"
            ? (concentration.get(
                `${familyKey(f.method, { from: f.periodFrom, to: f.periodTo })}\u0000${subjectKey(g.type, g.id)}`,
              ) ?? f.log10P)
            : f.log10P,
        survives: f.survives,
        month: calendarMonth({ from: f.periodFrom, to: f.periodTo }),
        revenueAtStake: f.revenueAtStake,
      })),
      months,
      options.weights,
    );
    const pairs = g.flags.filter((f) => f.method === "BROKER_OFFICER_PAIR");
    return {
      ...priority,
      subjectType: g.type,
      subjectId: g.id,
      flagIds: g.flags.map((f) => f.id),
      survivingFlags: g.flags.filter((f) => f.survives).length,
      methods: [...new Set(g.flags.map((f) => f.method))].sort(),
      firstPeriod: g.flags.map((f) => f.periodFrom).sort()[0]!,
      lastPeriod: g.flags
        .map((f) => f.periodTo)
        .sort()
        .at(-1)!,
      officeCodes: [...new Set(g.flags.map((f) => f.officeCode))].sort((a, b) => compareText(a ?? "", b ?? "")),
      pairedWith: [
        ...new Set(pairs.map((f) => (g.type === "broker" ? f.relatedId : f.subjectId)).filter((id) => id !== g.id)),
      ].sort(),
    };
  });
  unranked.sort(
    (a, b) =>
      b.priority - a.priority || compareText(a.subjectType, b.subjectType) || compareText(a.subjectId, b.subjectId),
  );
  const line = options.capacityPerMonth * months;
  const rows = unranked.map((r, i) => ({ ...r, rank: i + 1, aboveLine: i < line }));
  const revenueFlags = new Map<number, number>();
  const byId = new Map(flags.map((f) => [f.id, f]));
  for (const r of rows.filter((r) => r.aboveLine))
    for (const id of r.revenueFlagIds) revenueFlags.set(id, Math.max(0, byId.get(id)?.revenueAtStake ?? 0));
  return {
    window,
    months,
    capacityPerMonth: options.capacityPerMonth,
    line,
    rows,
    flags: flags.filter((f) => f.queued),
    aboveLine: {
      subjects: rows.filter((r) => r.aboveLine).length,
      revenueAtStake: [...revenueFlags.values()].sort((a, b) => a - b).reduce((s, v) => s + v, 0),
    },
  };
}
