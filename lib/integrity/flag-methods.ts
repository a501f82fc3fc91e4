// What the triage layer needs to know about each detection method, in one table: the one-sided p-value of a flag
// (for the false discovery rate and the priority) and who stands behind it (the subjects its flag is grouped under).
// A method added later only needs a row here; until it has one, its flags are still queued: the p-value comes from
// `stats.pValue` when the method stores one, else from the score read as a z, and the flag stands behind its own
// subject.
import { benfordShare } from "@/lib/integrity/statistics";
import {
  log10BinomialUpperTail,
  log10ChiSquareUpperTailEven,
  log10NormalUpperTail,
} from "@/lib/integrity/tail-probabilities";

export type MethodFlag = {
  method: string;
  subjectType: string;
  subjectId: string;
  relatedId: string;
  score: number;
  n: number;
  stats: Record<string, unknown>;
};

// The people and firms a flag's declaration names (a declaration flag's broker and importer).
export type DeclarationParties = { brokerId: string | null; importerId: string | null };

// The queue's subjects are officers, brokers, importers and declarations; a later method may name another kind.
export type SubjectType = "officer" | "broker" | "importer" | "declaration" | (string & {});
export type SubjectRef = { type: SubjectType; id: string };

type MethodRules = {
  log10P: (flag: MethodFlag) => number;
  subjects?: (flag: MethodFlag, parties: DeclarationParties | null) => SubjectRef[];
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

const normalFromScore = (flag: MethodFlag) => log10NormalUpperTail(Math.abs(flag.score));

// Pearson's χ² of the nine first-digit counts against Benford's shares, 8 degrees of freedom.
export function benfordChiSquare(counts: readonly number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let x2 = 0;
  for (let d = 1; d <= 9; d++) {
    const expected = total * benfordShare(d);
    x2 += ((counts[d - 1] ?? 0) - expected) ** 2 / expected;
  }
  return x2;
}

function parseCounts(v: unknown): number[] | null {
  const counts = typeof v === "string" ? v.split(",").map(Number) : Array.isArray(v) ? v.map(Number) : null;
  return counts && counts.length === 9 && counts.every((c) => Number.isFinite(c) && c >= 0) ? counts : null;
}

const METHODS: Record<string, MethodRules> = {
  // z = (p − p0) / sqrt(p0(1 − p0)/n), normal upper tail of |z|.
  RATE_OUTLIER: { log10P: normalFromScore },
  // The modified z is on the scale of a z for normal data (Iglewicz–Hoaglin), read the same way.
  VALUE_OUTLIER: { log10P: normalFromScore },
  // The binomial upper tail the method tests, recomputed in logarithms from the counts it stores.
  BROKER_OFFICER_PAIR: {
    log10P: (flag) => {
      const k = num(flag.stats.n_bo);
      const nb = num(flag.stats.n_b);
      const no = num(flag.stats.n_o);
      const total = num(flag.stats.N);
      if (k !== null && nb !== null && no !== null && total !== null && total > 0)
        return log10BinomialUpperTail(k, nb, no / total);
      const p = num(flag.stats.pValue);
      return p !== null && p > 0 ? Math.log10(p) : normalFromScore(flag);
    },
    subjects: (flag) => [
      { type: "broker", id: flag.subjectId },
      ...(flag.relatedId ? [{ type: "officer" as const, id: flag.relatedId }] : []),
    ],
  },
  // The method's rule is an effect size (MAD); its p-value is Pearson's χ² test of the same counts.
  BENFORD: {
    log10P: (flag) => {
      const counts = parseCounts(flag.stats.counts);
      const x2 = counts ? benfordChiSquare(counts) : null;
      return x2 === null ? 0 : log10ChiSquareUpperTailEven(x2, 8);
    },
  },
  // A declaration's item: the people behind it are the declaration's broker and importer.
  UNIT_VALUE: {
    log10P: normalFromScore,
    subjects: (flag, parties) => {
      const refs: SubjectRef[] = [];
      if (parties?.brokerId) refs.push({ type: "broker", id: parties.brokerId });
      if (parties?.importerId) refs.push({ type: "importer", id: parties.importerId });
      return refs.length ? refs : [{ type: "declaration", id: flag.subjectId }];
    },
  },
};

// log10 of the flag's one-sided p-value (≤ 0; −Infinity only for a tail that is exactly zero).
export function flagLog10P(flag: MethodFlag): number {
  const rules = METHODS[flag.method];
  if (rules) return Math.min(0, rules.log10P(flag));
  const p = num(flag.stats.pValue);
  return p !== null && p > 0 ? Math.min(0, Math.log10(p)) : Math.min(0, normalFromScore(flag));
}

// The subjects the flag is grouped under in the work queue.
export function flagSubjects(flag: MethodFlag, parties: DeclarationParties | null): SubjectRef[] {
  const rules = METHODS[flag.method];
  if (rules?.subjects) return rules.subjects(flag, parties);
  if (flag.subjectType === "declaration") return METHODS.UNIT_VALUE!.subjects!(flag, parties);
  return [{ type: flag.subjectType, id: flag.subjectId }];
}
