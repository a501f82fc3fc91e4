import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session-user";
import type { ContractFacts } from "@/lib/contracts/lifecycle";
import {
  answerRefusal,
  canTransition,
  correctionRefusal,
  DISPUTE_STATUSES,
  fileRefusal,
  noteOf,
  notesByCell,
  type DisputeFacts,
  type DisputeNoteSource,
} from "@/lib/disputes/dispute-rules";

const manager: Actor = { id: "u-manager", role: "MANAGER", officeCode: "CMDLA1", officerId: null };
const national: Actor = { id: "u-national", role: "MANAGER", officeCode: null, officerId: null };
const admin: Actor = { id: "u-admin", role: "ADMIN", officeCode: null, officerId: null };
const otherOffice: Actor = { id: "u-other", role: "MANAGER", officeCode: "CMDLA5", officerId: null };
const party: Actor = { id: "u-officer", role: "OFFICER", officeCode: "CMDLA1", officerId: "OF001" };
const colleague: Actor = { id: "u-officer2", role: "OFFICER", officeCode: "CMDLA1", officerId: "OF002" };
const analyst: Actor = { id: "u-integrity", role: "INTEGRITY", officeCode: null, officerId: null };
// A manager account linked to the very officer who filed: still the filer's side.
const linkedManager: Actor = { id: "u-linked", role: "MANAGER", officeCode: "CMDLA1", officerId: "OF001" };

const contract = (status: ContractFacts["status"], extra: Partial<ContractFacts> = {}): ContractFacts => ({
  status,
  principalId: manager.id,
  partyType: "OFFICER",
  partyOfficerId: "OF001",
  officeCode: "CMDLA1",
  periodFrom: "2025-03-01",
  activatedAt: status === "ACTIVE" || status === "CLOSED" ? "2025-03-01" : null,
  ...extra,
});
const open: DisputeFacts = { status: "OPEN", officerId: "OF001", filedById: party.id };

describe("filing a dispute", () => {
  it("is for the officer party of a contract they can see, in any status but draft or superseded", () => {
    for (const status of ["SIGNED", "ACKNOWLEDGED", "ACTIVE", "CLOSED"] as const)
      expect(fileRefusal(contract(status), party)).toBeNull();
    expect(fileRefusal(contract("SUPERSEDED"), party)).toEqual({ code: "CONFLICT", key: "contractNotCurrent" });
    // A draft is not shown to the officer at all.
    expect(fileRefusal(contract("DRAFT"), party)).toEqual({ code: "NOT_FOUND", key: "notFound" });
  });

  it("is refused to a colleague, another office's manager and an analyst as if the contract did not exist", () => {
    for (const actor of [colleague, otherOffice, analyst])
      expect(fileRefusal(contract("ACTIVE"), actor)).toEqual({ code: "NOT_FOUND", key: "notFound" });
  });

  it("is refused to the managers who see the contract: they answer, they do not file", () => {
    for (const actor of [manager, national, admin])
      expect(fileRefusal(contract("ACTIVE"), actor)).toEqual({ code: "FORBIDDEN", key: "onlyParty" });
  });

  it("is refused on a unit or office contract, which has no officer party", () => {
    expect(fileRefusal(contract("ACTIVE", { partyType: "UNIT", partyOfficerId: null }), manager)).toEqual({
      code: "FORBIDDEN",
      key: "onlyParty",
    });
  });
});

describe("answering a dispute", () => {
  it("is for a manager of the office, a national manager or an administrator, while it is open", () => {
    for (const actor of [manager, national, admin]) expect(answerRefusal(contract("ACTIVE"), open, actor)).toBeNull();
    expect(answerRefusal(contract("CLOSED"), open, manager)).toBeNull();
    for (const status of ["ACCEPTED_CORRECTED", "ACCEPTED_ANNOTATED", "REJECTED"] as const) {
      expect(answerRefusal(contract("ACTIVE"), { ...open, status }, manager)).toEqual({
        code: "CONFLICT",
        key: "alreadyAnswered",
      });
    }
  });

  it("hides the dispute from another office's manager, a colleague and an analyst", () => {
    for (const actor of [otherOffice, colleague, analyst])
      expect(answerRefusal(contract("ACTIVE"), open, actor)).toEqual({ code: "NOT_FOUND", key: "notFound" });
  });

  it("never lets the filer answer, whatever their role", () => {
    expect(answerRefusal(contract("ACTIVE"), open, party)).toEqual({ code: "FORBIDDEN", key: "filerCannotAnswer" });
    expect(answerRefusal(contract("ACTIVE"), open, linkedManager)).toEqual({
      code: "FORBIDDEN",
      key: "filerCannotAnswer",
    });
    expect(answerRefusal(contract("ACTIVE"), { ...open, filedById: manager.id }, manager)).toEqual({
      code: "FORBIDDEN",
      key: "filerCannotAnswer",
    });
  });
});

