// KPI disputes against real PostgreSQL: the officer files on their own indicator (figures copied from kpi_results),
// every refusal made directly on the services (another officer's contract, declarations outside the KPI's set, a
// second open dispute, another office's manager, the filer answering, an analyst), the three answers and what each
// shows beside the month's value (which stays as computed), and one audit row per step in an append-only table.
// Expected values come from the declarations inserted here, worked out by hand in the comments.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import type { Actor } from "@/lib/auth/session-user";
import { createContract } from "@/lib/contracts/create-contract";
import { signContract } from "@/lib/contracts/sign-contract";
import { acknowledgeContract } from "@/lib/contracts/acknowledge-contract";
import { getContractDetail } from "@/lib/contracts/get-contract-detail";
import { monthlyIndicators } from "@/lib/contracts/contract-indicators";
import { openDispute } from "@/lib/disputes/open-dispute";
import { answerDispute } from "@/lib/disputes/answer-dispute";
import { countOpenDisputes, listDisputesToAnswer, listOfficerDisputes } from "@/lib/disputes/list-disputes";
import { disputeChoices } from "@/lib/disputes/dispute-options";
import { loadDisputeNotes } from "@/lib/disputes/load-dispute-notes";
import type { DisputeInput } from "@/lib/disputes/schema";
import { refusal, expectRefused, expectInvalid } from "@/tests/support/refusals";

const run = randomUUID().slice(0, 6).toUpperCase();
const OFFICE = `DC${run}`;
const OTHER_OFFICE = `DD${run}`;
const A = `A${run}`; // the officer who disputes
const B = `B${run}`; // a colleague of the same office, with a contract of their own
const UNIT = "Assessment A";

type ActorKey = "principal" | "colleague" | "otherManager" | "national" | "admin" | "officerA" | "officerB" | "analyst";
const actors = {} as Record<ActorKey, Actor>;
const contracts = { a: 0, b: 0 };

