import { describe, expect, it } from "vitest";
import {
  actionRefusal,
  assigneeRefusal,
  availableOperations,
  canSeeCase,
  CASE_ACTION_TYPES,
  CASE_OPERATIONS,
  CASE_STATUSES,
  dueDateRefusal,
  isOverdue,
  joinRefusal,
  refusalFor,
  statusAfter,
  type CaseActor,
  type CaseFacts,
} from "@/lib/cases/case-rules";

const analyst: CaseActor = { id: "u-analyst", role: "INTEGRITY", officeCode: "CMDLA1", officerId: null };
const colleague: CaseActor = { id: "u-colleague", role: "INTEGRITY", officeCode: "CMDLA1", officerId: null };
const national: CaseActor = { id: "u-national", role: "INTEGRITY", officeCode: null, officerId: null };
const otherOffice: CaseActor = { id: "u-other", role: "INTEGRITY", officeCode: "CMDLA5", officerId: null };
const admin: CaseActor = { id: "u-admin", role: "ADMIN", officeCode: "CMDLA5", officerId: null };
const manager: CaseActor = { id: "u-manager", role: "MANAGER", officeCode: "CMDLA1", officerId: null };
// A manager an administrator has granted the integrity area (users.integrity_access).
const grantedManager: CaseActor = { ...manager, id: "u-granted", integrityAccess: true };
const subject: CaseActor = { id: "u-officer", role: "OFFICER", officeCode: "CMDLA1", officerId: "OF001" };
// An analyst account linked to the very officer the case is about.
const analystAboutThemselves: CaseActor = {
  id: "u-linked",
  role: "INTEGRITY",
  officeCode: "CMDLA1",
  officerId: "OF001",
};

const facts = (status: CaseFacts["status"], extra: Partial<CaseFacts> = {}): CaseFacts => ({
  status,
  officeCode: "CMDLA1",
  subjectOfficerIds: ["OF001"],
  assigneeId: status === "OPEN" ? null : analyst.id,
  findingById: status === "FINDING_RECORDED" || status === "CLOSED" ? analyst.id : null,
  finding: status === "FINDING_RECORDED" || status === "CLOSED" ? "CONFIRMED" : null,
  ...extra,
});

describe("who sees a case", () => {
  it("is the integrity analysts of its office, national analysts, administrators and granted managers of the office", () => {
    for (const actor of [analyst, colleague, national, admin, grantedManager])
      expect(canSeeCase(facts("OPEN"), actor)).toBe(true);
    expect(canSeeCase(facts("OPEN"), { ...grantedManager, officeCode: "CMDLA5" })).toBe(false);
    // The grant means nothing to another role.
    expect(canSeeCase(facts("OPEN"), { ...subject, officerId: "OF002", integrityAccess: true })).toBe(false);
    expect(canSeeCase(facts("OPEN", { officeCode: null }), national)).toBe(true);
    expect(canSeeCase(facts("OPEN", { officeCode: null }), analyst)).toBe(false);
  });

  it("is never an officer (not even the one it is about), a manager, another office or the subject under another role", () => {
    for (const actor of [subject, manager, otherOffice, analystAboutThemselves]) {
      expect(canSeeCase(facts("ASSIGNED"), actor)).toBe(false);
      for (const operation of CASE_OPERATIONS)
        expect(refusalFor(operation, facts("ASSIGNED"), actor)).toEqual({ code: "NOT_FOUND", key: "notFound" });
      expect(availableOperations(facts("CLOSED"), actor)).toEqual([]);
    }
    // An officer of another office linked to nothing in the case still sees nothing.
    expect(canSeeCase(facts("OPEN", { subjectOfficerIds: [] }), { ...subject, officerId: "OF999" })).toBe(false);
  });
});

