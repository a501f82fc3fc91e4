// Who may dispute a monthly KPI value and who answers, which answers a dispute can take, and what an accepted one
// puts beside the computed value: one pure table read by the services (which refuse) and by the pages (which only
// offer what would be accepted), as lifecycle.ts does for contracts.
//   OPEN ─accept with a corrected value→ ACCEPTED_CORRECTED
//        ─accept with an annotation→     ACCEPTED_ANNOTATED
//        ─reject→                        REJECTED            (each answer is final; a new dispute may follow)
import type { Actor } from "@/lib/auth/session-user";
import { refuse, type Refusal } from "@/lib/kernel/domain-error";
import { canSee, isParty, managesOffice, type ContractFacts } from "@/lib/contracts/lifecycle";
import { KPI_CATALOGUE } from "@/lib/kpis/catalogue";

export const DISPUTE_STATUSES = ["OPEN", "ACCEPTED_CORRECTED", "ACCEPTED_ANNOTATED", "REJECTED"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_OUTCOMES = ["ACCEPTED_CORRECTED", "ACCEPTED_ANNOTATED", "REJECTED"] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

const TRANSITIONS: Record<DisputeStatus, readonly DisputeStatus[]> = {
  OPEN: DISPUTE_OUTCOMES,
  ACCEPTED_CORRECTED: [],
  ACCEPTED_ANNOTATED: [],
  REJECTED: [],
};

export function canTransition(from: DisputeStatus, to: DisputeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export type DisputeFacts = { status: DisputeStatus; officerId: string; filedById: string };

// Integrity analysts review flags, not contract figures: disputes are between an officer and their managers, so
// they do not exist for an analyst even when the contract would be visible to them.
const outsideDisputes = (actor: Actor) => actor.role === "INTEGRITY";

// The officer party of an individual contract disputes their own figures, on any version but a draft (never shown
// to them) or one replaced by an amendment (its current version is where the months go on).
export function fileRefusal(contract: ContractFacts, actor: Actor): Refusal | null {
  if (outsideDisputes(actor) || !canSee(contract, actor)) return refuse("NOT_FOUND", "notFound");
  if (contract.partyType !== "OFFICER" || !isParty(contract, actor)) return refuse("FORBIDDEN", "onlyParty");
  if (contract.status === "DRAFT" || contract.status === "SUPERSEDED") return refuse("CONFLICT", "contractNotCurrent");
  return null;
}

// A manager of the contract's office (or of all offices) answers, once, and never the officer who filed it.
export function answerRefusal(contract: ContractFacts, dispute: DisputeFacts, actor: Actor): Refusal | null {
  if (outsideDisputes(actor) || !canSee(contract, actor)) return refuse("NOT_FOUND", "notFound");
  if (actor.id === dispute.filedById || actor.officerId === dispute.officerId)
    return refuse("FORBIDDEN", "filerCannotAnswer");
  if (!managesOffice(actor, contract.officeCode)) return refuse("FORBIDDEN", "forbidden");
  if (dispute.status !== "OPEN") return refuse("CONFLICT", "alreadyAnswered");
  return null;
}

// A corrected value must be a value the KPI can take: a share between 0 and 1, a duration not negative. Amounts may
// be negative (P10 additional revenue).
export function correctionRefusal(kpiId: string, value: number): Refusal | null {
  if (!Number.isFinite(value)) return refuse("INVALID", "number");
  const unit = KPI_CATALOGUE.find((k) => k.id === kpiId)?.unit;
  if (unit === "share" && (value < 0 || value > 1)) return refuse("INVALID", "shareOutOfRange");
  if ((unit === "hours" || unit === "perDay") && value < 0) return refuse("INVALID", "negativeValue");
  return null;
}

export type DisputeNoteSource = {
  id: number;
  kpiId: string;
  month: string;
  status: DisputeStatus;
  correctedValue: number | null;
  answer: string | null;
  answeredAt: Date | null;
};

// What an accepted dispute puts beside a month's computed value (which stays shown as it is).
export type DisputeNote =
  | {
      kind: "corrected";
      disputeId: number;
      kpiId: string;
      month: string;
      correctedValue: number;
      answer: string;
      answeredAt: Date;
    }
  | { kind: "annotated"; disputeId: number; kpiId: string; month: string; answer: string; answeredAt: Date };

export function noteOf(d: DisputeNoteSource): DisputeNote | null {
  if (d.answeredAt === null || d.answer === null) return null;
  const base = { disputeId: d.id, kpiId: d.kpiId, month: d.month, answer: d.answer, answeredAt: d.answeredAt };
  if (d.status === "ACCEPTED_CORRECTED" && d.correctedValue !== null)
    return { kind: "corrected", ...base, correctedValue: d.correctedValue };
  if (d.status === "ACCEPTED_ANNOTATED") return { kind: "annotated", ...base };
  return null;
}

export const noteKey = (kpiId: string, month: string) => `${kpiId}|${month}`;

// One note per KPI and month: the latest accepted answer, since a later dispute of the same figure supersedes an
// earlier one. Rejected and open disputes put nothing beside the value.
export function notesByCell(disputes: DisputeNoteSource[]): Map<string, DisputeNote> {
  const notes = new Map<string, DisputeNote>();
  for (const d of disputes) {
    const note = noteOf(d);
    if (!note) continue;
    const key = noteKey(note.kpiId, note.month);
    const current = notes.get(key);
    if (
      !current ||
      note.answeredAt > current.answeredAt ||
      (+note.answeredAt === +current.answeredAt && note.disputeId > current.disputeId)
    ) {
      notes.set(key, note);
    }
  }
  return notes;
}