// Officer A's declarations (ids "<officer>-<month>-<i>"), registered on day 1 + i % 20 at 09:00:
//   April 40 live: i < 30 assessed the same day, the others the next day; i < 4 assigned manually
//         → P1 = 30/40 = 0.75 (n = 40), I7 = 4/40 = 0.1
//         + one cancelled declaration "<A>-4-X": not live, so outside the P1 and I7 sets
//   May   20 live, all the same day → P1 = 20/20 = 1
// Officer B: 10 April declarations, all the same day.
async function insertDeclarations() {
  await pool.query(`SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')`);
  const insert = (officer: string, month: number, count: number, sameDay: number, manual: number) =>
    pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode,
                                 assessing_officer_id, asmt_ts, status)
       SELECT $1::text || '-' || $2::int || '-' || i, $3::text, 'I'::"Flow", make_timestamp(2025, $2::int, 1 + i % 20, 9, 0, 0),
              'G'::"Lane", 'G'::"Lane", (CASE WHEN i < $6::int THEN 'manual' ELSE 'auto' END)::"AssignmentMode", $1::text,
              make_timestamp(2025, $2::int, 1 + i % 20, 9, 0, 0) + CASE WHEN i < $5::int THEN interval '2 hours' ELSE interval '1 day' END,
              'assessed'::"DeclarationStatus"
         FROM generate_series(0, $4::int - 1) AS i`,
      [officer, month, OFFICE, count, sameDay, manual],
    );
  await insert(A, 4, 40, 30, 4);
  await insert(A, 5, 20, 20, 0);
  await insert(B, 4, 10, 10, 0);
  await pool.query(
    `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode, assessing_officer_id, status)
     VALUES ($1, $2, 'I', '2025-04-10 09:00', 'G', 'G', 'auto', $3, 'cancelled')`,
    [`${A}-4-X`, OFFICE, A],
  );
}

const audits = (disputeId: number) =>
  db.auditLog.findMany({ where: { entityType: "kpi_dispute", entityId: String(disputeId) }, orderBy: { id: "asc" } });

const storedCell = async (officer: string, from: string, to: string, kpiId: string) =>
  (
    await pool.query<{ value: number | null; numerator: number | null; denominator: number | null; computed_at: Date }>(
      `SELECT value, numerator, denominator, computed_at FROM kpi_results
        WHERE subject_type = 'officer' AND subject_id = $1 AND period_from = $2 AND period_to = $3 AND kpi_id = $4`,
      [officer, from, to, kpiId],
    )
  ).rows[0];

// A dispute as the form posts it; deliberately loose (tests also post invalid ones), the service parses it.
const dispute = (extra: Record<string, unknown> = {}) =>
  ({
    contractId: contracts.a,
    kpiId: "P1",
    month: "2025-04",
    reason: "Ten of my April declarations were held by a system outage, not by me.",
    ...extra,
  }) as z.input<typeof DisputeInput>;

beforeAll(async () => {
  await db.office.createMany({
    data: [OFFICE, OTHER_OFFICE].map((officeCode) => ({
      officeCode,
      name: `Office ${officeCode}`,
      openTime: "07:30",
      closeTime: "15:30",
      workdays: [1, 2, 3, 4, 5],
    })),
  });
  await db.officer.createMany({
    data: [
      { officerId: A, fullName: "Awa Dispute", officeCode: OFFICE, unit: UNIT },
      { officerId: B, fullName: "Jean Dispute", officeCode: OFFICE, unit: UNIT },
    ],
  });
  const user = async (
    key: ActorKey,
    role: Actor["role"],
    officeCode: string | null,
    officerId: string | null = null,
  ) => {
    const row = await db.user.create({
      data: {
        email: `${key}-${run}@disputes.test`,
        name: `Test ${key}`,
        role,
        officeCode,
        officerId,
        passwordHash: "unused",
      },
    });
    actors[key] = { id: row.id, role, officeCode, officerId };
  };
  await user("principal", "MANAGER", OFFICE);
  await user("colleague", "MANAGER", OFFICE);
  await user("otherManager", "MANAGER", OTHER_OFFICE);
  await user("national", "MANAGER", null);
  await user("admin", "ADMIN", null);
  await user("officerA", "OFFICER", OFFICE, A);
  await user("officerB", "OFFICER", OFFICE, B);
  await user("analyst", "INTEGRITY", null);
  await insertDeclarations();
  // P1 (higher is better) and I7 (lower is better), March to August 2025, signed and acknowledged: ACTIVE.
  for (const [key, officerId, actor] of [
    ["a", A, "officerA"],
    ["b", B, "officerB"],
  ] as const) {
    const { id } = await createContract(
      {
        title: `Disputes ${key}`,
        partyType: "OFFICER",
        partyOfficerId: officerId,
        officeCode: OFFICE,
        periodFrom: "2025-03-01",
        periodTo: "2025-08-31",
        indicators: [
          { kpiId: "P1", threshold: 0.4, target: 0.8, weight: 60, minVolume: 30 },
          { kpiId: "I7", threshold: 0.2, target: 0.05, weight: 40, minVolume: 30 },
        ],
      },
      actors.principal,
    );
    await signContract(id, actors.principal);
    await acknowledgeContract(id, actors[actor]);
    contracts[key] = id;
  }
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const ids = { april: 0, may: 0, i7: 0 };

describe("filing a dispute", () => {
  it("offers the officer their contract's indicators and started months", async () => {
    const choices = await disputeChoices(actors.officerA);
    expect(choices.map((c) => [c.id, c.kpiIds, c.months])).toEqual([
      [contracts.a, ["P1", "I7"], ["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"]],
    ]);
    expect(await disputeChoices(actors.principal)).toEqual([]);
  });

  it("records the figures the officer saw, equal to kpi_results, and the declarations pointed at", async () => {
    ({ id: ids.april } = await openDispute(dispute({ declIds: `${A}-4-30, ${A}-4-31 ${A}-4-30` }), actors.officerA));
    const stored = await db.kpiDispute.findUniqueOrThrow({ where: { id: ids.april } });
    // April P1 = 30/40 (hand-worked above).
    expect(stored).toMatchObject({
      contractId: contracts.a,
      officerId: A,
      kpiId: "P1",
      month: "2025-04",
      periodFrom: new Date("2025-04-01"),
      periodTo: new Date("2025-04-30"),
      seenValue: 0.75,
      seenNumerator: 30,
      seenDenominator: 40,
      declIds: [`${A}-4-30`, `${A}-4-31`],
      status: "OPEN",
      answer: null,
      correctedValue: null,
      filedById: actors.officerA.id,
    });
    const cell = await storedCell(A, "2025-04-01", "2025-04-30", "P1");
    expect(cell).toMatchObject({
      value: stored.seenValue,
      numerator: stored.seenNumerator,
      denominator: stored.seenDenominator,
    });
  });

  it("is refused on another officer's contract, to managers and to analysts, by the service itself", async () => {
    await expectRefused(openDispute(dispute({ contractId: contracts.b }), actors.officerA), "NOT_FOUND", "notFound");
    await expectRefused(openDispute(dispute(), actors.officerB), "NOT_FOUND", "notFound");
    await expectRefused(openDispute(dispute(), actors.analyst), "NOT_FOUND", "notFound");
    await expectRefused(openDispute(dispute(), actors.otherManager), "NOT_FOUND", "notFound");
    await expectRefused(openDispute(dispute(), actors.principal), "FORBIDDEN", "onlyParty");
    await expectRefused(openDispute(dispute({ kpiId: "P4" }), actors.officerA), "INVALID", "kpiNotInContract");
    await expectRefused(openDispute(dispute({ month: "2025-09" }), actors.officerA), "INVALID", "monthOutsidePeriod");
    expect(await expectInvalid(openDispute(dispute({ reason: "no" }), actors.officerA))).toEqual(["reasonShort"]);
  });

  it("refuses declarations outside the KPI's set for the officer and month, naming them (422)", async () => {
    const check = async (declIds: string, named: string) => {
      const error = await expectRefused(
        openDispute(dispute({ month: "2025-05", declIds }), actors.officerA),
        "INVALID",
        "declarationsOutsideSet",
      );
      expect(error.status).toBe(422);
      expect(error).toMatchObject({ field: "declIds", values: { declIds: named, kpi: "P1", month: "2025-05" } });
    };
    // A colleague's declaration, one of A's from April (not May), one that does not exist.
    await check(`${A}-5-0 ${B}-4-0`, `${B}-4-0`);
    await check(`${A}-4-0`, `${A}-4-0`);
    await check(`NOPE-1, ${A}-5-1, ${A}-4-X`, `NOPE-1, ${A}-4-X`);
    // The cancelled April declaration is A's and April's, but not live: outside the P1 set.
    const error = await refusal(openDispute(dispute({ kpiId: "I7", declIds: `${A}-4-X` }), actors.officerA));
    expect(error).toMatchObject({
      code: "INVALID",
      message: "declarationsOutsideSet",
      values: { declIds: `${A}-4-X` },
    });
    expect(await db.kpiDispute.count({ where: { officerId: A, month: "2025-05" } })).toBe(0);
  });

  it("allows one open dispute per officer, KPI and month", async () => {
    await expectRefused(
      openDispute(dispute({ reason: "Filed a second time, same figure." }), actors.officerA),
      "CONFLICT",
      "alreadyOpen",
    );
    // May P1 = 20/20.
    ({ id: ids.may } = await openDispute(dispute({ month: "2025-05", declIds: `${A}-5-0` }), actors.officerA));
    expect(await db.kpiDispute.findUniqueOrThrow({ where: { id: ids.may } })).toMatchObject({
      seenValue: 1,
      seenNumerator: 20,
      seenDenominator: 20,
    });
    ({ id: ids.i7 } = await openDispute(dispute({ kpiId: "I7" }), actors.officerA));
    // April I7 = 4/40.
    expect(await db.kpiDispute.findUniqueOrThrow({ where: { id: ids.i7 } })).toMatchObject({
      seenValue: 0.1,
      seenNumerator: 4,
      seenDenominator: 40,
    });
    // The database refuses a second open row too, whoever writes it.
    await expect(
      pool.query(
        `INSERT INTO kpi_disputes (contract_id, officer_id, kpi_id, month, period_from, period_to, reason, filed_by_id)
         VALUES ($1, $2, 'P1', '2025-04', '2025-04-01', '2025-04-30', 'direct insert', $3)`,
        [contracts.a, A, actors.officerA.id],
      ),
    ).rejects.toThrow(/kpi_disputes_one_open_key/);
  });
});

describe("who sees and answers", () => {
  it("lists an officer's own disputes only, and a manager's office's open ones, oldest first", async () => {
    expect((await listOfficerDisputes(actors.officerA)).map((d) => d.id)).toEqual([ids.i7, ids.may, ids.april]);
    expect(await listOfficerDisputes(actors.officerB)).toEqual([]);
    expect(await listOfficerDisputes(actors.analyst)).toEqual([]);
    const forPrincipal = await listDisputesToAnswer(actors.principal);
    expect(forPrincipal.open.map((d) => [d.id, d.officerName, d.canAnswer])).toEqual([
      [ids.april, "Awa Dispute", true],
      [ids.may, "Awa Dispute", true],
      [ids.i7, "Awa Dispute", true],
    ]);
    expect((await listDisputesToAnswer(actors.national)).open.map((d) => d.id)).toEqual(
      expect.arrayContaining([ids.april, ids.may, ids.i7]),
    );
    expect(await countOpenDisputes(actors.principal)).toBe(3);
    expect(await listDisputesToAnswer(actors.otherManager)).toEqual({ open: [], answered: [] });
    expect(await countOpenDisputes(actors.otherManager)).toBe(0);
    expect(await listDisputesToAnswer(actors.officerA)).toEqual({ open: [], answered: [] });
    expect(await countOpenDisputes(actors.analyst)).toBe(0);
  });

  it("hides a dispute from another office's manager, a colleague and an analyst (NOT_FOUND)", async () => {
    const answer = { disputeId: ids.april, outcome: "REJECTED", answer: "Not mine to answer" } as const;
    await expectRefused(answerDispute(answer, actors.otherManager), "NOT_FOUND", "notFound");
    await expectRefused(answerDispute(answer, actors.officerB), "NOT_FOUND", "notFound");
    await expectRefused(answerDispute(answer, actors.analyst), "NOT_FOUND", "notFound");
    await expectRefused(answerDispute({ ...answer, disputeId: 987654321 }, actors.principal), "NOT_FOUND", "notFound");
  });

  it("never lets the filer answer their own dispute", async () => {
    await expectRefused(
      answerDispute(
        { disputeId: ids.april, outcome: "ACCEPTED_CORRECTED", answer: "I agree with myself", correctedValue: 1 },
        actors.officerA,
      ),
      "FORBIDDEN",
      "filerCannotAnswer",
    );
    expect((await db.kpiDispute.findUniqueOrThrow({ where: { id: ids.april } })).status).toBe("OPEN");
  });
});

describe("answers", () => {
  let before: Awaited<ReturnType<typeof storedCell>>;

  it("accepts with a corrected value, shown beside the month's computed value, which stays as computed", async () => {
    before = await storedCell(A, "2025-04-01", "2025-04-30", "P1");
    expect(
      await expectInvalid(
        answerDispute(
          { disputeId: ids.april, outcome: "ACCEPTED_CORRECTED", answer: "Outage confirmed" },
          actors.colleague,
        ),
      ),
    ).toEqual(["correctionRequired"]);
    expect(
      await expectInvalid(
        answerDispute(
          { disputeId: ids.april, outcome: "ACCEPTED_CORRECTED", answer: "", correctedValue: 0.8 },
          actors.colleague,
        ),
      ),
    ).toEqual(["answerShort"]);
    // 80 typed as a fraction field: a share is between 0 and 1.
    await expectRefused(
      answerDispute(
        { disputeId: ids.april, outcome: "ACCEPTED_CORRECTED", answer: "Outage confirmed", correctedValue: 80 },
        actors.colleague,
      ),
      "INVALID",
      "shareOutOfRange",
    );
    // The manager's own figure, 80 % (shares are stored as fractions).
    expect(
      await answerDispute(
        {
          disputeId: ids.april,
          outcome: "ACCEPTED_CORRECTED",
          answer: "Outage of 14 April confirmed by IT",
          correctedValue: 0.8,
        },
        actors.colleague,
      ),
    ).toEqual({
      id: ids.april,
      status: "ACCEPTED_CORRECTED",
    });
    await expectRefused(
      answerDispute({ disputeId: ids.april, outcome: "REJECTED", answer: "Changed my mind" }, actors.principal),
      "CONFLICT",
      "alreadyAnswered",
    );

    const stored = await db.kpiDispute.findUniqueOrThrow({ where: { id: ids.april } });
    expect(stored).toMatchObject({
      status: "ACCEPTED_CORRECTED",
      correctedValue: 0.8,
      answer: "Outage of 14 April confirmed by IT",
      answeredById: actors.colleague.id,
    });
    expect(stored.answeredAt).not.toBeNull();

    // The officer's and the manager's contract pages both get the note; the computed value is untouched.
    for (const actor of [actors.officerA, actors.principal]) {
      const detail = await getContractDetail(contracts.a, actor);
      expect(detail.disputeNotes.get("P1|2025-04")).toMatchObject({
        kind: "corrected",
        correctedValue: 0.8,
        answer: "Outage of 14 April confirmed by IT",
      });
    }
    const contract = await db.contract.findUniqueOrThrow({ where: { id: contracts.a }, include: { indicators: true } });
    const april = (await monthlyIndicators(contract)).find((m) => m.month === "2025-04")!;
    expect(april.values.get("P1")).toMatchObject({ value: 0.75, numerator: 30, denominator: 40 });
    expect(await storedCell(A, "2025-04-01", "2025-04-30", "P1")).toEqual(before);
    // A colleague's contract shows nothing of it.
    expect((await getContractDetail(contracts.b, actors.officerB)).disputeNotes.size).toBe(0);
  });

  it("accepts with an annotation, which keeps no value", async () => {
    await answerDispute(
      {
        disputeId: ids.may,
        outcome: "ACCEPTED_ANNOTATED",
        answer: "Figure right; May had two public holidays",
        correctedValue: "0.5",
      },
      actors.national,
    );
    const stored = await db.kpiDispute.findUniqueOrThrow({ where: { id: ids.may } });
    expect(stored).toMatchObject({
      status: "ACCEPTED_ANNOTATED",
      correctedValue: null,
      answeredById: actors.national.id,
    });
    const notes = await loadDisputeNotes(
      {
        contractNo: (await db.contract.findUniqueOrThrow({ where: { id: contracts.a } })).contractNo,
        partyOfficerId: A,
      },
      actors.officerA,
    );
    expect(notes.get("P1|2025-05")).toMatchObject({
      kind: "annotated",
      answer: "Figure right; May had two public holidays",
    });
  });

  it("rejects, which shows nothing beside the value, and lets the officer file again", async () => {
    await answerDispute(
      { disputeId: ids.i7, outcome: "REJECTED", answer: "Manual assignments were yours" },
      actors.admin,
    );
    expect(await db.kpiDispute.findUniqueOrThrow({ where: { id: ids.i7 } })).toMatchObject({
      status: "REJECTED",
      correctedValue: null,
      answeredById: actors.admin.id,
    });
    const detail = await getContractDetail(contracts.a, actors.officerA);
    expect([...detail.disputeNotes.keys()].sort()).toEqual(["P1|2025-04", "P1|2025-05"]);
    const again = await openDispute(
      dispute({ kpiId: "I7", reason: "Here is the assignment log showing otherwise." }),
      actors.officerA,
    );
    expect((await listDisputesToAnswer(actors.principal)).open.map((d) => d.id)).toEqual([again.id]);
    expect(
      (await listDisputesToAnswer(actors.principal)).answered.map((d) => [d.id, d.status, d.answeredByName]),
    ).toEqual([
      [ids.i7, "REJECTED", "Test admin"],
      [ids.may, "ACCEPTED_ANNOTATED", "Test national"],
      [ids.april, "ACCEPTED_CORRECTED", "Test colleague"],
    ]);
  });
});

describe("audit log", () => {
  it("has one row per step with its actor and what was decided", async () => {
    const april = await audits(ids.april);
    expect(april.map((a) => [a.action, a.actorId])).toEqual([
      ["kpi_dispute.open", actors.officerA.id],
      ["kpi_dispute.answer", actors.colleague.id],
    ]);
    expect(april[0]!.data).toMatchObject({
      contractId: contracts.a,
      officerId: A,
      kpiId: "P1",
      month: "2025-04",
      period: { from: "2025-04-01", to: "2025-04-30" },
      seen: { value: 0.75, numerator: 30, denominator: 40 },
      declIds: [`${A}-4-30`, `${A}-4-31`],
    });
    expect(april[1]!.data).toMatchObject({
      from: "OPEN",
      status: "ACCEPTED_CORRECTED",
      correctedValue: 0.8,
      answer: "Outage of 14 April confirmed by IT",
      seen: { value: 0.75, numerator: 30, denominator: 40 },
      computed: { value: 0.75, numerator: 30, denominator: 40 },
    });
    expect(
      (await audits(ids.may)).map((a) => [a.action, a.actorId, (a.data as { status?: string }).status ?? null]),
    ).toEqual([
      ["kpi_dispute.open", actors.officerA.id, null],
      ["kpi_dispute.answer", actors.national.id, "ACCEPTED_ANNOTATED"],
    ]);
    expect(
      (await audits(ids.i7)).map((a) => [a.action, a.actorId, (a.data as { status?: string }).status ?? null]),
    ).toEqual([
      ["kpi_dispute.open", actors.officerA.id, null],
      ["kpi_dispute.answer", actors.admin.id, "REJECTED"],
    ]);
    // Refused attempts leave no row: the four disputes filed, three answers.
    const all = await db.auditLog.count({
      where: { entityType: "kpi_dispute", actorId: { in: Object.values(actors).map((a) => a.id) } },
    });
    expect(all).toBe(7);
  });

  it("stays append-only", async () => {
    const [first] = await audits(ids.april);
    await expect(pool.query(`UPDATE audit_log SET action = 'tampered' WHERE id = $1`, [first!.id])).rejects.toThrow();
    await expect(pool.query(`DELETE FROM audit_log WHERE id = $1`, [first!.id])).rejects.toThrow();
    expect((await audits(ids.april))[0]!.action).toBe("kpi_dispute.open");
  });
});
