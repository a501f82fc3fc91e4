// The calibration the contract forms show (lib/contracts/contract-baselines.ts) on declarations inserted here, with
// every expected value worked out by hand, and the score preview checked against what an evaluation of the same
// terms over the same period stores.
//
// Office OX, unit U1: officers X1–X4; office OY: Y1. Declarations registered April–June 2025 (the last one on
// 2025-06-30), same-day assessment (P1) and manual assignment (I7):
//   X1 40 declarations, 36 same-day (0.9), 4 manual (0.1)
//   X2 40, 24 (0.6), 8 (0.2)
//   X3 40, 20 (0.5), 12 (0.3)
//   X4 20, 6 (0.3), 0 (0)
//   Y1 10, 10 (1), 0 (0)
// A contract from 2025-07-01: reference period January–June 2025 (six complete months before it, data up to June
// 30). Office OX's officers: P1 values 0.3, 0.5, 0.6, 0.9 → p25 (h 0.75) 0.45, p50 0.55, p75 (h 2.25) 0.675,
// p10 (h 0.3) 0.36, p90 (h 2.7) 0.81; I7 0, 0.1, 0.2, 0.3 → p25 0.075, p75 0.225.
// Proposed: P1 (higher) threshold 0.45, target 0.675; I7 (lower) threshold 0.225, target 0.075.
//   Observed/expected: every declaration is green with no items, one stratum, so E = n × the office's rate. Office
// OX: P1 86 of 140 declarations, I7 24 of 140. P1 O/E: X1 36 / (40·86/140) = 63/43, X2 42/43, X3 35/43,
// X4 6 / (20·86/140) = 21/43; I7: X1 4 / (40·24/140) = 7/12, X2 14/12, X3 21/12, X4 0. Group O/E quartiles: P1
// p25 = (21 + ¾·14)/43 = 0.7326 → 0.73, p75 = (42 + ¼·21)/43 = 1.0988 → 1.10; I7 p25 = ¾·7/12 = 0.4375 → 0.44,
// p75 = (14 + ¼·7)/12 = 1.3125 → 1.31. Proposed on O/E: P1 threshold 0.73, target 1.10; I7 threshold 1.31,
// target 0.44.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import type { Actor } from "@/lib/auth/session-user";
import { contractBaselines } from "@/lib/contracts/contract-baselines";
import { previewScores } from "@/lib/contracts/score-preview";
import { createContract } from "@/lib/contracts/create-contract";
import { signContract } from "@/lib/contracts/sign-contract";
import { acknowledgeContract } from "@/lib/contracts/acknowledge-contract";
import { evaluateContract } from "@/lib/contracts/evaluate-contract";
import { recordContractReview } from "@/lib/contracts/record-contract-review";
import type { KpiId } from "@/lib/kpis/catalogue";
import type { EvaluationSnapshot } from "@/lib/contracts/evaluate-contract";
import { inputsHash } from "@/lib/contracts/inputs-hash";
import { contractOverview } from "@/lib/dashboard/contract-overview";
import { OverviewFilters } from "@/lib/dashboard/overview-filters";
import { expectRefused } from "@/tests/support/refusals";

const run = randomUUID().slice(0, 5).toUpperCase();
const OX = `OX${run}`;
const OY = `OY${run}`;
const X = (i: number) => `X${i}${run}`;
const Y1 = `Y1${run}`;
const actors = {} as Record<"manager" | "otherManager" | "officer" | "officer3", Actor>;

const VOLUMES: [string, number, number, number][] = [
  [X(1), 40, 36, 4],
  [X(2), 40, 24, 8],
  [X(3), 40, 20, 12],
  [X(4), 20, 6, 0],
  [Y1, 10, 10, 0],
];

const TERMS: { kpiId: KpiId; threshold: number; target: number; weight: number; minVolume: number }[] = [
  { kpiId: "P1", threshold: 0.45, target: 0.675, weight: 60, minVolume: 30 },
  { kpiId: "I7", threshold: 0.225, target: 0.075, weight: 40, minVolume: 30 },
];
const termsRows = TERMS.map((t) => ({ ...t, direction: t.kpiId === "P1" ? ("higher" as const) : ("lower" as const) }));

