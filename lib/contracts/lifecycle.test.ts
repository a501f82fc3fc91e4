import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session-user";
import {
  appealRefusal,
  availableActions,
  canSee,
  decideAppealRefusal,
  refusalFor,
  statusAfterAcknowledgement,
  type ContractFacts,
  type EvaluationFacts,
} from "@/lib/contracts/lifecycle";

const principal: Actor = { id: "u-principal", role: "MANAGER", officeCode: "CMDLA1", officerId: null };
const colleague: Actor = { id: "u-colleague", role: "MANAGER", officeCode: "CMDLA1", officerId: null };
const national: Actor = { id: "u-national", role: "MANAGER", officeCode: null, officerId: null };
const otherOffice: Actor = { id: "u-other", role: "MANAGER", officeCode: "CMDLA5", officerId: null };
const admin: Actor = { id: "u-admin", role: "ADMIN", officeCode: null, officerId: null };
const party: Actor = { id: "u-officer", role: "OFFICER", officeCode: "CMDLA1", officerId: "OF001" };
const otherOfficer: Actor = { id: "u-officer2", role: "OFFICER", officeCode: "CMDLA1", officerId: "OF002" };
const analyst: Actor = { id: "u-integrity", role: "INTEGRITY", officeCode: null, officerId: null };

const individual = (status: ContractFacts["status"], extra: Partial<ContractFacts> = {}): ContractFacts => ({
  status,
  principalId: principal.id,
  partyType: "OFFICER",
  partyOfficerId: "OF001",
  officeCode: "CMDLA1",
  periodFrom: "2025-03-01",
  activatedAt: status === "ACTIVE" ? "2025-03-02" : null,
  ...extra,
});

describe("contract visibility", () => {
  it("lets managers of the office (or of all offices) see every status, the party only once signed", () => {
    for (const actor of [principal, colleague, national, admin]) expect(canSee(individual("DRAFT"), actor)).toBe(true);
    expect(canSee(individual("DRAFT"), party)).toBe(false);
    expect(canSee(individual("SIGNED"), party)).toBe(true);
  });

  it("hides a contract from another office's manager, another officer and an integrity analyst", () => {
    for (const actor of [otherOffice, otherOfficer, analyst]) {
      expect(canSee(individual("ACTIVE"), actor)).toBe(false);
      expect(refusalFor("acknowledge", individual("SIGNED"), actor)).toEqual({ code: "NOT_FOUND", key: "notFound" });
    }
  });
});

