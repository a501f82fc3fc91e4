// Who may do what to a case, and in which status: one pure table read by the services (which refuse) and by the
// case page (which only offers what would be accepted), as lib/contracts/lifecycle.ts does for contracts.
//   OPEN ─assign→ ASSIGNED ─record finding→ FINDING_RECORDED ─close (a second person)→ CLOSED
//   ASSIGNED ─reassign→ ASSIGNED;   CLOSED ─reopen→ ASSIGNED (finding cleared; the audit log keeps it)
// Four eyes: whoever closes a case is neither its investigator nor whoever recorded its finding.
// Cases exist only for integrity analysts, administrators and managers granted the integrity area, within their
// office (scopeForUser), and never for an officer the case is about, whatever their role.
import { scopeForUser } from "@/lib/auth/scope";
import { refuse, type Refusal } from "@/lib/kernel/domain-error";

export const CASE_STATUSES = ["OPEN", "ASSIGNED", "FINDING_RECORDED", "CLOSED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_FINDINGS = ["CONFIRMED", "UNFOUNDED", "INCONCLUSIVE"] as const;
export type CaseFinding = (typeof CASE_FINDINGS)[number];
export const CASE_ACTION_TYPES = [
  "TAX_ADJUSTMENT",
  "FINE",
  "DISCIPLINARY_REFERRAL",
  "TRAINING",
  "CONTRACT_SANCTION",
] as const;
export type CaseActionType = (typeof CASE_ACTION_TYPES)[number];
// The clearance data's offence codes (docs/data-format.md, inspections.csv) and the integrity unit's own.
export const OFFENCE_CODES = [
  "UNDERVALUATION",
  "MISCLASSIFICATION",
  "QUANTITY",
  "ORIGIN",
  "PROHIBITED",
  "CORRUPTION",
  "OTHER",
] as const;
export type OffenceCode = (typeof OFFENCE_CODES)[number];
// Actions that carry an amount (in the declarations' currency).
export const AMOUNT_ACTIONS: readonly CaseActionType[] = ["TAX_ADJUSTMENT", "FINE"];

export type CaseRole = "ADMIN" | "MANAGER" | "OFFICER" | "INTEGRITY";
// integrityAccess: a manager an administrator has granted the integrity area (users.integrity_access).
export type CaseActor = {
  id: string;
  role: CaseRole;
  officeCode: string | null;
  officerId: string | null;
  integrityAccess?: boolean;
};
// The roles whose requests reach the case routes; a manager without the grant is then refused like anyone else.
export const CASE_ROUTE_ROLES: readonly CaseRole[] = ["INTEGRITY", "ADMIN", "MANAGER"];

export function usesCases(actor: Pick<CaseActor, "role" | "integrityAccess">): boolean {
  return (
    actor.role === "INTEGRITY" || actor.role === "ADMIN" || (actor.role === "MANAGER" && actor.integrityAccess === true)
  );
}

export type CaseFacts = {
  status: CaseStatus;
  officeCode: string | null;
  subjectOfficerIds: readonly string[];
  assigneeId: string | null;
  findingById: string | null;
  finding: CaseFinding | null;
};

export type CaseOperation =
  "addFlags" | "assign" | "note" | "attach" | "recordFinding" | "addAction" | "close" | "reopen";
export const CASE_OPERATIONS: readonly CaseOperation[] = [
  "addFlags",
  "assign",
  "note",
  "attach",
  "recordFinding",
  "addAction",
  "close",
  "reopen",
];

// The statuses each operation is accepted in, and the status it leads to (null = unchanged).
const TABLE: Record<CaseOperation, { from: readonly CaseStatus[]; to: CaseStatus | null }> = {
  addFlags: { from: ["OPEN", "ASSIGNED"], to: null },
  assign: { from: ["OPEN", "ASSIGNED"], to: "ASSIGNED" },
  note: { from: ["OPEN", "ASSIGNED", "FINDING_RECORDED"], to: null },
  attach: { from: ["OPEN", "ASSIGNED", "FINDING_RECORDED"], to: null },
  recordFinding: { from: ["ASSIGNED"], to: "FINDING_RECORDED" },
  addAction: { from: ["FINDING_RECORDED"], to: null },
  close: { from: ["FINDING_RECORDED"], to: "CLOSED" },
  reopen: { from: ["CLOSED"], to: "ASSIGNED" },
};

export function statusAfter(operation: CaseOperation, from: CaseStatus): CaseStatus {
  return TABLE[operation].to ?? from;
}

// Within the actor's office (all offices for a national analyst or an administrator), never about themselves.
export function canSeeCase(c: Pick<CaseFacts, "officeCode" | "subjectOfficerIds">, actor: CaseActor): boolean {
  if (!usesCases(actor)) return false;
  if (actor.officerId !== null && c.subjectOfficerIds.includes(actor.officerId)) return false;
  const scope = scopeForUser(actor);
  return scope.kind === "all" || (scope.kind === "office" && scope.officeCode === c.officeCode);
}

export function refusalFor(operation: CaseOperation, c: CaseFacts, actor: CaseActor): Refusal | null {
  if (!canSeeCase(c, actor)) return refuse("NOT_FOUND", "notFound");
  if (!TABLE[operation].from.includes(c.status)) return refuse("CONFLICT", "wrongStatus");
  if (operation === "addAction" && c.finding === "UNFOUNDED") return refuse("CONFLICT", "noActionUnfounded");
  if (operation === "close") {
    if (actor.id === c.findingById) return refuse("FORBIDDEN", "fourEyesFinding");
    if (actor.id === c.assigneeId) return refuse("FORBIDDEN", "fourEyesAssignee");
  }
  return null;
}

export function availableOperations(c: CaseFacts, actor: CaseActor): CaseOperation[] {
  return CASE_OPERATIONS.filter((operation) => refusalFor(operation, c, actor) === null);
}

// A training may follow any finding but an unfounded one; every other action needs a confirmed finding.
export function actionRefusal(finding: CaseFinding | null, type: CaseActionType): Refusal | null {
  if (finding === null) return refuse("CONFLICT", "wrongStatus");
  if (finding === "UNFOUNDED") return refuse("CONFLICT", "noActionUnfounded");
  if (type !== "TRAINING" && finding !== "CONFIRMED") return refuse("CONFLICT", "actionNeedsConfirmed");
  return null;
}

export type AssigneeCandidate = {
  id: string;
  role: CaseRole;
  officeCode: string | null;
  officerId: string | null;
  active: boolean;
  integrityAccess?: boolean;
};

// The investigator is an active integrity analyst who could see the case: of its office, or national.
export function assigneeRefusal(
  c: Pick<CaseFacts, "officeCode" | "subjectOfficerIds">,
  candidate: AssigneeCandidate | null,
): Refusal | null {
  if (!candidate || !candidate.active || candidate.role !== "INTEGRITY" || !canSeeCase(c, candidate)) {
    return refuse("INVALID", "assigneeNotEligible");
  }
  return null;
}

// Due dates are calendar days ("YYYY-MM-DD"), today at the earliest.
export function dueDateRefusal(dueDate: string, today: string): Refusal | null {
  return dueDate < today ? refuse("INVALID", "dueDatePast") : null;
}

// A case is overdue once its due date has passed (the due day itself is still on time) and until it is closed.
export function isOverdue(c: { status: CaseStatus; dueDate: string | null }, today: string): boolean {
  return c.status !== "CLOSED" && c.dueDate !== null && c.dueDate < today;
}

export type TriageFlag = { id: number; state: "NEW" | "DISMISSED" | "IN_CASE"; officeCode: string | null };

// Flags join a case while they await triage, and all the flags of a case share one office (null included), so the
// case has one scope. `caseOfficeCode` is undefined for a new case. A new case opened on everything behind one
// subject may span offices (`spanOffices`): its office is then null, which only national users see.
export function joinRefusal(
  flags: readonly TriageFlag[],
  caseOfficeCode?: string | null,
  spanOffices = false,
): Refusal | null {
  if (!flags.length) return refuse("INVALID", "noFlags");
  if (flags.some((f) => f.state !== "NEW")) return refuse("CONFLICT", "flagAlreadyTriaged");
  if (spanOffices && caseOfficeCode === undefined) return null;
  const office = caseOfficeCode === undefined ? flags[0]!.officeCode : caseOfficeCode;
  if (flags.some((f) => f.officeCode !== office)) return refuse("CONFLICT", "flagsOfficeMismatch");
  return null;
}