describe("the lifecycle table", () => {
  it("allows exactly these operations in each status, and says where each leads", () => {
    const allowed = CASE_STATUSES.map((status) => [status, availableOperations(facts(status), national)]);
    expect(allowed).toEqual([
      ["OPEN", ["addFlags", "assign", "note", "attach"]],
      ["ASSIGNED", ["addFlags", "assign", "note", "attach", "recordFinding"]],
      ["FINDING_RECORDED", ["note", "attach", "addAction", "close"]],
      ["CLOSED", ["reopen"]],
    ]);
    expect(statusAfter("assign", "OPEN")).toBe("ASSIGNED");
    expect(statusAfter("assign", "ASSIGNED")).toBe("ASSIGNED");
    expect(statusAfter("recordFinding", "ASSIGNED")).toBe("FINDING_RECORDED");
    expect(statusAfter("close", "FINDING_RECORDED")).toBe("CLOSED");
    expect(statusAfter("reopen", "CLOSED")).toBe("ASSIGNED");
    expect(statusAfter("note", "FINDING_RECORDED")).toBe("FINDING_RECORDED");
  });

  it("refuses an operation out of its status as a conflict", () => {
    expect(refusalFor("recordFinding", facts("OPEN"), analyst)).toEqual({ code: "CONFLICT", key: "wrongStatus" });
    expect(refusalFor("close", facts("ASSIGNED"), colleague)).toEqual({ code: "CONFLICT", key: "wrongStatus" });
    expect(refusalFor("note", facts("CLOSED"), analyst)).toEqual({ code: "CONFLICT", key: "wrongStatus" });
    expect(refusalFor("reopen", facts("FINDING_RECORDED"), analyst)).toEqual({ code: "CONFLICT", key: "wrongStatus" });
    expect(refusalFor("addFlags", facts("FINDING_RECORDED"), analyst)).toEqual({
      code: "CONFLICT",
      key: "wrongStatus",
    });
  });
});

describe("four eyes at closure", () => {
  it("refuses whoever recorded the finding and the investigator, whatever their role", () => {
    const recorded = facts("FINDING_RECORDED", { assigneeId: colleague.id, findingById: analyst.id });
    expect(refusalFor("close", recorded, analyst)).toEqual({ code: "FORBIDDEN", key: "fourEyesFinding" });
    expect(refusalFor("close", recorded, colleague)).toEqual({ code: "FORBIDDEN", key: "fourEyesAssignee" });
    expect(refusalFor("close", recorded, national)).toBeNull();
    expect(refusalFor("close", recorded, admin)).toBeNull();
    expect(refusalFor("close", recorded, grantedManager)).toBeNull();
    const byAdmin = facts("FINDING_RECORDED", { assigneeId: admin.id, findingById: admin.id });
    expect(refusalFor("close", byAdmin, admin)).toEqual({ code: "FORBIDDEN", key: "fourEyesFinding" });
    expect(availableOperations(recorded, analyst)).toEqual(["note", "attach", "addAction"]);
  });
});

describe("actions on a finding", () => {
  it("need a confirmed finding, except a training, and none follows an unfounded one", () => {
    for (const type of CASE_ACTION_TYPES) expect(actionRefusal("CONFIRMED", type)).toBeNull();
    expect(actionRefusal("INCONCLUSIVE", "TRAINING")).toBeNull();
    for (const type of CASE_ACTION_TYPES.filter((t) => t !== "TRAINING")) {
      expect(actionRefusal("INCONCLUSIVE", type)).toEqual({ code: "CONFLICT", key: "actionNeedsConfirmed" });
    }
    for (const type of CASE_ACTION_TYPES)
      expect(actionRefusal("UNFOUNDED", type)).toEqual({ code: "CONFLICT", key: "noActionUnfounded" });
    expect(refusalFor("addAction", facts("FINDING_RECORDED", { finding: "UNFOUNDED" }), analyst)).toEqual({
      code: "CONFLICT",
      key: "noActionUnfounded",
    });
  });
});