describe("lifecycle transitions", () => {
  it("offers each role exactly the actions of the status", () => {
    expect(availableActions(individual("DRAFT"), principal)).toEqual(["edit", "sign", "close"]);
    expect(availableActions(individual("DRAFT"), colleague)).toEqual(["edit", "close"]);
    expect(availableActions(individual("SIGNED"), party)).toEqual(["acknowledge"]);
    expect(availableActions(individual("SIGNED"), principal)).toEqual(["close", "amend"]);
    expect(availableActions(individual("ACTIVE"), colleague)).toEqual(["close", "amend", "review", "evaluate"]);
    expect(availableActions(individual("ACTIVE"), party)).toEqual([]);
    expect(availableActions(individual("SUPERSEDED"), principal)).toEqual([]);
    expect(availableActions(individual("CLOSED", { activatedAt: "2025-03-01" }), principal)).toEqual([
      "review",
      "evaluate",
    ]);
    expect(availableActions(individual("CLOSED"), principal)).toEqual([]);
  });

  it("says why a transition is refused", () => {
    expect(refusalFor("sign", individual("DRAFT"), colleague)).toEqual({ code: "FORBIDDEN", key: "onlyPrincipal" });
    expect(refusalFor("sign", individual("SIGNED"), principal)).toEqual({ code: "CONFLICT", key: "wrongStatus" });
    expect(refusalFor("edit", individual("SIGNED"), principal)).toEqual({ code: "CONFLICT", key: "notDraft" });
    expect(refusalFor("acknowledge", individual("SIGNED"), principal)).toEqual({ code: "FORBIDDEN", key: "onlyParty" });
    expect(refusalFor("amend", individual("DRAFT"), principal)).toEqual({ code: "CONFLICT", key: "wrongStatus" });
    expect(refusalFor("review", individual("SIGNED"), principal)).toEqual({ code: "CONFLICT", key: "notInForce" });
    expect(refusalFor("evaluate", individual("ACTIVE"), party)).toEqual({ code: "FORBIDDEN", key: "forbidden" });
  });

  it("has a unit contract acknowledged by a manager of that office who is not the principal", () => {
    const unit = individual("SIGNED", { partyType: "UNIT", partyOfficerId: null });
    expect(refusalFor("acknowledge", unit, colleague)).toBeNull();
    expect(refusalFor("acknowledge", unit, principal)).toEqual({ code: "FORBIDDEN", key: "onlyParty" });
    expect(refusalFor("acknowledge", unit, national)).toEqual({ code: "FORBIDDEN", key: "onlyParty" });
    expect(refusalFor("acknowledge", unit, party)).toEqual({ code: "NOT_FOUND", key: "notFound" });
  });

  it("activates at acknowledgement when the period has started", () => {
    expect(statusAfterAcknowledgement("2025-03-01", "2025-03-01")).toBe("ACTIVE");
    expect(statusAfterAcknowledgement("2025-03-01", "2026-11-26")).toBe("ACTIVE");
    expect(statusAfterAcknowledgement("2027-01-01", "2026-11-26")).toBe("ACKNOWLEDGED");
  });
});

describe("appeals", () => {
  const sanction: EvaluationFacts = {
    decision: "SANCTION",
    evaluatorId: colleague.id,
    appealedAt: null,
    appealOutcome: null,
  };

  it("lets the party appeal a sanction once", () => {
    expect(appealRefusal(individual("ACTIVE"), sanction, party)).toBeNull();
    expect(appealRefusal(individual("ACTIVE"), { ...sanction, decision: "WARNING" }, party)).toEqual({
      code: "CONFLICT",
      key: "appealOnlySanction",
    });
    expect(appealRefusal(individual("ACTIVE"), { ...sanction, appealedAt: "2025-07-02" }, party)).toEqual({
      code: "CONFLICT",
      key: "alreadyAppealed",
    });
    expect(appealRefusal(individual("ACTIVE"), sanction, principal)).toEqual({ code: "FORBIDDEN", key: "onlyParty" });
    expect(appealRefusal(individual("ACTIVE"), sanction, otherOfficer)).toEqual({ code: "NOT_FOUND", key: "notFound" });
  });

  it("has the appeal decided by a manager other than the evaluator and the appellant", () => {
    const appealed = { ...sanction, appealedAt: "2025-07-02" };
    expect(decideAppealRefusal(individual("ACTIVE"), appealed, principal, party.id)).toBeNull();
    expect(decideAppealRefusal(individual("ACTIVE"), appealed, colleague, party.id)).toEqual({
      code: "FORBIDDEN",
      key: "appealNeedsOtherManager",
    });
    expect(decideAppealRefusal(individual("ACTIVE"), appealed, principal, principal.id)).toEqual({
      code: "FORBIDDEN",
      key: "appealNeedsOtherManager",
    });
    expect(decideAppealRefusal(individual("ACTIVE"), sanction, principal, null)).toEqual({
      code: "CONFLICT",
      key: "noAppeal",
    });
    expect(
      decideAppealRefusal(individual("ACTIVE"), { ...appealed, appealOutcome: "UPHELD" }, principal, party.id),
    ).toEqual({ code: "CONFLICT", key: "appealDecided" });
    expect(decideAppealRefusal(individual("ACTIVE"), appealed, party, party.id)).toEqual({
      code: "FORBIDDEN",
      key: "forbidden",
    });
  });
});