beforeAll(async () => {
  await db.office.createMany({
    data: [OX, OY].map((officeCode) => ({
      officeCode,
      name: officeCode,
      openTime: "08:00",
      closeTime: "16:00",
      workdays: [1, 2, 3, 4, 5],
    })),
  });
  await db.officer.createMany({
    data: [
      ...[1, 2, 3, 4].map((i) => ({ officerId: X(i), fullName: `Officer ${i}`, officeCode: OX, unit: "U1" })),
      { officerId: Y1, fullName: "Officer Y", officeCode: OY, unit: "U9" },
    ],
  });
  for (const [key, role, officeCode, officerId] of [
    ["manager", "MANAGER", OX, null],
    ["otherManager", "MANAGER", OY, null],
    ["officer", "OFFICER", OX, X(2)],
    ["officer3", "OFFICER", OX, X(3)],
  ] as const) {
    const row = await db.user.create({
      data: { email: `${key}-${run}@test.local`, name: key, role, officeCode, officerId, passwordHash: "unused" },
    });
    actors[key] = { id: row.id, role, officeCode, officerId };
  }
  await pool.query(`SELECT ensure_declaration_partitions('2025-04-01', '2025-06-30')`);
  for (const [officer, count, sameDay, manual] of VOLUMES) {
    // Spread over April 1 – June 30 (91 days); the first of X1 is on June 30, the latest registration.
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode,
                                 assessing_officer_id, asmt_ts, status)
       SELECT $1::text || '-' || i, $2::text, 'I'::"Flow", r, 'G'::"Lane", 'G'::"Lane",
              (CASE WHEN i < $5::int THEN 'manual' ELSE 'auto' END)::"AssignmentMode", $1::text,
              r + CASE WHEN i < $4::int THEN interval '2 hours' ELSE interval '1 day' END, 'assessed'::"DeclarationStatus"
         FROM generate_series(0, $3::int - 1) AS i,
              LATERAL (SELECT timestamp '2025-06-30 09:00' - (i * 2) * interval '1 day' AS r) t`,
      [officer, officer === Y1 ? OY : OX, count, sameDay, manual],
    );
  }
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const request = (extra: Record<string, unknown> = {}) => ({
  partyType: "OFFICER" as const,
  officeCode: OX,
  partyOfficerId: X(2),
  periodFrom: "2025-07-01",
  kpiIds: ["P1", "I7"] as KpiId[],
  ...extra,
});

describe("baselines for a contract", () => {
  it("takes the six months before the contract, the office's officers as the group, and proposes by the rule", async () => {
    const b = await contractBaselines(request(), actors.manager);
    expect(b.reference).toEqual({ from: "2025-01-01", to: "2025-06-30" });
    expect(b.group).toEqual({ kind: "office", id: OX, size: 4 });
    const [p1, i7] = b.indicators;
    expect(p1!.values).toEqual([0.3, 0.5, 0.6, 0.9]);
    expect(p1!.spread!.n).toBe(4);
    for (const [key, want] of Object.entries({ p10: 0.36, p25: 0.45, p50: 0.55, p75: 0.675, p90: 0.81 }))
      expect(p1!.spread![key as "p10"], key).toBeCloseTo(want, 12);
    expect(p1!.proposal).toEqual({ threshold: 0.45, target: 0.675, rule: "quartiles" });
    expect(i7!.proposal).toEqual({ threshold: 0.225, target: 0.075, rule: "quartiles" });
    // The party's own values, as stored cells, and its O/E.
    expect(b.subjects.map(({ oe: _oe, ...s }) => s)).toEqual([
      {
        id: X(2),
        label: "Officer 2",
        values: {
          P1: { value: 0.6, numerator: 24, denominator: 40 },
          I7: { value: 0.2, numerator: 8, denominator: 40 },
        },
      },
    ]);
  });

  it("gives the group's O/E for the rates that have one, and proposes O/E terms by the same rule", async () => {
    const b = await contractBaselines(request(), actors.manager);
    const [p1, i7] = b.indicators;
    [21 / 43, 35 / 43, 42 / 43, 63 / 43].forEach((v, i) => expect(p1!.oe!.values[i]).toBeCloseTo(v, 12));
    [0, 7 / 12, 14 / 12, 21 / 12].forEach((v, i) => expect(i7!.oe!.values[i]).toBeCloseTo(v, 12));
    expect(p1!.oe!.proposal).toEqual({ threshold: 0.73, target: 1.1, rule: "quartiles" });
    expect(i7!.oe!.proposal).toEqual({ threshold: 1.31, target: 0.44, rule: "quartiles" });
    // X2's own: 24 same-day against 40·86/140 = 24.571 expected.
    const own = b.subjects[0]!.oe!.P1!;
    expect([own.observed, own.n]).toEqual([24, 40]);
    expect(own.expected).toBeCloseTo((40 * 86) / 140, 9);
    expect(own.ratio).toBeCloseTo(42 / 43, 12);
    // A unit's contract has no O/E.
    const unit = await contractBaselines(
      request({ partyType: "UNIT", partyOfficerId: null, partyUnit: "U1" }),
      actors.manager,
    );
    expect(unit.indicators.map((i) => i.oe)).toEqual([null, null]);
    expect(unit.subjects[0]).not.toHaveProperty("oe");
  });

  it("calibrates a template applied to a unit on that unit, and previews everyone's score", async () => {
    const b = await contractBaselines(
      request({ partyType: "UNIT_TEMPLATE", partyOfficerId: null, partyUnit: "U1" }),
      actors.manager,
    );
    expect(b.group).toEqual({ kind: "unit", id: `${OX}/U1`, size: 4 });
    expect(b.subjects.map((s) => s.id)).toEqual([1, 2, 3, 4].map(X));
    // Worked out in lib/contracts/score-preview.test.ts: 93.33, 46.67, 13.33 and X4 not evaluable.
    const preview = previewScores(termsRows, b.subjects);
    expect(preview.scores.map((s) => (s.overall === null ? null : Math.round(s.overall * 100) / 100))).toEqual([
      93.33,
      46.67,
      13.33,
      null,
    ]);
    expect(preview.notEvaluable).toEqual({ P1: 1, I7: 1 });
  });

  it("refuses a manager of another office and an officer", async () => {
    await expectRefused(contractBaselines(request(), actors.otherManager), "FORBIDDEN", "officeOutOfScope");
    await expectRefused(contractBaselines(request(), actors.officer), "FORBIDDEN");
  });

  it("previews exactly the score an evaluation of the same terms over the same period stores", async () => {
    const { id } = await createContract(
      {
        title: "Preview check",
        partyType: "OFFICER",
        partyOfficerId: X(2),
        officeCode: OX,
        periodFrom: "2025-04-01",
        periodTo: "2025-06-30",
        indicators: TERMS,
      },
      actors.manager,
    );
    await signContract(id, actors.manager);
    await acknowledgeContract(id, actors.officer);
    await evaluateContract(
      { contractId: id, quarter: "2025-Q2", decision: "NO_ACTION", comments: "preview check" },
      actors.manager,
    );
    const stored = await db.contractEvaluation.findFirstOrThrow({ where: { contractId: id } });
    const b = await contractBaselines(
      request({ periodFrom: "2025-04-01", reference: { from: "2025-04-01", to: "2025-06-30" } }),
      actors.manager,
    );
    const preview = previewScores(termsRows, b.subjects);
    // X2: 46.67 by hand; the preview and the stored evaluation agree to the last digit.
    expect(stored.overallScore).toBeCloseTo(140 / 3, 9);
    expect(preview.scores[0]!.overall).toBe(stored.overallScore);
  });

  it("stores the score computed from O/E for an indicator scored on it, the score the preview gives", async () => {
    // X3 on O/E: P1 threshold 0.73, target 1.10; I7 threshold 2.00, target 1.00.
    //   P1 O/E 35/43 = 0.81395 → (0.81395 − 0.73) / (1.10 − 0.73) = 0.22690; raw 0.5 would have scored 0.22 on
    //   the raw terms above, a different number. I7 O/E 21/12 = 1.75 → (1.75 − 2) / (1 − 2) = 0.25.
    //   Overall = 60 · 0.22690 + 40 · 0.25 = 23.614.
    const oeTerms = [
      { kpiId: "P1" as KpiId, basis: "OE" as const, threshold: 0.73, target: 1.1, weight: 60, minVolume: 30 },
      { kpiId: "I7" as KpiId, basis: "OE" as const, threshold: 2, target: 1, weight: 40, minVolume: 30 },
    ];
    const { id } = await createContract(
      {
        title: "O/E check",
        partyType: "OFFICER",
        partyOfficerId: X(3),
        officeCode: OX,
        periodFrom: "2025-04-01",
        periodTo: "2025-06-30",
        indicators: oeTerms,
      },
      actors.manager,
    );
    await signContract(id, actors.manager);
    await acknowledgeContract(id, actors.officer3);
    await evaluateContract(
      { contractId: id, quarter: "2025-Q2", decision: "NO_ACTION", comments: "O/E check" },
      actors.manager,
    );
    const stored = await db.contractEvaluation.findFirstOrThrow({ where: { contractId: id } });
    const byHand = 60 * ((35 / 43 - 0.73) / (1.1 - 0.73)) + 40 * 0.25;
    expect(stored.overallScore).toBeCloseTo(byHand, 9);
    const snapshot = stored.scorecard as unknown as EvaluationSnapshot;
    const [p1, i7] = snapshot.scorecard.indicators;
    expect([p1!.basis, p1!.n, p1!.status]).toEqual(["OE", 40, "between"]);
    expect(p1!.value).toBeCloseTo(35 / 43, 12);
    expect(i7!.value).toBeCloseTo(1.75, 12);
    expect(i7!.score).toBeCloseTo(0.25, 12);
    // The frozen inputs carry the basis and the O/E counts, so the hash covers them.
    expect(snapshot.inputs.contract.indicators.map((i) => i.basis)).toEqual(["OE", "OE"]);
    const p1Input = snapshot.inputs.kpis[0]!;
    expect([p1Input.value, p1Input.oe!.observed, p1Input.oe!.n]).toEqual([0.5, 20, 40]);
    expect(p1Input.oe!.expected).toBeCloseTo((40 * 86) / 140, 9);
    expect(stored.inputsHash).toBe(inputsHash(snapshot.inputs));
    // The audit of the contract names the basis of each indicator.
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "contract.create", entityId: String(id) } });
    expect((audit.data as { indicators: { basis: string }[] }).indicators.map((i) => i.basis)).toEqual(["OE", "OE"]);

    const b = await contractBaselines(
      request({ partyOfficerId: X(3), periodFrom: "2025-04-01", reference: { from: "2025-04-01", to: "2025-06-30" } }),
      actors.manager,
    );
    const termsRows = oeTerms.map((t) => ({
      ...t,
      direction: t.kpiId === "P1" ? ("higher" as const) : ("lower" as const),
    }));
    const preview = previewScores(termsRows, b.subjects);
    expect(preview.scores[0]!.overall).toBe(stored.overallScore);

    // The manager overview computes the O/E of such a contract on read. June: 15 declarations each for X1–X4 (the
    // 30th back to the 2nd), all same-day but 6 of X4's → office P1 51/60, X3's O/E = 15 / (15·51/60) = 60/51;
    // n = 15 is under the minimum volume of 30, so not evaluable. So far (April–June): the evaluation's score.
    const overview = await contractOverview(actors.manager, OverviewFilters.parse({ month: "2025-06" }));
    const row = overview.rows.find((r) => r.id === id)!;
    const june = row.indicators.find((i) => i.kpiId === "P1")!;
    expect([june.basis, june.n, june.status, june.threshold]).toEqual(["OE", 15, "not_evaluable", 0.73]);
    expect(june.value).toBeCloseTo(60 / 51, 12);
    expect(row.soFarScore).toBe(stored.overallScore);

    // A monthly review's audit keeps the O/E the month was scored on.
    const review = await recordContractReview(
      { contractId: id, month: "2025-06", note: "June on O/E", agreedActions: "" },
      actors.manager,
    );
    const reviewAudit = await db.auditLog.findFirstOrThrow({
      where: { action: "contract.review", entityId: String(id) },
    });
    const data = reviewAudit.data as { reviewId: number; observedExpected: { kpiId: string; observed: number }[] };
    expect(data.reviewId).toBe(review.id);
    expect(data.observedExpected.map((o) => [o.kpiId, o.observed])).toEqual([
      ["P1", 15],
      ["I7", 12],
    ]);
  });
});