describe("transitions", () => {
  it("go from OPEN to one of the three answers, and never out of an answer", () => {
    const allowed = DISPUTE_STATUSES.flatMap((from) =>
      DISPUTE_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(["OPEN→ACCEPTED_CORRECTED", "OPEN→ACCEPTED_ANNOTATED", "OPEN→REJECTED"]);
  });
});

describe("corrected values", () => {
  it("must be values the KPI can take", () => {
    expect(correctionRefusal("P1", 0.72)).toBeNull();
    expect(correctionRefusal("P1", 0)).toBeNull();
    expect(correctionRefusal("P1", 1)).toBeNull();
    expect(correctionRefusal("P1", 72)).toEqual({ code: "INVALID", key: "shareOutOfRange" });
    expect(correctionRefusal("I7", -0.1)).toEqual({ code: "INVALID", key: "shareOutOfRange" });
    expect(correctionRefusal("P4", -1)).toEqual({ code: "INVALID", key: "negativeValue" });
    expect(correctionRefusal("P4", 36.5)).toBeNull();
    // P10 (additional revenue) can be negative.
    expect(correctionRefusal("P10", -5000)).toBeNull();
    expect(correctionRefusal("P1", Number.NaN)).toEqual({ code: "INVALID", key: "number" });
  });
});

describe("what an accepted dispute shows beside the computed value", () => {
  const at = (day: number) => new Date(Date.UTC(2025, 5, day, 10));
  const row = (extra: Partial<DisputeNoteSource>): DisputeNoteSource => ({
    id: 1,
    kpiId: "P1",
    month: "2025-04",
    status: "ACCEPTED_CORRECTED",
    correctedValue: 0.8,
    answer: "Two declarations were re-attributed",
    answeredAt: at(2),
    ...extra,
  });

  it("a correction carries the corrected value, an annotation only the manager's note", () => {
    expect(noteOf(row({}))).toEqual({
      kind: "corrected",
      disputeId: 1,
      kpiId: "P1",
      month: "2025-04",
      correctedValue: 0.8,
      answer: "Two declarations were re-attributed",
      answeredAt: at(2),
    });
    expect(
      noteOf(row({ status: "ACCEPTED_ANNOTATED", correctedValue: null, answer: "System outage on 14 April" })),
    ).toEqual({
      kind: "annotated",
      disputeId: 1,
      kpiId: "P1",
      month: "2025-04",
      answer: "System outage on 14 April",
      answeredAt: at(2),
    });
  });

  it("an open or rejected dispute shows nothing", () => {
    expect(noteOf(row({ status: "REJECTED", correctedValue: null }))).toBeNull();
    expect(noteOf(row({ status: "OPEN", correctedValue: null, answer: null, answeredAt: null }))).toBeNull();
  });

  it("keeps one note per KPI and month, the latest accepted answer", () => {
    const notes = notesByCell([
      row({ id: 1, answeredAt: at(2), correctedValue: 0.8 }),
      row({ id: 2, answeredAt: at(5), status: "ACCEPTED_ANNOTATED", correctedValue: null, answer: "Later note" }),
      row({ id: 3, answeredAt: at(9), status: "REJECTED", correctedValue: null }),
      row({ id: 4, kpiId: "I7", answeredAt: at(1), correctedValue: 0.05 }),
      row({ id: 5, month: "2025-05", answeredAt: at(3), correctedValue: 0.6 }),
    ]);
    expect([...notes.keys()].sort()).toEqual(["I7|2025-04", "P1|2025-04", "P1|2025-05"]);
    expect(notes.get("P1|2025-04")).toMatchObject({ kind: "annotated", disputeId: 2, answer: "Later note" });
    expect(notes.get("I7|2025-04")).toMatchObject({ kind: "corrected", correctedValue: 0.05 });
    expect(notes.get("P1|2025-05")).toMatchObject({ kind: "corrected", correctedValue: 0.6 });
  });
});
