// Contract services against real PostgreSQL: every lifecycle transition allowed and refused, validation messages,
// the overlap rule, amendments, reviews, evaluations frozen with a reproducible hash, appeals, scoping, and one
// audit row per transition. KPI values come from declarations inserted here, with expected values worked out by
// hand in the comments (never from the code under test).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import type { Actor } from "@/lib/auth/session-user";
import { createContract } from "@/lib/contracts/create-contract";
import { createUnitContracts } from "@/lib/contracts/create-unit-contracts";
import { updateContractDraft } from "@/lib/contracts/update-contract-draft";
import { signContract } from "@/lib/contracts/sign-contract";
import { acknowledgeContract } from "@/lib/contracts/acknowledge-contract";
import { activateDueContracts } from "@/lib/contracts/activate-due-contracts";
import { closeContract } from "@/lib/contracts/close-contract";
import { amendContract } from "@/lib/contracts/amend-contract";
import { recordContractReview } from "@/lib/contracts/record-contract-review";
import { evaluateContract, type EvaluationSnapshot } from "@/lib/contracts/evaluate-contract";
import { appealEvaluation } from "@/lib/contracts/appeal-evaluation";
import { decideAppeal } from "@/lib/contracts/decide-appeal";
import { listContracts } from "@/lib/contracts/list-contracts";
import { getContractDetail } from "@/lib/contracts/get-contract-detail";
import { currentIndicators, indicatorsFor } from "@/lib/contracts/contract-indicators";
import { inputsHash } from "@/lib/contracts/inputs-hash";
import type { ContractInput } from "@/lib/contracts/schema";
import { expectRefused, expectInvalid } from "@/tests/support/refusals";

type ContractTerms = z.input<typeof ContractInput>;

const run = randomUUID().slice(0, 6).toUpperCase();
const OFFICE = `TC${run}`;
const OTHER_OFFICE = `TD${run}`;
const A = `A${run}`; // the officer under contract
const B = `B${run}`; // a colleague in the same unit
const C = `C${run}`; // an officer of the other office
const UNIT = "Assessment A";

const actors = {} as Record<
  "principal" | "colleague" | "otherManager" | "national" | "officerA" | "officerB" | "analyst",
  Actor
>;

// P1 (higher is better) and I7 (lower is better), 60/40, minimum volume 30.
const INDICATORS = [
  { kpiId: "P1", threshold: 0.4, target: 0.8, weight: 60, minVolume: 30 },
  { kpiId: "I7", threshold: 0.2, target: 0.05, weight: 40, minVolume: 30 },
];
// Terms as a form would post them; deliberately loose (tests also post invalid ones), the services parse them.
const terms = (extra: Record<string, unknown> = {}): ContractTerms =>
  ({
    title: "Douala Port I — 2025 H1",
    partyType: "OFFICER" as const,
    partyOfficerId: A,
    officeCode: OFFICE,
    periodFrom: "2025-03-01",
    periodTo: "2025-08-31",
    indicators: INDICATORS,
    ...extra,
  }) as ContractTerms;

const auditActions = async (contractId: number) =>
  (
    await db.auditLog.findMany({
      where: { entityType: "contract", entityId: String(contractId) },
      orderBy: { id: "asc" },
    })
  ).map((a) => a.action);

// Officer A's declarations: month, count, how many assessed the same day (the others the next day), how many
// assigned manually. Hand-worked values:
//   March  10 declarations: P1 = 10/10 (n = 10, below the minimum volume of 30)
//   April  40: P1 = 30/40, I7 = 4/40
//   May    40: P1 = 20/40, I7 = 4/40
//   Q2 (April–June): P1 = 50/80 = 0.625 → score (0.625 − 0.4)/(0.8 − 0.4) = 0.5625
//                    I7 = 8/80 = 0.1    → score (0.1 − 0.2)/(0.05 − 0.2) = 2/3
//                    overall = 60 × 0.5625 + 40 × 2/3 = 33.75 + 26.6667 = 60.41667
const MONTHS = [
  { month: 3, count: 10, sameDay: 10, manual: 0 },
  { month: 4, count: 40, sameDay: 30, manual: 4 },
  { month: 5, count: 40, sameDay: 20, manual: 4 },
];

