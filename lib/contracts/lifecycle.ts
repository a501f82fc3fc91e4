// Who may do what to a contract, and in which status: one pure table read by the services (which refuse) and by
// the pages (which only offer the buttons that would be accepted), so the two cannot drift apart.
//   DRAFT ─sign (principal)→ SIGNED ─acknowledge (party)→ ACKNOWLEDGED ─period starts→ ACTIVE ─close→ CLOSED
//   SIGNED | ACKNOWLEDGED | ACTIVE ─amend→ SUPERSEDED (kept as it was) + a new DRAFT version
import type { Actor } from "@/lib/auth/session-user";
import { refuse, type Refusal } from "@/lib/kernel/domain-error";

export type ContractStatus = "DRAFT" | "SIGNED" | "ACKNOWLEDGED" | "ACTIVE" | "CLOSED" | "SUPERSEDED";
export type PartyType = "OFFICER" | "UNIT" | "OFFICE";
export type ActorRole = Actor["role"];

export type ContractFacts = {
  status: ContractStatus;
  principalId: string;
  partyType: PartyType;
  partyOfficerId: string | null;
  officeCode: string;
  periodFrom: string;
  activatedAt: Date | string | null;
};

export type ContractAction = "edit" | "sign" | "acknowledge" | "close" | "amend" | "review" | "evaluate";

export const MANAGING_ROLES: readonly ActorRole[] = ["ADMIN", "MANAGER"];
// Statuses in which a contract binds its party: the overlap rule looks at these.
export const BINDING_STATUSES: readonly ContractStatus[] = ["SIGNED", "ACKNOWLEDGED", "ACTIVE"];

// A manager or administrator whose office is the contract's, or who has no office (all offices).
export function managesOffice(actor: Actor, officeCode: string): boolean {
  return MANAGING_ROLES.includes(actor.role) && (actor.officeCode === null || actor.officeCode === officeCode);
}

// The party of an individual contract is the account linked to that officer; of a unit or office contract, a
// manager of that very office (not a national one) other than the principal, so nobody signs both sides.
export function isParty(contract: ContractFacts, actor: Actor): boolean {
  if (contract.partyType === "OFFICER") return actor.officerId !== null && actor.officerId === contract.partyOfficerId;
  return actor.role === "MANAGER" && actor.officeCode === contract.officeCode && actor.id !== contract.principalId;
}

// Managers see their office's contracts; an officer sees the contracts they are party to once signed (a draft is
// still the manager's working copy). Anything else does not exist for them (NOT_FOUND, never a hint).
export function canSee(contract: ContractFacts, actor: Actor): boolean {
  if (managesOffice(actor, contract.officeCode)) return true;
  return contract.partyType === "OFFICER" && isParty(contract, actor) && contract.status !== "DRAFT";
}

const wrongStatus = refuse("CONFLICT", "wrongStatus");

// A contract that was in force at some point: its months can be reviewed and its quarters evaluated, also after
// it was closed (the last quarter is evaluated once it is over).
function wasInForce(c: ContractFacts): boolean {
  return c.status === "ACTIVE" || (c.status === "CLOSED" && c.activatedAt !== null);
}

export function refusalFor(action: ContractAction, contract: ContractFacts, actor: Actor): Refusal | null {
  if (!canSee(contract, actor)) return refuse("NOT_FOUND", "notFound");
  const manager = managesOffice(actor, contract.officeCode);
  switch (action) {
    case "edit":
      if (!manager) return refuse("FORBIDDEN", "forbidden");
      return contract.status === "DRAFT" ? null : refuse("CONFLICT", "notDraft");
    case "sign":
      if (!manager || actor.id !== contract.principalId) return refuse("FORBIDDEN", "onlyPrincipal");
      return contract.status === "DRAFT" ? null : wrongStatus;
    case "acknowledge":
      if (!isParty(contract, actor)) return refuse("FORBIDDEN", "onlyParty");
      return contract.status === "SIGNED" ? null : wrongStatus;
    case "close":
      if (!manager) return refuse("FORBIDDEN", "forbidden");
      return ["DRAFT", ...BINDING_STATUSES].includes(contract.status) ? null : wrongStatus;
    case "amend":
      if (!manager) return refuse("FORBIDDEN", "forbidden");
      return BINDING_STATUSES.includes(contract.status) ? null : wrongStatus;
    case "review":
    case "evaluate":
      if (!manager) return refuse("FORBIDDEN", "forbidden");
      return wasInForce(contract) ? null : refuse("CONFLICT", "notInForce");
  }
}

export function availableActions(contract: ContractFacts, actor: Actor): ContractAction[] {
  const all: ContractAction[] = ["edit", "sign", "acknowledge", "close", "amend", "review", "evaluate"];
  return all.filter((action) => refusalFor(action, contract, actor) === null);
}

// An acknowledged contract whose period has started is in force at once; otherwise it waits for its first day.
export function statusAfterAcknowledgement(periodFrom: string, today: string): "ACKNOWLEDGED" | "ACTIVE" {
  return periodFrom <= today ? "ACTIVE" : "ACKNOWLEDGED";
}

export type EvaluationFacts = {
  decision: "REWARD" | "NO_ACTION" | "WARNING" | "SANCTION";
  evaluatorId: string;
  appealedAt: Date | string | null;
  appealOutcome: "UPHELD" | "OVERTURNED" | null;
};

// The party may appeal a sanction, once.
export function appealRefusal(contract: ContractFacts, evaluation: EvaluationFacts, actor: Actor): Refusal | null {
  if (!canSee(contract, actor)) return refuse("NOT_FOUND", "notFound");
  if (!isParty(contract, actor) || actor.id === evaluation.evaluatorId) return refuse("FORBIDDEN", "onlyParty");
  if (evaluation.decision !== "SANCTION") return refuse("CONFLICT", "appealOnlySanction");
  if (evaluation.appealedAt !== null) return refuse("CONFLICT", "alreadyAppealed");
  return null;
}

// A second manager decides: neither the evaluator nor whoever lodged the appeal.
export function decideAppealRefusal(
  contract: ContractFacts,
  evaluation: EvaluationFacts,
  actor: Actor,
  appellantId: string | null,
): Refusal | null {
  if (!canSee(contract, actor)) return refuse("NOT_FOUND", "notFound");
  if (!managesOffice(actor, contract.officeCode)) return refuse("FORBIDDEN", "forbidden");
  if (actor.id === evaluation.evaluatorId || actor.id === appellantId)
    return refuse("FORBIDDEN", "appealNeedsOtherManager");
  if (evaluation.appealedAt === null) return refuse("CONFLICT", "noAppeal");
  if (evaluation.appealOutcome !== null) return refuse("CONFLICT", "appealDecided");
  return null;
}
