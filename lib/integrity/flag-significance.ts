// Whether one flag survives the false discovery rate control of its family (its method's active flags of its period,
// with the number of tests the method ran then), for the flag page. The same step as the work queue's.
import "server-only";
import type { Flag } from "@prisma/client";
import { db } from "@/lib/db";
import { benjaminiHochberg, FDR_LEVEL } from "@/lib/integrity/benjamini-hochberg";
import { flagLog10P } from "@/lib/integrity/flag-methods";

export type FlagSignificance = {
  log10P: number;
  survives: boolean;
  // The family: flags, tests (m) and the largest log10 p it rejects.
  flags: number;
  tests: number;
  cutoff: number;
  level: number;
};

const asMethodFlag = (f: Flag) => ({
  method: f.method,
  subjectType: f.subjectType,
  subjectId: f.subjectId,
  relatedId: f.relatedId,
  score: f.score,
  n: f.n,
  stats: (f.stats ?? {}) as Record<string, unknown>,
});

// The flag has already passed the viewer's visibility check (getFlagForViewerOrThrow); its family is read whole.
export async function flagSignificance(flag: Flag): Promise<FlagSignificance> {
  const period = { periodFrom: flag.periodFrom, periodTo: flag.periodTo };
  const [family, tests] = await Promise.all([
    db.flag.findMany({ where: { method: flag.method, active: true, ...period } }),
    db.detectionTest.findUnique({ where: { method_periodFrom_periodTo: { method: flag.method, ...period } } }),
  ]);
  const members = family.some((f) => f.id === flag.id) ? family : [...family, flag];
  const log10Ps = members.map((f) => flagLog10P(asMethodFlag(f)));
  const bh = benjaminiHochberg(log10Ps, tests?.tests ?? members.length);
  const index = members.findIndex((f) => f.id === flag.id);
  return {
    log10P: log10Ps[index]!,
    survives: bh.survives[index]!,
    flags: members.length,
    tests: bh.m,
    cutoff: bh.cutoff,
    level: FDR_LEVEL,
  };
}
