// Case follow-up against real PostgreSQL: flags inserted here (a broker–officer pair, a unit value, another office's
// flag, a flag spanning offices) over declarations inserted here, opened into cases whose frozen evidence keeps its
// hash when the declarations change; every transition allowed and refused; four eyes; reopening; one audit row per
// step; the SLA job run twice; the feedback CSVs checked by hand; and an officer (even the one flagged) refused by
// every service and route. Expected values are worked out by hand in the comments.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { AppError } from "@/lib/errors";
import type { CaseActor } from "@/lib/cases/case-rules";
import { openCase } from "@/lib/cases/open-case";
import { snapshotHash } from "@/lib/cases/evidence-snapshot";

const run = randomUUID().slice(0, 6).toUpperCase();
const OFFICE = `CS${run}`;
const OTHER_OFFICE = `CT${run}`;
const A = `A${run}`; // the officer flagged with broker BR
const B = `B${run}`; // a colleague, flagged with broker BR too, who also holds an analyst account
const BR = `BR${run}`;
const BR2 = `BQ${run}`; // a broker whose Benford flag spans offices
const PERIOD = { from: "2025-04-01", to: "2025-04-30" };

type ActorKey = "analyst" | "colleague" | "national" | "otherAnalyst" | "admin" | "manager" | "officerA" | "analystB";
const actors = {} as Record<ActorKey, CaseActor>;
const flags = { pair: 0, unitValue: 0, pairB: 0, other: 0, benford: 0, spare: 0 };

// Officer A's April declarations with broker BR: A-1 … A-4, each one item. The pair flag's evidence is these four
// (registered in April, not cancelled, office OFFICE, broker BR, officer A); A-X is cancelled, so outside it.
//   decl   value   taxes_final  item hs_code     origin
//   A-1    1000    100          1  8703230000  JP   (and item 2, 6203420000 CN, of lower value)
//   A-2    2000    200          1  8703230000  JP
//   A-3    3000    300          1  6203420000  CN
//   A-4    4000    400          1  8517120000  CN
const DECLS = [
  { n: 1, value: 1000, taxes: 100, items: [{ no: 1, hs: "8703230000", origin: "JP", cif: 900 }, { no: 2, hs: "6203420000", origin: "CN", cif: 100 }] },
  { n: 2, value: 2000, taxes: 200, items: [{ no: 1, hs: "8703230000", origin: "JP", cif: 2000 }] },
  { n: 3, value: 3000, taxes: 300, items: [{ no: 1, hs: "6203420000", origin: "CN", cif: 3000 }] },
  { n: 4, value: 4000, taxes: 400, items: [{ no: 1, hs: "8517120000", origin: "CN", cif: 4000 }] },
];
const declId = (officer: string, n: number | string) => `${officer}-${n}`;

async function insertClearanceData() {
  await pool.query(`SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')`);
  const insertDecl = (id: string, office: string, officer: string, broker: string, day: number, value: number, taxes: number, status = "assessed") =>
    pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, broker_id, reg_ts, lane_initial, lane_final, assignment_mode,
                                 assessing_officer_id, asmt_ts, value_initial, taxes_initial, taxes_final, status)
       VALUES ($1, $2, 'I', $3, make_timestamp(2025, 4, $4, 9, 0, 0), 'Y', 'G', 'manual', $5, make_timestamp(2025, 4, $4, 11, 0, 0),
               $6, $7, $7, $8::"DeclarationStatus")`,
      [id, office, broker, day, officer, value, taxes, status],
    );
  for (const d of DECLS) {
    await insertDecl(declId(A, d.n), OFFICE, A, BR, d.n, d.value, d.taxes);
    for (const item of d.items) {
      await pool.query(
        `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, cif_value, taxes) VALUES ($1, $2, $3, left($3, 6), $4, 10, $5, 0)`,
        [declId(A, d.n), item.no, item.hs, item.origin, item.cif],
      );
    }
  }
  await insertDecl(declId(A, "X"), OFFICE, A, BR, 5, 5000, 500, "cancelled");
  await insertDecl(declId(B, 1), OFFICE, B, BR, 6, 1500, 150);
  await insertDecl(declId(`O${run}`, 1), OTHER_OFFICE, `O${run}`, BR, 7, 700, 70);
  await insertDecl(declId(BR2, 1), OFFICE, A, BR2, 8, 123, 12);
}

// A stored flag as detect-flags.ts + store-flags.ts would leave it.
async function insertFlag(f: { method: string; subjectType: string; subjectId: string; relatedId?: string; officeCode: string | null; kpiId?: string }) {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO flags (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to, score, n, stats, rule, office_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 4.2, 4, $8, $9, $10) RETURNING id`,
    [
      f.method, f.kpiId ?? "", f.subjectType, f.subjectId, f.relatedId ?? "", PERIOD.from, PERIOD.to,
      JSON.stringify({ officeCode: f.officeCode, n_bo: 4, expected: 0.95 }),
      JSON.stringify({ method: f.method, params: { minPair: 3, ratio: 3, pValue: 0.001 } }),
      f.officeCode,
    ],
  );
  return rows[0]!.id;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error === null) throw new Error("expected a refusal, the operation succeeded");
  return error as AppError;
}