describe("the investigator", () => {
  const candidate = (extra: Partial<Parameters<typeof assigneeRefusal>[1] & object> = {}) => ({
    ...colleague,
    active: true,
    ...extra,
  });

  it("is an active integrity analyst of the case's office, or a national one, who is not its subject", () => {
    expect(assigneeRefusal(facts("OPEN"), candidate())).toBeNull();
    expect(assigneeRefusal(facts("OPEN"), candidate({ officeCode: null }))).toBeNull();
    const refused = { code: "INVALID", key: "assigneeNotEligible" };
    expect(assigneeRefusal(facts("OPEN"), candidate({ active: false }))).toEqual(refused);
    expect(assigneeRefusal(facts("OPEN"), candidate({ officeCode: "CMDLA5" }))).toEqual(refused);
    expect(assigneeRefusal(facts("OPEN"), candidate({ role: "ADMIN" }))).toEqual(refused);
    expect(assigneeRefusal(facts("OPEN"), candidate({ role: "MANAGER", integrityAccess: true }))).toEqual(refused);
    expect(assigneeRefusal(facts("OPEN"), candidate({ role: "OFFICER", officerId: "OF002" }))).toEqual(refused);
    expect(assigneeRefusal(facts("OPEN"), candidate({ officerId: "OF001" }))).toEqual(refused);
    expect(assigneeRefusal(facts("OPEN"), null)).toEqual(refused);
  });

  it("gets a due date today or later, and the case is overdue from the day after it", () => {
    expect(dueDateRefusal("2026-03-01", "2026-03-01")).toBeNull();
    expect(dueDateRefusal("2026-02-28", "2026-03-01")).toEqual({ code: "INVALID", key: "dueDatePast" });
    expect(isOverdue({ status: "ASSIGNED", dueDate: "2026-03-01" }, "2026-03-01")).toBe(false);
    expect(isOverdue({ status: "ASSIGNED", dueDate: "2026-03-01" }, "2026-03-02")).toBe(true);
    expect(isOverdue({ status: "FINDING_RECORDED", dueDate: "2026-03-01" }, "2026-03-02")).toBe(true);
    expect(isOverdue({ status: "CLOSED", dueDate: "2026-03-01" }, "2026-03-02")).toBe(false);
    expect(isOverdue({ status: "OPEN", dueDate: null }, "2026-03-02")).toBe(false);
  });
});

describe("flags joining a case", () => {
  it("are flags awaiting triage, of one office", () => {
    expect(
      joinRefusal([
        { id: 1, state: "NEW", officeCode: "CMDLA1" },
        { id: 2, state: "NEW", officeCode: "CMDLA1" },
      ]),
    ).toBeNull();
    expect(joinRefusal([{ id: 1, state: "NEW", officeCode: null }], null)).toBeNull();
    expect(joinRefusal([])).toEqual({ code: "INVALID", key: "noFlags" });
    expect(joinRefusal([{ id: 1, state: "DISMISSED", officeCode: "CMDLA1" }])).toEqual({
      code: "CONFLICT",
      key: "flagAlreadyTriaged",
    });
    expect(joinRefusal([{ id: 1, state: "IN_CASE", officeCode: "CMDLA1" }])).toEqual({
      code: "CONFLICT",
      key: "flagAlreadyTriaged",
    });
    expect(
      joinRefusal([
        { id: 1, state: "NEW", officeCode: "CMDLA1" },
        { id: 2, state: "NEW", officeCode: "CMDLA5" },
      ]),
    ).toEqual({ code: "CONFLICT", key: "flagsOfficeMismatch" });
    expect(joinRefusal([{ id: 2, state: "NEW", officeCode: null }], "CMDLA1")).toEqual({
      code: "CONFLICT",
      key: "flagsOfficeMismatch",
    });
    // A new case on everything behind one subject may span offices; it still takes only flags awaiting triage, and
    // an existing case keeps its one office.
    const spanning = [
      { id: 1, state: "NEW" as const, officeCode: "CMDLA1" },
      { id: 2, state: "NEW" as const, officeCode: null },
    ];
    expect(joinRefusal(spanning, undefined, true)).toBeNull();
    expect(joinRefusal([...spanning, { id: 3, state: "DISMISSED", officeCode: "CMDLA1" }], undefined, true)).toEqual({
      code: "CONFLICT",
      key: "flagAlreadyTriaged",
    });
    expect(joinRefusal(spanning, "CMDLA1", true)).toEqual({ code: "CONFLICT", key: "flagsOfficeMismatch" });
  });
});