async function insertDeclarations() {
  await pool.query(`SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')`);
  for (const m of MONTHS) {
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode,
                                 assessing_officer_id, asmt_ts, status)
       SELECT $1::text || '-' || $2::int || '-' || i, $3::text, 'I'::"Flow", make_timestamp(2025, $2::int, 1 + i % 20, 9, 0, 0),
              'G'::"Lane", 'G'::"Lane", (CASE WHEN i < $6::int THEN 'manual' ELSE 'auto' END)::"AssignmentMode", $1::text,
              make_timestamp(2025, $2::int, 1 + i % 20, 9, 0, 0) + CASE WHEN i < $5::int THEN interval '2 hours' ELSE interval '1 day' END,
              'assessed'::"DeclarationStatus"
         FROM generate_series(0, $4::int - 1) AS i`,
      [A, m.month, OFFICE, m.count, m.sameDay, m.manual],
    );
  }
}

// What a new import does to the data as far as contracts are concerned: the rows change and a newer successful
// import exists, so every stored KPI cell is out of date.
async function simulateImport(sql: string, params: unknown[]) {
  await pool.query(sql, params);
  await db.importBatch.create({
    data: {
      kind: "CANONICAL",
      sourceName: `contracts-test-${run}`,
      sourcePath: "/dev/null",
      sha256: "0",
      status: "SUCCEEDED",
    },
  });
}

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
      { officerId: A, fullName: "Awa Test", officeCode: OFFICE, unit: UNIT },
      { officerId: B, fullName: "Jean Test", officeCode: OFFICE, unit: UNIT },
      { officerId: C, fullName: "Marie Test", officeCode: OTHER_OFFICE, unit: "Vehicles" },
    ],
  });
  const user = async (
    key: keyof typeof actors,
    role: Actor["role"],
    officeCode: string | null,
    officerId: string | null = null,
  ) => {
    const row = await db.user.create({
      data: {
        email: `${key}-${run}@test.local`,
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
  await user("officerA", "OFFICER", OFFICE, A);
  await user("officerB", "OFFICER", OFFICE, B);
  await user("analyst", "INTEGRITY", null);
  await insertDeclarations();
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe("creating a draft", () => {
  it("stores version 1 of a new contract number, with the catalogue's directions, and audits it", async () => {
    const { id, contractNo } = await createContract(
      terms({ title: "Creation check", periodFrom: "2024-01-01", periodTo: "2024-06-30" }),
      actors.principal,
    );
    const stored = await db.contract.findUniqueOrThrow({
      where: { id },
      include: { indicators: { orderBy: { position: "asc" } } },
    });
    expect(stored).toMatchObject({
      contractNo,
      version: 1,
      status: "DRAFT",
      principalId: actors.principal.id,
      createdById: actors.principal.id,
    });
    expect(stored.indicators.map((i) => [i.kpiId, i.direction, i.weight])).toEqual([
      ["P1", "higher", 60],
      ["I7", "lower", 40],
    ]);
    expect(await auditActions(id)).toEqual(["contract.create"]);
  });

  it("explains refused terms with the contracts.errors key of the field", async () => {
    expect(
      await expectInvalid(
        createContract(terms({ indicators: [{ ...INDICATORS[0]!, weight: 50 }, INDICATORS[1]] }), actors.principal),
      ),
    ).toEqual(["weightsSum"]);
    expect(await expectInvalid(createContract(terms({ periodTo: "2025-01-01" }), actors.principal))).toEqual([
      "periodOrder",
    ]);
    const wrongOffice = await expectRefused(
      createContract(terms({ partyOfficerId: C }), actors.principal),
      "INVALID",
      "officerNotInOffice",
    );
    expect(wrongOffice).toMatchObject({ field: "partyOfficerId", values: { officer: C, office: OFFICE } });
    await expectRefused(
      createContract(terms({ partyOfficerId: "NOBODY" }), actors.principal),
      "INVALID",
      "unknownOfficer",
    );
    await expectRefused(
      createContract(terms({ partyType: "UNIT", partyOfficerId: null, partyUnit: "Ghost unit" }), actors.principal),
      "INVALID",
      "unknownUnit",
    );
    await expectRefused(
      createContract(terms({ principalId: actors.officerB.id }), actors.principal),
      "INVALID",
      "invalidPrincipal",
    );
    await expectRefused(
      createContract(terms({ principalId: actors.otherManager.id }), actors.principal),
      "INVALID",
      "invalidPrincipal",
    );
  });

  it("refuses users who do not manage the office", async () => {
    await expectRefused(createContract(terms(), actors.otherManager), "FORBIDDEN", "officeOutOfScope");
    await expectRefused(createContract(terms(), actors.officerA), "FORBIDDEN", "forbidden");
    await expectRefused(createContract(terms(), actors.analyst), "FORBIDDEN", "forbidden");
  });
});

describe("lifecycle of an individual contract", () => {
  let id = 0;

  it("is signed by the principal only", async () => {
    ({ id } = await createContract(terms({ principalId: actors.colleague.id }), actors.principal));
    await expectRefused(signContract(id, actors.principal), "FORBIDDEN", "onlyPrincipal");
    await expectRefused(signContract(id, actors.officerA), "NOT_FOUND", "notFound");
    await expectRefused(acknowledgeContract(id, actors.officerA), "NOT_FOUND", "notFound");
    await signContract(id, actors.colleague);
    await expectRefused(signContract(id, actors.colleague), "CONFLICT", "wrongStatus");
    await expectRefused(updateContractDraft(id, terms(), actors.principal), "CONFLICT", "notDraft");
  });

  it("is acknowledged by the officer's own account, and active at once since its period has started", async () => {
    await expectRefused(acknowledgeContract(id, actors.officerB), "NOT_FOUND", "notFound");
    await expectRefused(acknowledgeContract(id, actors.principal), "FORBIDDEN", "onlyParty");
    expect(await acknowledgeContract(id, actors.officerA)).toEqual({ status: "ACTIVE" });
    const stored = await db.contract.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "ACTIVE", acknowledgedById: actors.officerA.id });
    expect(stored.activatedAt).not.toBeNull();
    expect(await auditActions(id)).toEqual([
      "contract.create",
      "contract.sign",
      "contract.acknowledge",
      "contract.activate",
    ]);
  });

  it("shows real KPI values over the period so far, computed into kpi_results when missing", async () => {
    const contract = await db.contract.findUniqueOrThrow({ where: { id }, include: { indicators: true } });
    const current = (await currentIndicators([contract], "2026-11-26")).get(id)!;
    // March–August: P1 = (10 + 30 + 20)/90 = 2/3, I7 = 8/90.
    expect(current.period).toEqual({ from: "2025-03-01", to: "2025-08-31" });
    expect(current.values.get("P1")).toMatchObject({ numerator: 60, denominator: 90 });
    expect(current.values.get("P1")!.value).toBeCloseTo(2 / 3, 12);
    expect(current.values.get("I7")).toMatchObject({ numerator: 8, denominator: 90 });
    const stored = await pool.query(
      `SELECT count(*)::int AS n FROM kpi_results WHERE subject_type = 'officer' AND subject_id = $1 AND period_from = '2025-03-01' AND period_to = '2025-08-31'`,
      [A],
    );
    expect(stored.rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it("records one monthly review per month of the period, with that month's values in the audit log", async () => {
    await expectRefused(
      recordContractReview({ contractId: id, month: "2025-09", note: "Out of period" }, actors.principal),
      "INVALID",
      "monthOutsidePeriod",
    );
    await expectRefused(
      recordContractReview({ contractId: id, month: "2025-04", note: "Officer" }, actors.officerA),
      "FORBIDDEN",
      "forbidden",
    );
    await recordContractReview(
      { contractId: id, month: "2025-04", note: "Good start", agreedActions: "Keep same-day rate" },
      actors.colleague,
    );
    await expectRefused(
      recordContractReview({ contractId: id, month: "2025-04", note: "Again" }, actors.principal),
      "CONFLICT",
      "alreadyReviewed",
    );
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityType: "contract", entityId: String(id), action: "contract.review" },
    });
    const values = (entry.data as { values: { kpiId: string; numerator: number; denominator: number }[] }).values;
    // April: P1 = 30/40.
    expect(values.find((v) => v.kpiId === "P1")).toMatchObject({ numerator: 30, denominator: 40 });
  });

  it("is closed by a manager of the office, and then accepts nothing but late reviews and evaluations", async () => {
    const { id: other } = await createContract(
      terms({ periodFrom: "2023-01-01", periodTo: "2023-06-30", title: "To close" }),
      actors.principal,
    );
    await expectRefused(closeContract({ contractId: other }, actors.officerA), "NOT_FOUND");
    await expectRefused(closeContract({ contractId: other }, actors.otherManager), "NOT_FOUND");
    await closeContract({ contractId: other, note: "Withdrawn draft" }, actors.colleague);
    await expectRefused(closeContract({ contractId: other }, actors.colleague), "CONFLICT", "wrongStatus");
    await expectRefused(signContract(other, actors.principal), "CONFLICT", "wrongStatus");
    await expectRefused(
      evaluateContract(
        { contractId: other, quarter: "2023-Q1", decision: "NO_ACTION", comments: "n/a" },
        actors.principal,
      ),
      "CONFLICT",
      "notInForce",
    );
    expect(await auditActions(other)).toEqual(["contract.create", "contract.close"]);
  });
});

describe("overlap rule", () => {
  it("refuses a second binding contract for the same party, overlapping period and a same KPI", async () => {
    // The contract of the lifecycle tests binds officer A on P1 and I7 from March to August 2025.
    const error = await expectRefused(
      createContract(terms({ periodFrom: "2025-06-01", periodTo: "2025-12-31" }), actors.principal),
      "CONFLICT",
      "overlap",
    );
    expect(error.values).toMatchObject({ kpis: "P1, I7", from: "2025-03-01", to: "2025-08-31" });
    // Another KPI, or a period after the end, is fine.
    await createContract(
      terms({ indicators: [{ kpiId: "P4", threshold: 48, target: 24, weight: 100, minVolume: 30 }] }),
      actors.principal,
    );
    await createContract(terms({ periodFrom: "2025-09-01", periodTo: "2025-12-31" }), actors.principal);
  });

  it("is checked again at signing: of two overlapping drafts only the first signed binds", async () => {
    const first = await createContract(terms({ partyOfficerId: B, title: "First" }), actors.principal);
    const second = await createContract(
      terms({ partyOfficerId: B, title: "Second", periodFrom: "2025-05-01" }),
      actors.principal,
    );
    await signContract(first.id, actors.principal);
    await expectRefused(signContract(second.id, actors.principal), "CONFLICT", "overlap");
    expect((await db.contract.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("DRAFT");
  });

  it("applies a template to every officer of a unit, skipping and naming the one already bound", async () => {
    const outcome = await createUnitContracts(
      {
        templateKey: "cameroon-2010",
        officeCode: OFFICE,
        unit: UNIT,
        title: "Unit template",
        periodFrom: "2025-07-01",
        periodTo: "2025-12-31",
      },
      actors.principal,
    );
    // A is bound on the Cameroon template's P1 until August; B's first contract too (signed above).
    expect(outcome.created).toEqual([]);
    expect(outcome.skipped.map((s) => [s.officerId, s.reason])).toEqual([
      [A, "overlap"],
      [B, "overlap"],
    ]);
    const later = await createUnitContracts(
      {
        templateKey: "madagascar-2016",
        officeCode: OFFICE,
        unit: UNIT,
        title: "Unit template",
        periodFrom: "2026-01-01",
        periodTo: "2026-06-30",
      },
      actors.principal,
    );
    expect(later.created.map((c) => c.officerId)).toEqual([A, B]);
    const drafts = await db.contract.findMany({
      where: { id: { in: later.created.map((c) => c.id) } },
      include: { indicators: true },
    });
    expect(
      drafts.every((d) => d.status === "DRAFT" && d.templateKey === "madagascar-2016" && d.indicators.length === 7),
    ).toBe(true);
    for (const c of later.created) expect(await auditActions(c.id)).toEqual(["contract.create"]);
    await expectRefused(
      createUnitContracts(
        {
          templateKey: "cameroon-2010",
          officeCode: OFFICE,
          unit: UNIT,
          title: "Unit",
          periodFrom: "2027-01-01",
          periodTo: "2027-06-30",
        },
        actors.otherManager,
      ),
      "FORBIDDEN",
      "officeOutOfScope",
    );
  });
});

describe("amendment", () => {
  it("supersedes the signed version untouched and opens version 2 as a draft", async () => {
    const { id } = await createContract(
      terms({ partyOfficerId: B, periodFrom: "2024-01-01", periodTo: "2024-06-30", title: "To amend" }),
      actors.principal,
    );
    await signContract(id, actors.principal);
    await acknowledgeContract(id, actors.officerB);
    const before = await db.contract.findUniqueOrThrow({ where: { id }, include: { indicators: true } });
    await expectRefused(
      amendContract({ contractId: id, reason: "Raise the P1 target" }, actors.officerB),
      "FORBIDDEN",
      "forbidden",
    );
    const amended = await amendContract({ contractId: id, reason: "Raise the P1 target" }, actors.colleague);
    const after = await db.contract.findUniqueOrThrow({ where: { id }, include: { indicators: true } });
    expect(after).toEqual({ ...before, status: "SUPERSEDED" });
    const v2 = await db.contract.findUniqueOrThrow({
      where: { id: amended.id },
      include: { indicators: { orderBy: { position: "asc" } } },
    });
    expect(v2).toMatchObject({
      contractNo: before.contractNo,
      version: 2,
      status: "DRAFT",
      amendmentReason: "Raise the P1 target",
    });
    expect(v2.indicators.map((i) => [i.kpiId, i.threshold, i.target, i.weight])).toEqual([
      ["P1", 0.4, 0.8, 60],
      ["I7", 0.2, 0.05, 40],
    ]);
    // The draft of version 2 is edited and signed like any draft; the overlap rule ignores version 1.
    await updateContractDraft(
      amended.id,
      terms({
        partyOfficerId: B,
        periodFrom: "2024-01-01",
        periodTo: "2024-06-30",
        title: "To amend",
        indicators: [{ ...INDICATORS[0]!, target: 0.9 }, INDICATORS[1]],
      }),
      actors.colleague,
    );
    await signContract(amended.id, actors.principal);
    await expectRefused(
      amendContract({ contractId: id, reason: "Twice" }, actors.colleague),
      "CONFLICT",
      "wrongStatus",
    );
    expect(await auditActions(id)).toEqual([
      "contract.create",
      "contract.sign",
      "contract.acknowledge",
      "contract.activate",
      "contract.supersede",
    ]);
    expect(await auditActions(amended.id)).toEqual(["contract.amend", "contract.update", "contract.sign"]);
  });
});

describe("quarterly evaluation", () => {
  let contractId = 0;
  let evaluationId = 0;

  beforeAll(async () => {
    const active = await db.contract.findFirstOrThrow({
      where: { partyOfficerId: A, status: "ACTIVE", periodFrom: new Date("2025-03-01") },
    });
    contractId = active.id;
  });

  it("refuses quarters outside the period, and users who are not managers of the office", async () => {
    await expectRefused(
      evaluateContract({ contractId, quarter: "2025-Q4", decision: "NO_ACTION", comments: "n/a" }, actors.principal),
      "INVALID",
      "quarterOutsidePeriod",
    );
    await expectRefused(
      evaluateContract({ contractId, quarter: "2025-Q2", decision: "NO_ACTION", comments: "n/a" }, actors.officerA),
      "FORBIDDEN",
      "forbidden",
    );
    await expectRefused(
      evaluateContract({ contractId, quarter: "2025-Q2", decision: "NO_ACTION", comments: "n/a" }, actors.otherManager),
      "NOT_FOUND",
      "notFound",
    );
  });

  it("freezes the quarter's scorecard with the sha256 of its inputs", async () => {
    const result = await evaluateContract(
      { contractId, quarter: "2025-Q2", decision: "SANCTION", comments: "Same-day rate too low" },
      actors.colleague,
    );
    evaluationId = result.id;
    const stored = await db.contractEvaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    const snapshot = stored.scorecard as unknown as EvaluationSnapshot;
    expect(stored).toMatchObject({
      periodFrom: new Date("2025-04-01"),
      periodTo: new Date("2025-06-30"),
      decision: "SANCTION",
    });
    // Hand-worked above: overall 60.41667.
    expect(stored.overallScore).toBeCloseTo(33.75 + 80 / 3, 9);
    expect(snapshot.inputs.kpis).toEqual([
      { kpiId: "P1", value: 0.625, numerator: 50, denominator: 80 },
      { kpiId: "I7", value: 0.1, numerator: 8, denominator: 80 },
    ]);
    expect(snapshot.scorecard.indicators.map((i) => [i.kpiId, i.status])).toEqual([
      ["P1", "between"],
      ["I7", "between"],
    ]);
    expect(stored.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(inputsHash(snapshot.inputs)).toBe(stored.inputsHash);
    expect(result.inputsHash).toBe(stored.inputsHash);
    await expectRefused(
      evaluateContract({ contractId, quarter: "2025-Q2", decision: "REWARD", comments: "again" }, actors.principal),
      "CONFLICT",
      "alreadyEvaluated",
    );
  });

  it("is not altered by later data changes, which do move the current values", async () => {
    const before = await db.contractEvaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    // Every May declaration of A is now assessed the next day: Q2 P1 becomes 30/80.
    await simulateImport(
      `UPDATE declarations SET asmt_ts = reg_ts + interval '1 day' WHERE assessing_officer_id = $1 AND reg_ts >= '2025-05-01' AND reg_ts < '2025-06-01'`,
      [A],
    );
    const contract = await db.contract.findUniqueOrThrow({ where: { id: contractId }, include: { indicators: true } });
    const now = await indicatorsFor(contract, { from: "2025-04-01", to: "2025-06-30" });
    expect(now.values.get("P1")).toMatchObject({ value: 30 / 80, numerator: 30, denominator: 80 });
    const after = await db.contractEvaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    expect(after).toEqual(before);
    expect(inputsHash((after.scorecard as unknown as EvaluationSnapshot).inputs)).toBe(before.inputsHash);
  });

  it("takes one appeal of a sanction from the party, decided by a manager other than the evaluator", async () => {
    await expectRefused(
      appealEvaluation({ evaluationId, reason: "I was on leave for two weeks in May" }, actors.officerB),
      "NOT_FOUND",
      "notFound",
    );
    await expectRefused(
      appealEvaluation({ evaluationId, reason: "I was on leave for two weeks in May" }, actors.principal),
      "FORBIDDEN",
      "onlyParty",
    );
    await expectRefused(
      decideAppeal({ evaluationId, outcome: "OVERTURNED", comments: "No appeal yet" }, actors.principal),
      "CONFLICT",
      "noAppeal",
    );
    await appealEvaluation({ evaluationId, reason: "I was on leave for two weeks in May" }, actors.officerA);
    await expectRefused(
      appealEvaluation({ evaluationId, reason: "Second appeal attempt here" }, actors.officerA),
      "CONFLICT",
      "alreadyAppealed",
    );
    await expectRefused(
      decideAppeal({ evaluationId, outcome: "OVERTURNED", comments: "Mine" }, actors.colleague),
      "FORBIDDEN",
      "appealNeedsOtherManager",
    );
    await expectRefused(
      decideAppeal({ evaluationId, outcome: "OVERTURNED", comments: "Not mine" }, actors.officerA),
      "FORBIDDEN",
      "forbidden",
    );
    await expectRefused(
      decideAppeal({ evaluationId, outcome: "OVERTURNED", comments: "Other office" }, actors.otherManager),
      "NOT_FOUND",
      "notFound",
    );
    await decideAppeal({ evaluationId, outcome: "OVERTURNED", comments: "Leave confirmed by HR" }, actors.principal);
    await expectRefused(
      decideAppeal({ evaluationId, outcome: "UPHELD", comments: "Again" }, actors.national),
      "CONFLICT",
      "appealDecided",
    );
    const stored = await db.contractEvaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    expect(stored).toMatchObject({
      decision: "SANCTION",
      appealOutcome: "OVERTURNED",
      appealDecidedById: actors.principal.id,
    });
  });

  it("refuses an appeal of anything but a sanction", async () => {
    const { id } = await evaluateContract(
      { contractId, quarter: "2025-Q1", decision: "NO_ACTION", comments: "March alone" },
      actors.principal,
    );
    // March alone is not evaluable (n = 10 < 30): no overall score.
    expect((await db.contractEvaluation.findUniqueOrThrow({ where: { id } })).overallScore).toBeNull();
    await expectRefused(
      appealEvaluation({ evaluationId: id, reason: "Nothing to appeal here" }, actors.officerA),
      "CONFLICT",
      "appealOnlySanction",
    );
  });

  it("wrote one audit row per transition, in order", async () => {
    expect(await auditActions(contractId)).toEqual([
      "contract.create",
      "contract.sign",
      "contract.acknowledge",
      "contract.activate",
      "contract.review",
      "contract.evaluate",
      "contract.appeal",
      "contract.appeal-decide",
      "contract.evaluate",
    ]);
  });
});

describe("activation of contracts acknowledged before their period", () => {
  it("waits for the first day, then activates once, by the system", async () => {
    const { id } = await createContract(
      terms({
        partyType: "UNIT",
        partyOfficerId: null,
        partyUnit: UNIT,
        periodFrom: "2031-01-01",
        periodTo: "2031-06-30",
      }),
      actors.principal,
    );
    await signContract(id, actors.principal);
    await expectRefused(acknowledgeContract(id, actors.principal), "FORBIDDEN", "onlyParty");
    await expectRefused(acknowledgeContract(id, actors.national), "FORBIDDEN", "onlyParty");
    expect(await acknowledgeContract(id, actors.colleague)).toEqual({ status: "ACKNOWLEDGED" });
    expect(await activateDueContracts("2030-12-31")).not.toContain(id);
    expect(await activateDueContracts("2031-01-01")).toContain(id);
    expect(await activateDueContracts("2031-01-02")).not.toContain(id);
    expect((await db.contract.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");
    const activation = await db.auditLog.findFirstOrThrow({
      where: { entityType: "contract", entityId: String(id), action: "contract.activate" },
    });
    expect(activation.actorId).toBeNull();
  });
});

describe("scoping", () => {
  it("lists only the office's contracts to its managers, all to a national manager", async () => {
    const mine = await listContracts(actors.principal, { status: "", q: "" });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.officeCode === OFFICE)).toBe(true);
    expect(
      (await listContracts(actors.otherManager, { status: "", q: "" })).rows.filter((r) => r.officeCode === OFFICE),
    ).toEqual([]);
    expect((await listContracts(actors.national, { status: "", q: OFFICE })).rows.length).toBe(mine.rows.length);
  });

  it("shows an officer only the signed contracts they are party to, never a colleague's", async () => {
    const rows = (await listContracts(actors.officerA, { status: "", q: "" })).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.party.officerId === A && r.status !== "DRAFT")).toBe(true);
    expect((await listContracts(actors.analyst, { status: "", q: "" })).rows).toEqual([]);
    const colleagues = await db.contract.findFirstOrThrow({ where: { partyOfficerId: B, status: { not: "DRAFT" } } });
    await expectRefused(getContractDetail(colleagues.id, actors.officerA), "NOT_FOUND", "notFound");
    await expectRefused(getContractDetail(colleagues.id, actors.otherManager), "NOT_FOUND", "notFound");
    await expectRefused(getContractDetail(colleagues.id, actors.analyst), "NOT_FOUND", "notFound");
    const draftOfA = await db.contract.findFirstOrThrow({ where: { partyOfficerId: A, status: "DRAFT" } });
    await expectRefused(getContractDetail(draftOfA.id, actors.officerA), "NOT_FOUND", "notFound");
  });

  it("lets the contract page offer each user only what the services accept", async () => {
    const active = await db.contract.findFirstOrThrow({ where: { partyOfficerId: A, status: "ACTIVE" } });
    expect((await getContractDetail(active.id, actors.officerA)).actions).toEqual([]);
    expect((await getContractDetail(active.id, actors.colleague)).actions).toEqual([
      "close",
      "amend",
      "review",
      "evaluate",
    ]);
    const detail = await getContractDetail(active.id, actors.colleague);
    expect(detail.timeline.map((t) => t.action)).toContain("contract.appeal-decide");
    expect(detail.evaluableQuarters.map((q) => q.quarter)).toEqual(["2025-Q3"]);
  });
});

describe("evaluation snapshot storage", () => {
  it("stores the inputs to the last digit, so they hash to inputs_hash again", async () => {
    // July: 30 declarations of A, 7 assessed the same day and 7 assigned by hand, so P1 = I7 = 7/30, a double that
    // needs 17 significant digits (0.23333333333333334), which Prisma's Json path would store rounded.
    await simulateImport(
      `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode, assessing_officer_id, asmt_ts, status)
       SELECT $1::text || '-7-' || i, $2::text, 'I'::"Flow", make_timestamp(2025, 7, 1 + i % 20, 9, 0, 0), 'G'::"Lane", 'G'::"Lane",
              (CASE WHEN i < 7 THEN 'manual' ELSE 'auto' END)::"AssignmentMode", $1::text,
              make_timestamp(2025, 7, 1 + i % 20, 9, 0, 0) + CASE WHEN i < 7 THEN interval '2 hours' ELSE interval '1 day' END, 'assessed'::"DeclarationStatus"
         FROM generate_series(0, 29) AS i`,
      [A, OFFICE],
    );
    const active = await db.contract.findFirstOrThrow({ where: { partyOfficerId: A, status: "ACTIVE" } });
    const { id } = await evaluateContract(
      { contractId: active.id, quarter: "2025-Q3", decision: "NO_ACTION", comments: "July only" },
      actors.colleague,
    );
    const stored = await db.contractEvaluation.findUniqueOrThrow({ where: { id } });
    const snapshot = stored.scorecard as unknown as EvaluationSnapshot;
    expect(snapshot.inputs.kpis.map((k) => k.value)).toEqual([7 / 30, 7 / 30]);
    expect(String(7 / 30)).toHaveLength(19);
    expect(inputsHash(snapshot.inputs)).toBe(stored.inputsHash);
  });
});