async function expectRefused(promise: Promise<unknown>, code: AppError["code"], key?: string) {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(AppError);
  expect(error.code).toBe(code);
  if (key) expect(error.message).toBe(key);
  return error;
}

const caseAudits = (caseId: number) =>
  db.auditLog.findMany({ where: { entityType: "case", entityId: String(caseId) }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await db.office.createMany({
    data: [OFFICE, OTHER_OFFICE].map((officeCode) => ({ officeCode, name: `Office ${officeCode}`, openTime: "07:30", closeTime: "15:30", workdays: [1, 2, 3, 4, 5] })),
  });
  await db.officer.createMany({
    data: [
      { officerId: A, fullName: "Awa Case", officeCode: OFFICE, unit: "Assessment" },
      { officerId: B, fullName: "Jean Case", officeCode: OFFICE, unit: "Assessment" },
    ],
  });
  const user = async (key: ActorKey, role: CaseActor["role"], officeCode: string | null, officerId: string | null = null) => {
    const row = await db.user.create({
      data: { email: `${key}-${run}@cases.test`, name: `Test ${key}`, role, officeCode, officerId, passwordHash: "unused" },
    });
    actors[key] = { id: row.id, role, officeCode, officerId };
  };
  await user("analyst", "INTEGRITY", OFFICE);
  await user("colleague", "INTEGRITY", OFFICE);
  await user("national", "INTEGRITY", null);
  await user("otherAnalyst", "INTEGRITY", OTHER_OFFICE);
  await user("admin", "ADMIN", null);
  await user("manager", "MANAGER", OFFICE);
  await user("officerA", "OFFICER", OFFICE, A);
  await user("analystB", "INTEGRITY", OFFICE, B);
  await insertClearanceData();
  flags.pair = await insertFlag({ method: "BROKER_OFFICER_PAIR", subjectType: "broker", subjectId: BR, relatedId: A, officeCode: OFFICE });
  flags.unitValue = await insertFlag({ method: "UNIT_VALUE", subjectType: "declaration", subjectId: declId(A, 1), relatedId: "2", officeCode: OFFICE });
  flags.pairB = await insertFlag({ method: "BROKER_OFFICER_PAIR", subjectType: "broker", subjectId: BR, relatedId: B, officeCode: OFFICE });
  flags.other = await insertFlag({ method: "BROKER_OFFICER_PAIR", subjectType: "broker", subjectId: BR, relatedId: `O${run}`, officeCode: OTHER_OFFICE });
  flags.benford = await insertFlag({ method: "BENFORD", subjectType: "broker", subjectId: BR2, officeCode: null });
  flags.spare = await insertFlag({ method: "BROKER_OFFICER_PAIR", subjectType: "broker", subjectId: BR2, relatedId: A, officeCode: OFFICE });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const ids = { main: 0 };

describe("opening a case", () => {
  it("freezes each flag's evidence with its hash, moves the flags to IN_CASE and audits the case and each flag", async () => {
    ({ caseId: ids.main } = await openCase({ flagIds: [flags.pair, flags.unitValue] }, actors.analyst));
    const opened = await db.case.findUniqueOrThrow({ where: { id: ids.main } });
    expect(opened).toMatchObject({ status: "OPEN", officeCode: OFFICE, openedById: actors.analyst.id, subjectOfficerIds: [A], assigneeId: null });
    const evidence = await db.caseEvidence.findMany({ where: { caseId: ids.main }, orderBy: { flagId: "asc" } });
    expect(evidence.map((e) => [e.flagId, e.declarationCount, e.truncated])).toEqual([
      [flags.pair, 4, false],
      [flags.unitValue, 1, false],
    ]);
    const pair = evidence[0]!.snapshot as { declarations: { decl_id: string }[]; goods: Record<string, { hsCode: string; originCountry: string; itemNo: number }>; flag: { relatedId: string; rule: unknown } };
    expect(pair.declarations.map((d) => d.decl_id)).toEqual(DECLS.map((d) => declId(A, d.n)));
    // The goods line: the item of highest customs value (A-1's item 1 at 900 against item 2 at 100)…
    expect(pair.goods[declId(A, 1)]).toEqual({ itemNo: 1, hsCode: "8703230000", originCountry: "JP" });
    expect(pair.flag).toMatchObject({ relatedId: A, rule: { method: "BROKER_OFFICER_PAIR", params: { minPair: 3, ratio: 3, pValue: 0.001 } } });
    // …but the flagged item for a unit-value flag (A-1 item 2).
    const unit = evidence[1]!.snapshot as { goods: Record<string, unknown> };
    expect(unit.goods[declId(A, 1)]).toEqual({ itemNo: 2, hsCode: "6203420000", originCountry: "CN" });
    for (const e of evidence) expect(e.sha256).toBe(snapshotHash(e.snapshot));

    const stored = await db.flag.findMany({ where: { id: { in: [flags.pair, flags.unitValue] } } });
    expect(stored.map((f) => [f.state, f.triagedById])).toEqual([["IN_CASE", actors.analyst.id], ["IN_CASE", actors.analyst.id]]);
    expect((await caseAudits(ids.main)).map((a) => a.action)).toEqual(["case.open"]);
    const flagAudits = await db.auditLog.findMany({ where: { entityType: "flag", entityId: { in: [String(flags.pair), String(flags.unitValue)] } } });
    expect(flagAudits.map((a) => a.action)).toEqual(["flag.case", "flag.case"]);
  });

  it("keeps the snapshot and its hash exactly as they were after the declarations change", async () => {
    const before = await db.caseEvidence.findMany({ where: { caseId: ids.main }, orderBy: { flagId: "asc" } });
    await pool.query(`UPDATE declarations SET taxes_final = taxes_final * 10, lane_final = 'R' WHERE decl_id = ANY ($1::text[])`, [[declId(A, 1), declId(A, 2)]]);
    await pool.query(`UPDATE items SET hs_code = '0101210000' WHERE decl_id = $1`, [declId(A, 2)]);
    await pool.query(`UPDATE flags SET score = 99, stats = '{"changed": true}' WHERE id = $1`, [flags.pair]);
    const after = await db.caseEvidence.findMany({ where: { caseId: ids.main }, orderBy: { flagId: "asc" } });
    expect(after).toEqual(before);
    for (const e of after) expect(snapshotHash(e.snapshot)).toBe(e.sha256);
    const pair = after[0]!.snapshot as { declarations: { decl_id: string; taxes_final: string; lane_final: string }[]; flag: { score: number } };
    expect(pair.declarations[0]).toMatchObject({ taxes_final: "100.00", lane_final: "G" });
    expect(pair.flag.score).toBe(4.2);
    // And the database itself refuses to rewrite it.
    await expect(pool.query(`UPDATE case_evidence SET sha256 = 'x' WHERE case_id = $1`, [ids.main])).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM case_evidence WHERE case_id = $1`, [ids.main])).rejects.toThrow(/append-only/);
    // Put the data back for the feedback exports below.
    await pool.query(`UPDATE declarations SET taxes_final = taxes_final / 10, lane_final = 'G' WHERE decl_id = ANY ($1::text[])`, [[declId(A, 1), declId(A, 2)]]);
  });

  it("refuses a flag already in a case, flags of two offices, and a flag outside the analyst's office", async () => {
    await expectRefused(openCase({ flagIds: [flags.pair] }, actors.colleague), "CONFLICT", "flagAlreadyTriaged");
    await expectRefused(openCase({ flagIds: [flags.pairB, flags.other] }, actors.national), "CONFLICT", "flagsOfficeMismatch");
    await expectRefused(openCase({ flagIds: [flags.other] }, actors.analyst), "NOT_FOUND");
    await expectRefused(openCase({ flagIds: [flags.benford] }, actors.analyst), "NOT_FOUND");
    // Nothing was left behind by the refusals.
    expect(await db.caseFlag.count({ where: { flagId: { in: [flags.pairB, flags.other, flags.benford] } } })).toBe(0);
    expect((await db.flag.findMany({ where: { id: { in: [flags.pairB, flags.other] } } })).map((f) => f.state)).toEqual(["NEW", "NEW"]);
  });
});
