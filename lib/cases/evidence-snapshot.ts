// The frozen evidence of a flag taken into a case: the flag as detection left it (statistics, rule and parameters),
// its evidence declarations as lib/integrity/flag-evidence.ts reads them, and the goods line of each declaration
// (HS code and origin, for the offence records). Hashed with sha256 over its canonical JSON, so anyone holding the
// snapshot can show it is what the case was opened on, whatever happened to the rows since.
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/contracts/inputs-hash";
import { isoDate } from "@/lib/kernel/calendar";

export const SNAPSHOT_VERSION = 1;

export type SnapshotFlag = {
  id: number;
  method: string;
  kpiId: string;
  subjectType: string;
  subjectId: string;
  relatedId: string;
  periodFrom: string;
  periodTo: string;
  score: number;
  n: number;
  stats: unknown;
  rule: unknown;
  officeCode: string | null;
  lastDetectedAt: string;
};

// The goods line a declaration is recorded under: the flagged item for a unit-value flag, else the item of the
// highest customs value.
export type GoodsLine = { itemNo: number; hsCode: string; originCountry: string };

export type EvidenceSnapshot = {
  version: number;
  flag: SnapshotFlag;
  // Every evidence row (up to the cap), as JSON: dates as ISO text, amounts as PostgreSQL gave them.
  declarations: Record<string, unknown>[];
  goods: Record<string, GoodsLine>;
  // How many evidence rows there were; more than declarations.length when the snapshot was capped.
  total: number;
};

type FlagRow = {
  id: number;
  method: string;
  kpiId: string;
  subjectType: string;
  subjectId: string;
  relatedId: string;
  periodFrom: Date;
  periodTo: Date;
  score: number;
  n: number;
  stats: unknown;
  rule: unknown;
  officeCode: string | null;
  lastDetectedAt: Date;
};

// Plain JSON values only (Dates become ISO text), exactly what jsonb stores and gives back.
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function buildSnapshot(
  flag: FlagRow,
  declarations: Record<string, unknown>[],
  goods: Record<string, GoodsLine>,
  total: number,
): EvidenceSnapshot {
  return asJson({
    version: SNAPSHOT_VERSION,
    flag: {
      id: flag.id,
      method: flag.method,
      kpiId: flag.kpiId,
      subjectType: flag.subjectType,
      subjectId: flag.subjectId,
      relatedId: flag.relatedId,
      periodFrom: isoDate(flag.periodFrom),
      periodTo: isoDate(flag.periodTo),
      score: flag.score,
      n: flag.n,
      stats: flag.stats,
      rule: flag.rule,
      officeCode: flag.officeCode,
      lastDetectedAt: flag.lastDetectedAt.toISOString(),
    },
    declarations,
    goods,
    total,
  });
}

export function snapshotHash(snapshot: unknown): string {
  return createHash("sha256").update(canonicalJson(snapshot)).digest("hex");
}

// A stored snapshot is intact when its hash, recomputed, is the one kept beside it.
export function snapshotIntact(evidence: { snapshot: unknown; sha256: string }): boolean {
  return snapshotHash(evidence.snapshot) === evidence.sha256;
}

// The officers a flag is about: the flagged officer, the officer of a broker–officer pair, the assessing officer of
// a unit-value flag's declaration. A Benford flag is about a broker only.
export function subjectOfficersOf(
  flag: { method: string; subjectType: string; subjectId: string; relatedId: string },
  declarations: Record<string, unknown>[],
): string[] {
  const ids = new Set<string>();
  if (flag.subjectType === "officer") ids.add(flag.subjectId);
  if (flag.method === "BROKER_OFFICER_PAIR" && flag.relatedId) ids.add(flag.relatedId);
  if (flag.method === "UNIT_VALUE") {
    for (const d of declarations)
      if (typeof d.assessing_officer_id === "string" && d.assessing_officer_id) ids.add(d.assessing_officer_id);
  }
  return [...ids].sort();
}

// Declaration ids of a snapshot, each once, in evidence order.
export function snapshotDeclIds(snapshot: Pick<EvidenceSnapshot, "declarations">): string[] {
  return [...new Set(snapshot.declarations.map((d) => String(d.decl_id)))];
}
