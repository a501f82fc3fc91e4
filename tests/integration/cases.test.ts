// Case follow-up against real PostgreSQL: flags inserted here (a broker–officer pair, a unit value, another office's
// flag, a flag spanning offices) over declarations inserted here, opened into cases whose frozen evidence keeps its
// hash when the declarations change; every transition allowed and refused; four eyes; reopening; one audit row per
// step; the SLA job run twice; the feedback CSVs checked by hand; and an officer (even the one flagged) refused by
// every service and route. Expected values are worked out by hand in the comments.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { env } from "@/lib/env";
import type { CaseActor } from "@/lib/cases/case-rules";
import { openCase } from "@/lib/cases/open-case";
import { snapshotHash } from "@/lib/cases/evidence-snapshot";
import { assignCase } from "@/lib/cases/assign-case";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { addCaseAttachment, readCaseAttachment } from "@/lib/cases/case-attachments";
import { recordFinding } from "@/lib/cases/record-finding";
import { addCaseAction } from "@/lib/cases/add-case-action";
import { closeCase } from "@/lib/cases/close-case";
import { reopenCase } from "@/lib/cases/reopen-case";
import { getCaseDetail } from "@/lib/cases/get-case-detail";
import { assigneeOptions, casesOfFlags, latestDigest, listCases, listOverdueCases } from "@/lib/cases/list-cases";
import { labelsTable, offencesTable } from "@/lib/cases/feedback-exports";
import { canonicalEvidence } from "@/lib/cases/canonical-evidence";
import { checkCaseSla } from "@/lib/cases/check-case-sla";
import { CaseListFilters } from "@/lib/cases/schema";
import { runJob } from "@/jobs/handlers";
import { JOB_NAMES } from "@/lib/queue/job-names";
import { expectRefused } from "@/tests/support/refusals";

// Route handlers run with the session of `session.userId` (null = anonymous); everything below the session cookie
// is real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/session-token", () => ({
  requestSessionToken: async () => (session.userId ? { sub: session.userId } : null),
}));

const routes = {
  cases: () => import("@/app/api/cases/route"),
  labels: () => import("@/app/api/cases/feedback/labels.csv/route"),
  offences: () => import("@/app/api/cases/feedback/offences.csv/route"),
  attachments: () => import("@/app/api/cases/[id]/attachments/route"),
  attachment: () => import("@/app/api/cases/[id]/attachments/[attachmentId]/route"),
  evidence: () => import("@/app/api/cases/[id]/evidence/[flagId]/route"),
};
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const url = (p: string) => `http://localhost${p}`;

const run = randomUUID().slice(0, 6).toUpperCase();
const OFFICE = `CS${run}`;
const OTHER_OFFICE = `CT${run}`;
const A = `A${run}`; // the officer flagged with broker BR
const B = `B${run}`; // a colleague, flagged with broker BR too, who also holds an analyst account
const BR = `BR${run}`;
const BR2 = `BQ${run}`; // a broker whose Benford flag spans offices
const PERIOD = { from: "2025-04-01", to: "2025-04-30" };

type ActorKey =
  | "analyst"
  | "colleague"
  | "national"
  | "otherAnalyst"
  | "admin"
  | "manager"
  | "grantedManager"
  | "officerA"
  | "analystB";
const actors = {} as Record<ActorKey, CaseActor>;
const flags = { pair: 0, unitValue: 0, pairB: 0, other: 0, benford: 0, spare: 0, selfB: 0, unitB: 0, late: 0 };

// Officer A's April declarations with broker BR: A-1 … A-4, each one item. The pair flag's evidence is these four
// (registered in April, not cancelled, office OFFICE, broker BR, officer A); A-X is cancelled, so outside it.
//   decl   value   taxes_final  item hs_code     origin
//   A-1    1000    100          1  8703230000  JP   (and item 2, 6203420000 CN, of lower value)
//   A-2    2000    200          1  8703230000  JP
//   A-3    3000    300          1  6203420000  CN
//   A-4    4000    400          1  8517120000  CN
const DECLS = [
  {
    n: 1,
    value: 1000,
    taxes: 100,
    items: [
      { no: 1, hs: "8703230000", origin: "JP", cif: 900 },
      { no: 2, hs: "6203420000", origin: "CN", cif: 100 },
    ],
  },
  { n: 2, value: 2000, taxes: 200, items: [{ no: 1, hs: "8703230000", origin: "JP", cif: 2000 }] },
  { n: 3, value: 3000, taxes: 300, items: [{ no: 1, hs: "6203420000", origin: "CN", cif: 3000 }] },
  { n: 4, value: 4000, taxes: 400, items: [{ no: 1, hs: "8517120000", origin: "CN", cif: 4000 }] },
];
const declId = (officer: string, n: number | string) => `${officer}-${n}`;

async function insertClearanceData() {
  await pool.query(`SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')`);
  const insertDecl = (
    id: string,
    office: string,
    officer: string,
    broker: string,
    day: number,
    value: number,
    taxes: number,
    status = "assessed",
  ) =>
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
  await pool.query(
    `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, cif_value) VALUES ($1, 1, '6203420000', '620342', 'CN', 10, 1500)`,
    [declId(B, 1)],
  );
  await insertDecl(declId(`O${run}`, 1), OTHER_OFFICE, `O${run}`, BR, 7, 700, 70);
  await insertDecl(declId(BR2, 1), OFFICE, A, BR2, 8, 123, 12);
}

// A stored flag as detect-flags.ts + store-flags.ts would leave it.
async function insertFlag(f: {
  method: string;
  subjectType: string;
  subjectId: string;
  relatedId?: string;
  officeCode: string | null;
  kpiId?: string;
}) {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO flags (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to, score, n, stats, rule, office_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 28.152126199314576, 4, $8, $9, $10) RETURNING id`,
    [
      f.method,
      f.kpiId ?? "",
      f.subjectType,
      f.subjectId,
      f.relatedId ?? "",
      PERIOD.from,
      PERIOD.to,
      // Floats of 16 and 17 significant digits: the snapshot must keep them exactly for its hash to hold.
      JSON.stringify({
        officeCode: f.officeCode,
        n_bo: 4,
        expected: 0.95,
        p0: 0.0924444444444444,
        pValue: 1.2345678901234567e-7,
      }),
      JSON.stringify({ method: f.method, params: { minPair: 3, ratio: 3, pValue: 0.001 } }),
      f.officeCode,
    ],
  );
  return rows[0]!.id;
}

const caseAudits = (caseId: number) =>
  db.auditLog.findMany({ where: { entityType: "case", entityId: String(caseId) }, orderBy: { id: "asc" } });

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
      { officerId: A, fullName: "Awa Case", officeCode: OFFICE, unit: "Assessment" },
      { officerId: B, fullName: "Jean Case", officeCode: OFFICE, unit: "Assessment" },
    ],
  });
  const user = async (
    key: ActorKey,
    role: CaseActor["role"],
    officeCode: string | null,
    officerId: string | null = null,
    integrityAccess = false,
  ) => {
    const row = await db.user.create({
      data: {
        email: `${key}-${run}@cases.test`,
        name: `Test ${key}`,
        role,
        officeCode,
        officerId,
        integrityAccess,
        passwordHash: "unused",
      },
    });
    actors[key] = { id: row.id, role, officeCode, officerId, ...(integrityAccess ? { integrityAccess } : {}) };
  };
  await user("analyst", "INTEGRITY", OFFICE);
  await user("colleague", "INTEGRITY", OFFICE);
  await user("national", "INTEGRITY", null);
  await user("otherAnalyst", "INTEGRITY", OTHER_OFFICE);
  await user("admin", "ADMIN", null);
  await user("manager", "MANAGER", OFFICE);
  await user("grantedManager", "MANAGER", OFFICE, null, true);
  await user("officerA", "OFFICER", OFFICE, A);
  await user("analystB", "INTEGRITY", OFFICE, B);
  await insertClearanceData();
  flags.pair = await insertFlag({
    method: "BROKER_OFFICER_PAIR",
    subjectType: "broker",
    subjectId: BR,
    relatedId: A,
    officeCode: OFFICE,
  });
  flags.unitValue = await insertFlag({
    method: "UNIT_VALUE",
    subjectType: "declaration",
    subjectId: declId(A, 1),
    relatedId: "2",
    officeCode: OFFICE,
  });
  flags.pairB = await insertFlag({
    method: "BROKER_OFFICER_PAIR",
    subjectType: "broker",
    subjectId: BR,
    relatedId: B,
    officeCode: OFFICE,
  });
  flags.other = await insertFlag({
    method: "BROKER_OFFICER_PAIR",
    subjectType: "broker",
    subjectId: BR,
    relatedId: `O${run}`,
    officeCode: OTHER_OFFICE,
  });
  flags.benford = await insertFlag({ method: "BENFORD", subjectType: "broker", subjectId: BR2, officeCode: null });
  flags.spare = await insertFlag({
    method: "BROKER_OFFICER_PAIR",
    subjectType: "broker",
    subjectId: BR2,
    relatedId: A,
    officeCode: OFFICE,
  });
  flags.selfB = await insertFlag({
    method: "BROKER_OFFICER_PAIR",
    subjectType: "broker",
    subjectId: BR2,
    relatedId: B,
    officeCode: OFFICE,
  });
  // A unit value of a declaration officer B assessed: about B, though the flag names only the declaration.
  flags.unitB = await insertFlag({
    method: "UNIT_VALUE",
    subjectType: "declaration",
    subjectId: declId(B, 1),
    relatedId: "1",
    officeCode: OFFICE,
  });
  flags.late = await insertFlag({
    method: "UNIT_VALUE",
    subjectType: "declaration",
    subjectId: declId(A, 2),
    relatedId: "1",
    officeCode: OFFICE,
  });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const ids = { main: 0, aboutB: 0, national: 0, attachment: 0 };

describe("opening a case", () => {
  it("freezes each flag's evidence with its hash, moves the flags to IN_CASE and audits the case and each flag", async () => {
    ({ caseId: ids.main } = await openCase({ flagIds: [flags.pair, flags.unitValue] }, actors.analyst));
    const opened = await db.case.findUniqueOrThrow({ where: { id: ids.main } });
    expect(opened).toMatchObject({
      status: "OPEN",
      officeCode: OFFICE,
      openedById: actors.analyst.id,
      subjectOfficerIds: [A],
      assigneeId: null,
    });
    const evidence = await db.caseEvidence.findMany({ where: { caseId: ids.main }, orderBy: { flagId: "asc" } });
    expect(evidence.map((e) => [e.flagId, e.declarationCount, e.truncated])).toEqual([
      [flags.pair, 4, false],
      [flags.unitValue, 1, false],
    ]);
    const pair = evidence[0]!.snapshot as {
      declarations: { decl_id: string }[];
      goods: Record<string, { hsCode: string; originCountry: string; itemNo: number }>;
      flag: { relatedId: string; rule: unknown };
    };
    expect(pair.declarations.map((d) => d.decl_id)).toEqual(DECLS.map((d) => declId(A, d.n)));
    // The goods line: the item of highest customs value (A-1's item 1 at 900 against item 2 at 100)…
    expect(pair.goods[declId(A, 1)]).toEqual({ itemNo: 1, hsCode: "8703230000", originCountry: "JP" });
    expect(pair.flag).toMatchObject({
      relatedId: A,
      rule: { method: "BROKER_OFFICER_PAIR", params: { minPair: 3, ratio: 3, pValue: 0.001 } },
    });
    // …but the flagged item for a unit-value flag (A-1 item 2).
    const unit = evidence[1]!.snapshot as { goods: Record<string, unknown> };
    expect(unit.goods[declId(A, 1)]).toEqual({ itemNo: 2, hsCode: "6203420000", originCountry: "CN" });
    for (const e of evidence) expect(e.sha256).toBe(snapshotHash(e.snapshot));
    expect(pair.flag).toMatchObject({
      score: 28.152126199314576,
      stats: { p0: 0.0924444444444444, pValue: 1.2345678901234567e-7 },
    });

    const stored = await db.flag.findMany({ where: { id: { in: [flags.pair, flags.unitValue] } } });
    expect(stored.map((f) => [f.state, f.triagedById])).toEqual([
      ["IN_CASE", actors.analyst.id],
      ["IN_CASE", actors.analyst.id],
    ]);
    expect((await caseAudits(ids.main)).map((a) => a.action)).toEqual(["case.open"]);
    const flagAudits = await db.auditLog.findMany({
      where: { entityType: "flag", entityId: { in: [String(flags.pair), String(flags.unitValue)] } },
    });
    expect(flagAudits.map((a) => a.action)).toEqual(["flag.case", "flag.case"]);
  });

  it("keeps the snapshot and its hash exactly as they were after the declarations change", async () => {
    const before = await db.caseEvidence.findMany({ where: { caseId: ids.main }, orderBy: { flagId: "asc" } });
    await pool.query(
      `UPDATE declarations SET taxes_final = taxes_final * 10, lane_final = 'R' WHERE decl_id = ANY ($1::text[])`,
      [[declId(A, 1), declId(A, 2)]],
    );
    await pool.query(`UPDATE items SET hs_code = '0101210000' WHERE decl_id = $1`, [declId(A, 2)]);
    await pool.query(`UPDATE flags SET score = 99, stats = '{"changed": true}' WHERE id = $1`, [flags.pair]);
    const after = await db.caseEvidence.findMany({ where: { caseId: ids.main }, orderBy: { flagId: "asc" } });
    expect(after).toEqual(before);
    for (const e of after) expect(snapshotHash(e.snapshot)).toBe(e.sha256);
    const pair = after[0]!.snapshot as {
      declarations: { decl_id: string; taxes_final: string; lane_final: string }[];
      flag: { score: number };
    };
    expect(pair.declarations[0]).toMatchObject({ taxes_final: "100.00", lane_final: "G" });
    expect(pair.flag.score).toBe(28.152126199314576);
    // And the database itself refuses to rewrite it.
    await expect(pool.query(`UPDATE case_evidence SET sha256 = 'x' WHERE case_id = $1`, [ids.main])).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query(`DELETE FROM case_evidence WHERE case_id = $1`, [ids.main])).rejects.toThrow(/append-only/);
    // Put the data back for the feedback exports below.
    await pool.query(
      `UPDATE declarations SET taxes_final = taxes_final / 10, lane_final = 'G' WHERE decl_id = ANY ($1::text[])`,
      [[declId(A, 1), declId(A, 2)]],
    );
  });

  it("refuses a flag already in a case, flags of two offices, and a flag outside the analyst's office", async () => {
    await expectRefused(openCase({ flagIds: [flags.pair] }, actors.colleague), "CONFLICT", "flagAlreadyTriaged");
    await expectRefused(
      openCase({ flagIds: [flags.pairB, flags.other] }, actors.national),
      "CONFLICT",
      "flagsOfficeMismatch",
    );
    await expectRefused(openCase({ flagIds: [flags.other] }, actors.analyst), "NOT_FOUND");
    await expectRefused(openCase({ flagIds: [flags.benford] }, actors.analyst), "NOT_FOUND");
    // Nothing was left behind by the refusals.
    expect(await db.caseFlag.count({ where: { flagId: { in: [flags.pairB, flags.other, flags.benford] } } })).toBe(0);
    expect((await db.flag.findMany({ where: { id: { in: [flags.pairB, flags.other] } } })).map((f) => f.state)).toEqual(
      ["NEW", "NEW"],
    );
  });
});

// The days these tests act on (services take "today" so the SLA can be worked out by hand).
const TODAY = "2026-01-10";
const DUE = "2026-01-20";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n");

describe("the lifecycle of a case", () => {
  it("joins a further flag while the case is open, with its own frozen evidence", async () => {
    await openCase({ flagIds: [flags.spare], caseId: ids.main }, actors.analyst);
    const evidence = await db.caseEvidence.findMany({ where: { caseId: ids.main }, orderBy: { id: "asc" } });
    // The pair BR2 / A: its one April declaration BR2-1.
    expect(evidence.map((e) => [e.flagId, e.declarationCount])).toEqual([
      [flags.pair, 4],
      [flags.unitValue, 1],
      [flags.spare, 1],
    ]);
    expect((await caseAudits(ids.main)).map((a) => a.action)).toEqual(["case.open", "case.add-flags"]);
  });

  it("takes notes, refuses a finding, a closure or a reopening before the case is assigned", async () => {
    await addCaseNote(
      { caseId: ids.main, body: "Reviewed the four declarations with the broker's invoices." },
      actors.analyst,
    );
    await expectRefused(
      recordFinding(
        { caseId: ids.main, finding: "UNFOUNDED", summary: "Nothing found in the invoices." },
        actors.analyst,
      ),
      "CONFLICT",
      "wrongStatus",
    );
    await expectRefused(closeCase({ caseId: ids.main, note: "Closing" }, actors.national), "CONFLICT", "wrongStatus");
    await expectRefused(
      reopenCase({ caseId: ids.main, reason: "Reopening a case never closed" }, actors.national),
      "CONFLICT",
      "wrongStatus",
    );
    await expectRefused(
      addCaseAction({ caseId: ids.main, type: "TRAINING" }, actors.analyst),
      "CONFLICT",
      "wrongStatus",
    );
  });

  it("assigns to an integrity analyst who may see the case, with a due date not in the past", async () => {
    const options = await assigneeOptions(await db.case.findUniqueOrThrow({ where: { id: ids.main } }));
    const optionIds = options.map((o) => o.id);
    // The office's analysts, the national one and analyst B (the case is about A); not the other office, not a manager.
    for (const key of ["analyst", "colleague", "national", "analystB"] as const)
      expect(optionIds).toContain(actors[key].id);
    for (const key of ["otherAnalyst", "manager", "grantedManager", "admin", "officerA"] as const)
      expect(optionIds).not.toContain(actors[key].id);

    for (const key of ["otherAnalyst", "manager", "grantedManager", "officerA", "admin"] as const) {
      await expectRefused(
        assignCase({ caseId: ids.main, assigneeId: actors[key].id, dueDate: DUE }, actors.analyst, TODAY),
        "INVALID",
        "assigneeNotEligible",
      );
    }
    await expectRefused(
      assignCase({ caseId: ids.main, assigneeId: actors.colleague.id, dueDate: "2026-01-09" }, actors.analyst, TODAY),
      "INVALID",
      "dueDatePast",
    );
    await expect(
      assignCase({ caseId: ids.main, assigneeId: actors.colleague.id, dueDate: "2026-02-30" }, actors.analyst, TODAY),
    ).rejects.toBeInstanceOf(z.ZodError);
    await assignCase({ caseId: ids.main, assigneeId: actors.analystB.id, dueDate: DUE }, actors.analyst, TODAY);
    // Reassigned while no finding is recorded.
    await assignCase({ caseId: ids.main, assigneeId: actors.colleague.id, dueDate: DUE }, actors.analyst, TODAY);
    expect(await db.case.findUniqueOrThrow({ where: { id: ids.main } })).toMatchObject({
      status: "ASSIGNED",
      assigneeId: actors.colleague.id,
      dueDate: new Date(DUE),
      overdue: false,
    });
    const assigns = (await caseAudits(ids.main)).filter((a) => a.action === "case.assign").map((a) => a.data);
    expect(assigns).toEqual([
      {
        from: "OPEN",
        to: "ASSIGNED",
        assigneeId: actors.analystB.id,
        dueDate: DUE,
        previousAssigneeId: null,
        previousDueDate: null,
      },
      {
        from: "ASSIGNED",
        to: "ASSIGNED",
        assigneeId: actors.colleague.id,
        dueDate: DUE,
        previousAssigneeId: actors.analystB.id,
        previousDueDate: DUE,
      },
    ]);
  });

  it("stores attachments under DATA_DIR by a name of its own, typed by their bytes, and refuses the others", async () => {
    ({ id: ids.attachment } = await addCaseAttachment(
      { caseId: ids.main, fileName: "../Rapport d’audit.pdf", bytes: new Uint8Array(PDF) },
      actors.colleague,
    ));
    const stored = await db.caseAttachment.findUniqueOrThrow({ where: { id: ids.attachment } });
    expect(stored).toMatchObject({
      originalName: "Rapport d’audit.pdf",
      fileType: "pdf",
      contentType: "application/pdf",
      sizeBytes: PDF.length,
      sha256: createHash("sha256").update(PDF).digest("hex"),
    });
    const onDisk = path.join(path.resolve(env.DATA_DIR), "case-attachments", String(ids.main), stored.storedName);
    expect(await fs.readFile(onDisk)).toEqual(PDF);
    expect(stored.storedName).toMatch(/^[0-9a-f-]{36}$/);
    expect((await readCaseAttachment(ids.main, ids.attachment, actors.national)).bytes).toEqual(PDF);

    await expectRefused(
      addCaseAttachment(
        { caseId: ids.main, fileName: "invoice.pdf", bytes: new Uint8Array(Buffer.from("MZ\x90\x00binary")) },
        actors.colleague,
      ),
      "INVALID",
      "fileTypeNotAllowed",
    );
    await expectRefused(
      addCaseAttachment({ caseId: ids.main, fileName: "notes.txt", bytes: new Uint8Array(PDF) }, actors.colleague),
      "INVALID",
      "fileTypeMismatch",
    );
    await expectRefused(
      addCaseAttachment(
        { caseId: ids.main, fileName: "big.txt", bytes: new Uint8Array(env.CASE_ATTACHMENT_MAX_BYTES + 1).fill(65) },
        actors.colleague,
      ),
      "INVALID",
      "fileTooLarge",
    );
    expect(await fs.readdir(path.dirname(onDisk))).toEqual([stored.storedName]);
  });

  it("records a confirmed finding on declarations of the evidence only, with its offence code", async () => {
    await expectRefused(
      recordFinding(
        {
          caseId: ids.main,
          finding: "CONFIRMED",
          offenceCode: "UNDERVALUATION",
          summary: "Invoices show higher prices.",
          confirmedDeclIds: `${declId(A, 1)} ${declId(B, 1)}`,
        },
        actors.analyst,
      ),
      "INVALID",
      "declarationsOutsideEvidence",
    );
    await expect(
      recordFinding(
        { caseId: ids.main, finding: "CONFIRMED", summary: "Invoices show higher prices." },
        actors.analyst,
      ),
    ).rejects.toBeInstanceOf(z.ZodError);
    // Confirmed: and A-3 (not A-4, not BR2-1).
    await recordFinding(
      {
        caseId: ids.main,
        finding: "CONFIRMED",
        offenceCode: "UNDERVALUATION",
        summary: "Invoices show higher prices.",
        confirmedDeclIds: `${declId(A, 1)}, ${declId(A, 2)}, ${declId(A, 3)}`,
      },
      actors.analyst,
    );
    expect(await db.case.findUniqueOrThrow({ where: { id: ids.main } })).toMatchObject({
      status: "FINDING_RECORDED",
      finding: "CONFIRMED",
      offenceCode: "UNDERVALUATION",
      findingById: actors.analyst.id,
      confirmedDeclIds: [declId(A, 1), declId(A, 2), declId(A, 3)],
    });
    await expectRefused(
      openCase({ flagIds: [flags.late], caseId: ids.main }, actors.analyst),
      "CONFLICT",
      "wrongStatus",
    );
    await expectRefused(
      recordFinding({ caseId: ids.main, finding: "UNFOUNDED", summary: "Changed my mind entirely." }, actors.analyst),
      "CONFLICT",
      "wrongStatus",
    );
  });

  it("records actions with amounts where they belong, a tax adjustment naming a confirmed declaration only", async () => {
    await addCaseAction(
      { caseId: ids.main, type: "TAX_ADJUSTMENT", amount: "300", declId: declId(A, 3), note: "Post-clearance audit" },
      actors.analyst,
    );
    await addCaseAction({ caseId: ids.main, type: "TAX_ADJUSTMENT", amount: "100,01" }, actors.analyst);
    await addCaseAction({ caseId: ids.main, type: "FINE", amount: 500 }, actors.analyst);
    await addCaseAction(
      { caseId: ids.main, type: "DISCIPLINARY_REFERRAL", amount: "12", note: "Referred to the inspectorate" },
      actors.colleague,
    );
    await expectRefused(
      addCaseAction({ caseId: ids.main, type: "TAX_ADJUSTMENT", amount: 10, declId: declId(A, 4) }, actors.analyst),
      "INVALID",
      "declarationNotConfirmed",
    );
    for (const bad of [
      { type: "FINE" },
      { type: "FINE", amount: -5 },
      { type: "TAX_ADJUSTMENT", amount: "1.234" },
      { type: "BRIBE" },
    ]) {
      await expect(
        addCaseAction({ caseId: ids.main, ...bad } as Parameters<typeof addCaseAction>[0], actors.analyst),
      ).rejects.toBeInstanceOf(z.ZodError);
    }
    const actions = await db.caseAction.findMany({ where: { caseId: ids.main }, orderBy: { id: "asc" } });
    // The referral carries no amount, whatever was typed.
    expect(actions.map((a) => [a.type, a.amount?.toFixed(2) ?? null, a.declId])).toEqual([
      ["TAX_ADJUSTMENT", "300.00", declId(A, 3)],
      ["TAX_ADJUSTMENT", "100.01", null],
      ["FINE", "500.00", null],
      ["DISCIPLINARY_REFERRAL", null, null],
    ]);
  });

  it("is closed by a second person only: neither whoever recorded the finding nor the investigator", async () => {
    await expectRefused(
      closeCase({ caseId: ids.main, note: "Closing my own finding" }, actors.analyst),
      "FORBIDDEN",
      "fourEyesFinding",
    );
    await expectRefused(
      closeCase({ caseId: ids.main, note: "Closing my own investigation" }, actors.colleague),
      "FORBIDDEN",
      "fourEyesAssignee",
    );
    // The database holds the same rule whatever writes the row.
    await expect(
      pool.query(`UPDATE cases SET status = 'CLOSED', closed_by_id = finding_by_id, closed_at = now() WHERE id = $1`, [
        ids.main,
      ]),
    ).rejects.toThrow(/cases_four_eyes_check/);
    await closeCase({ caseId: ids.main, note: "Finding reviewed against the invoices." }, actors.national);
    expect(await db.case.findUniqueOrThrow({ where: { id: ids.main } })).toMatchObject({
      status: "CLOSED",
      closedById: actors.national.id,
      closingNote: "Finding reviewed against the invoices.",
    });
    await expectRefused(
      addCaseNote({ caseId: ids.main, body: "A note after closure" }, actors.analyst),
      "CONFLICT",
      "wrongStatus",
    );
    await expectRefused(
      addCaseAttachment({ caseId: ids.main, fileName: "late.pdf", bytes: new Uint8Array(PDF) }, actors.analyst),
      "CONFLICT",
      "wrongStatus",
    );
  });

  it("has one audit row per step, who and what, in an append-only log, and the page's timeline shows them", async () => {
    const audits = await caseAudits(ids.main);
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["case.open", actors.analyst.id],
      ["case.add-flags", actors.analyst.id],
      ["case.note", actors.analyst.id],
      ["case.assign", actors.analyst.id],
      ["case.assign", actors.analyst.id],
      ["case.attach", actors.colleague.id],
      ["case.finding", actors.analyst.id],
      ["case.action", actors.analyst.id],
      ["case.action", actors.analyst.id],
      ["case.action", actors.analyst.id],
      ["case.action", actors.colleague.id],
      ["case.close", actors.national.id],
    ]);
    expect(audits.find((a) => a.action === "case.finding")!.data).toMatchObject({
      from: "ASSIGNED",
      to: "FINDING_RECORDED",
      finding: "CONFIRMED",
      offenceCode: "UNDERVALUATION",
    });
    expect(audits.find((a) => a.action === "case.close")!.data).toMatchObject({
      from: "FINDING_RECORDED",
      to: "CLOSED",
      findingById: actors.analyst.id,
      assigneeId: actors.colleague.id,
    });
    await expect(
      pool.query(`DELETE FROM audit_log WHERE entity_type = 'case' AND entity_id = $1`, [String(ids.main)]),
    ).rejects.toThrow(/append-only/);

    const detail = await getCaseDetail(ids.main, actors.analyst);
    expect(detail.timeline.map((e) => [e.action, e.actorName])).toEqual(
      audits.map((a) => [a.action, `Test ${Object.entries(actors).find(([, v]) => v.id === a.actorId)![0]}`]),
    );
    expect(detail.flags.map((f) => [f.flagId, f.intact])).toEqual([
      [flags.pair, true],
      [flags.unitValue, true],
      [flags.spare, true],
    ]);
    expect(detail.operations).toEqual(["reopen"]);
    expect(detail.confirmedDeclIds).toEqual([declId(A, 1), declId(A, 2), declId(A, 3)]);
    // The canonical JSON served for download hashes to the hash shown.
    const { json, sha256 } = await canonicalEvidence(ids.main, flags.pair, actors.analyst);
    expect(createHash("sha256").update(json).digest("hex")).toBe(sha256);
  });
});

describe("feedback exports", () => {
  // Case main, confirmed, A-3 (evidence also holds A-4 and BR2-1, labelled 0). Revenue: 300.00 named on A-3;
  // 100.01 shared by the three = 33.33 each and 2 cents left, one each to. The fine is not revenue.
  //   A-1 33.34, A-2 33.34, A-3 300.00 + 33.33 = 333.33
  // Goods lines as frozen when the case was opened (A-2's item was recoded since, the export keeps 8703230000).
  const expectedLabels = () =>
    [
      "decl_id,illicit,revenue,offence_code",
      `${declId(A, 1)},1,33.34,UNDERVALUATION`,
      `${declId(A, 2)},1,33.34,UNDERVALUATION`,
      `${declId(A, 3)},1,333.33,UNDERVALUATION`,
      `${declId(A, 4)},0,0,`,
      `${declId(BR2, 1)},0,0,`,
    ].join("\r\n") + "\r\n";
  const expectedOffences = (date: string) =>
    [
      "date,office,hs_code,origin,offence_type,amount",
      `${date},${OFFICE},8703230000,JP,UNDERVALUATION,33.34`,
      `${date},${OFFICE},8703230000,JP,UNDERVALUATION,33.34`,
      `${date},${OFFICE},6203420000,CN,UNDERVALUATION,333.33`,
    ].join("\r\n") + "\r\n";

  it("exports the confirmed, closed case as labelled declarations and offence records, hand-checked", async () => {
    const findingDate = (await db.case.findUniqueOrThrow({ where: { id: ids.main } }))
      .findingAt!.toISOString()
      .slice(0, 10);
    session.userId = actors.analyst.id;
    const labels = await (await routes.labels()).GET(new Request(url("/api/cases/feedback/labels.csv")), params({}));
    expect(labels.status).toBe(200);
    expect(labels.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await labels.text()).toBe(expectedLabels());
    const offences = await (
      await routes.offences()
    ).GET(new Request(url("/api/cases/feedback/offences.csv")), params({}));
    expect(await offences.text()).toBe(expectedOffences(findingDate));
    // A national analyst sees these five too (other test files may leave confirmed cases of their own offices).
    const mine = new Set([declId(A, 1), declId(A, 2), declId(A, 3), declId(A, 4), declId(BR2, 1)]);
    expect((await labelsTable(actors.national)).rows.filter((r) => mine.has(String(r[0])))).toHaveLength(5);
    // Another office's analyst: the header only.
    expect((await labelsTable(actors.otherAnalyst)).rows).toEqual([]);
    expect((await offencesTable(actors.otherAnalyst)).rows).toEqual([]);
  });

  it("leaves a reopened case out until it is closed again, and keeps the previous finding in the audit log", async () => {
    await reopenCase({ caseId: ids.main, reason: "The broker produced new invoices for A-2." }, actors.national, TODAY);
    const reopened = await db.case.findUniqueOrThrow({ where: { id: ids.main } });
    expect(reopened).toMatchObject({
      status: "ASSIGNED",
      reopenedCount: 1,
      finding: null,
      offenceCode: null,
      confirmedDeclIds: [],
      closedById: null,
      assigneeId: actors.colleague.id,
    });
    const audit = (await caseAudits(ids.main)).at(-1)!;
    expect(audit).toMatchObject({ action: "case.reopen", actorId: actors.national.id });
    expect(audit.data).toMatchObject({
      from: "CLOSED",
      to: "ASSIGNED",
      reopenedCount: 1,
      previous: { finding: "CONFIRMED", offenceCode: "UNDERVALUATION", closedById: actors.national.id },
    });
    expect((await labelsTable(actors.analyst)).rows).toEqual([]);

    // The same finding again, closed by the administrator this time: exported as before.
    await recordFinding(
      {
        caseId: ids.main,
        finding: "CONFIRMED",
        offenceCode: "UNDERVALUATION",
        summary: "Invoices checked again.",
        confirmedDeclIds: [declId(A, 1), declId(A, 2), declId(A, 3)],
      },
      actors.analyst,
    );
    await closeCase({ caseId: ids.main, note: "Reviewed again." }, actors.admin);
    session.userId = actors.analyst.id;
    const labels = await (await routes.labels()).GET(new Request(url("/api/cases/feedback/labels.csv")), params({}));
    expect(await labels.text()).toBe(expectedLabels());
  });

  it("exports nothing for an unfounded finding, which takes no action", async () => {
    const { caseId } = await openCase({ flagIds: [flags.late] }, actors.colleague);
    await assignCase({ caseId, assigneeId: actors.colleague.id, dueDate: DUE }, actors.colleague, TODAY);
    await recordFinding(
      { caseId, finding: "UNFOUNDED", summary: "The unit value is that of a sample." },
      actors.colleague,
    );
    await expectRefused(addCaseAction({ caseId, type: "TRAINING" }, actors.analyst), "CONFLICT", "noActionUnfounded");
    await closeCase({ caseId, note: "Agreed." }, actors.analyst);
    // Still the five labels of the main case only.
    expect((await labelsTable(actors.analyst)).rows).toHaveLength(5);
  });
});

describe("SLA", () => {
  it("marks cases past their due date overdue and writes one digest per day, however often it runs", async () => {
    ({ caseId: ids.aboutB } = await openCase({ flagIds: [flags.pairB] }, actors.analyst));
    await assignCase({ caseId: ids.aboutB, assigneeId: actors.colleague.id, dueDate: DUE }, actors.analyst, TODAY);
    await db.integrityDigest.deleteMany({});
    // The due day itself is on time.
    const onDueDay = await checkCaseSla(new Date(`${DUE}T23:00:00Z`));
    expect(onDueDay.markedOverdue).not.toContain(ids.aboutB);
    await db.integrityDigest.deleteMany({});

    const first = await checkCaseSla(new Date("2026-01-21T06:05:00Z"));
    expect(first).toMatchObject({ today: "2026-01-21", digest: "written" });
    expect(first.markedOverdue).toContain(ids.aboutB);
    // The reopened and closed-again main case has the same due date but is closed: never overdue.
    expect(first.markedOverdue).not.toContain(ids.main);
    const second = await checkCaseSla(new Date("2026-01-21T18:05:00Z"));
    expect(second).toMatchObject({ today: "2026-01-21", markedOverdue: [], cleared: [], digest: "already-written" });
    // Through the job definition, as the worker runs it.
    await runJob({ name: JOB_NAMES.integritySlaCheck, data: {} }, async () => {});

    const digests = await db.integrityDigest.findMany({ where: { digestDate: new Date("2026-01-21") } });
    expect(digests).toHaveLength(1);
    expect(digests[0]!.overdueCaseIds).toContain(ids.aboutB);
    expect(digests[0]!.counts).toMatchObject({
      newlyOverdue: first.markedOverdue.length,
      overdue: digests[0]!.overdueCaseIds.length,
    });
    expect(
      await db.auditLog.count({ where: { entityType: "case", entityId: String(ids.aboutB), action: "case.overdue" } }),
    ).toBe(1);
    expect(await db.case.findUniqueOrThrow({ where: { id: ids.aboutB } })).toMatchObject({ overdue: true });

    const next = await checkCaseSla(new Date("2026-01-22T00:05:00Z"));
    expect(next).toMatchObject({ digest: "written", markedOverdue: [] });
    expect(
      await db.integrityDigest.count({
        where: { digestDate: { in: [new Date("2026-01-21"), new Date("2026-01-22")] } },
      }),
    ).toBe(2);
  });

  it("lists overdue cases and the latest digest to those who may see them, and a new due date puts a case back on time", async () => {
    expect((await listOverdueCases(actors.analyst)).rows.map((r) => r.id)).toContain(ids.aboutB);
    expect((await latestDigest(actors.analyst))!.overdueCaseIds).toContain(ids.aboutB);
    // Analyst B is the subject of that case: it does not exist for them.
    expect((await listOverdueCases(actors.analystB)).rows.map((r) => r.id)).not.toContain(ids.aboutB);
    expect((await latestDigest(actors.analystB))!.overdueCaseIds).not.toContain(ids.aboutB);
    expect((await listOverdueCases(actors.otherAnalyst)).total).toBe(0);
    const filtered = await listCases(actors.analyst, CaseListFilters.parse({ overdue: "1" }));
    expect(filtered.rows.map((r) => r.id)).toEqual([ids.aboutB]);
    expect((await listCases(actors.analyst, CaseListFilters.parse({ status: "CLOSED" }))).rows).toHaveLength(2);
    expect(
      (await listCases(actors.colleague, CaseListFilters.parse({ assignee: "me" }))).rows.map((r) => r.id),
    ).toContain(ids.aboutB);

    await assignCase(
      { caseId: ids.aboutB, assigneeId: actors.colleague.id, dueDate: "2026-02-15" },
      actors.analyst,
      "2026-01-22",
    );
    expect(await db.case.findUniqueOrThrow({ where: { id: ids.aboutB } })).toMatchObject({ overdue: false });
  });
});

describe("who sees cases", () => {
  it("shows a granted manager the cases of their office, and no manager without the grant", async () => {
    expect((await getCaseDetail(ids.main, actors.grantedManager)).case.id).toBe(ids.main);
    expect((await listCases(actors.grantedManager, CaseListFilters.parse({}))).rows.map((r) => r.id)).toContain(
      ids.main,
    );
    await expectRefused(getCaseDetail(ids.main, actors.manager), "NOT_FOUND");
    session.userId = actors.manager.id;
    expect(
      (await (await routes.labels()).GET(new Request(url("/api/cases/feedback/labels.csv")), params({}))).status,
    ).toBe(404);
  });

  it("keeps a case of flags spanning offices for national analysts and administrators", async () => {
    ({ caseId: ids.national } = await openCase({ flagIds: [flags.benford] }, actors.national));
    expect(await db.case.findUniqueOrThrow({ where: { id: ids.national } })).toMatchObject({
      officeCode: null,
      subjectOfficerIds: [],
    });
    await expectRefused(getCaseDetail(ids.national, actors.analyst), "NOT_FOUND", "notFound");
    // Which case a flag is in, within the same scope.
    expect(Object.fromEntries(await casesOfFlags([flags.benford, flags.pair, flags.selfB], actors.national))).toEqual({
      [flags.benford]: ids.national,
      [flags.pair]: ids.main,
    });
    expect(Object.fromEntries(await casesOfFlags([flags.benford, flags.pair], actors.analyst))).toEqual({
      [flags.pair]: ids.main,
    });
    expect(Object.fromEntries(await casesOfFlags([flags.pair], actors.otherAnalyst))).toEqual({});
    expect((await getCaseDetail(ids.national, actors.admin)).flags[0]!.declarationCount).toBe(1);
    // Its investigator must be national too.
    await expectRefused(
      assignCase({ caseId: ids.national, assigneeId: actors.analyst.id, dueDate: DUE }, actors.national, TODAY),
      "INVALID",
      "assigneeNotEligible",
    );
  });

  it("never lets an analyst open, see or act on a case about themselves", async () => {
    // A flag naming them is not even visible to them (flag-evidence.ts); one on a declaration they assessed is,
    // but no case about them can come of it.
    await expectRefused(openCase({ flagIds: [flags.selfB] }, actors.analystB), "NOT_FOUND");
    await expectRefused(openCase({ flagIds: [flags.unitB] }, actors.analystB), "FORBIDDEN", "ownCase");
    expect((await db.flag.findMany({ where: { id: { in: [flags.selfB, flags.unitB] } } })).map((f) => f.state)).toEqual(
      ["NEW", "NEW"],
    );
    await expectRefused(getCaseDetail(ids.aboutB, actors.analystB), "NOT_FOUND");
    await expectRefused(
      addCaseNote({ caseId: ids.aboutB, body: "My side of the story" }, actors.analystB),
      "NOT_FOUND",
    );
    await expectRefused(
      assignCase(
        { caseId: ids.aboutB, assigneeId: actors.analystB.id, dueDate: "2026-02-15" },
        actors.analyst,
        "2026-01-22",
      ),
      "INVALID",
      "assigneeNotEligible",
    );
  });

  it("refuses an officer — even the one flagged — and a manager in every service, as if nothing existed", async () => {
    for (const key of ["officerA", "manager"] as const) {
      const actor = actors[key];
      const attempts: (() => Promise<unknown>)[] = [
        () => openCase({ flagIds: [flags.selfB] }, actor),
        () => openCase({ flagIds: [flags.spare], caseId: ids.main }, actor),
        () => assignCase({ caseId: ids.main, assigneeId: actors.colleague.id, dueDate: DUE }, actor, TODAY),
        () => addCaseNote({ caseId: ids.main, body: "Looking at my case" }, actor),
        () => addCaseAttachment({ caseId: ids.main, fileName: "mine.pdf", bytes: new Uint8Array(PDF) }, actor),
        () => readCaseAttachment(ids.main, ids.attachment, actor),
        () => canonicalEvidence(ids.main, flags.pair, actor),
        () =>
          recordFinding({ caseId: ids.aboutB, finding: "UNFOUNDED", summary: "Nothing to see here at all." }, actor),
        () => addCaseAction({ caseId: ids.main, type: "TRAINING" }, actor),
        () => closeCase({ caseId: ids.main, note: "Closing" }, actor),
        () => reopenCase({ caseId: ids.main, reason: "Reopening my own case" }, actor),
        () => getCaseDetail(ids.main, actor),
        () => listCases(actor, CaseListFilters.parse({})),
        () => listOverdueCases(actor),
        () => latestDigest(actor),
        () => labelsTable(actor),
        () => offencesTable(actor),
        () => casesOfFlags([flags.pair], actor),
      ];
      for (const attempt of attempts) await expectRefused(attempt(), "NOT_FOUND");
    }
    expect(await db.case.findUniqueOrThrow({ where: { id: ids.main } })).toMatchObject({
      status: "CLOSED",
      reopenedCount: 1,
    });
  });

  it("answers an officer's direct requests to every route with 403, and other offices' analysts with 404", async () => {
    const m = {
      cases: await routes.cases(),
      labels: await routes.labels(),
      offences: await routes.offences(),
      attachments: await routes.attachments(),
      attachment: await routes.attachment(),
      evidence: await routes.evidence(),
    };
    const requests = () => [
      m.cases.GET(new Request(url("/api/cases")), params({})),
      m.cases.POST(
        new Request(url("/api/cases"), { method: "POST", body: JSON.stringify({ flagIds: [flags.selfB] }) }),
        params({}),
      ),
      m.labels.GET(new Request(url("/api/cases/feedback/labels.csv")), params({})),
      m.offences.GET(new Request(url("/api/cases/feedback/offences.csv")), params({})),
      m.attachments.POST(
        new Request(url(`/api/cases/${ids.main}/attachments`), {
          method: "POST",
          body: PDF,
          headers: { "x-file-name": "a.pdf" },
        }),
        params({ id: String(ids.main) }),
      ),
      m.attachment.GET(
        new Request(url(`/api/cases/${ids.main}/attachments/${ids.attachment}`)),
        params({ id: String(ids.main), attachmentId: String(ids.attachment) }),
      ),
      m.evidence.GET(
        new Request(url(`/api/cases/${ids.main}/evidence/${flags.pair}`)),
        params({ id: String(ids.main), flagId: String(flags.pair) }),
      ),
    ];
    session.userId = actors.officerA.id;
    expect((await Promise.all(requests())).map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    session.userId = null;
    expect((await Promise.all(requests())).map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    session.userId = actors.otherAnalyst.id;
    const other = await Promise.all(requests());
    // Lists and exports answer empty; anything about the case is not found; the flag is not theirs to open.
    expect(other.map((r) => r.status)).toEqual([200, 404, 200, 200, 404, 404, 404]);
    expect((await other[0]!.json()) as unknown).toMatchObject({ cases: [], total: 0 });
    expect(await other[2]!.text()).toBe("decl_id,illicit,revenue,offence_code\r\n");
    session.userId = actors.analystB.id;
    const aboutThemselves = await m.attachment.GET(
      new Request(url("/")),
      params({ id: String(ids.aboutB), attachmentId: "1" }),
    );
    expect(aboutThemselves.status).toBe(404);
  });

  it("serves an attachment to whoever may see the case, as a download that is never sniffed", async () => {
    session.userId = actors.analyst.id;
    const m = await routes.attachment();
    const response = await m.GET(
      new Request(url("/")),
      params({ id: String(ids.main), attachmentId: String(ids.attachment) }),
    );
    expect(response.status).toBe(200);
    expect(
      Object.fromEntries(
        ["content-type", "content-disposition", "x-content-type-options", "cache-control"].map((h) => [
          h,
          response.headers.get(h),
        ]),
      ),
    ).toEqual({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Rapport d_audit.pdf"; filename*=UTF-8''Rapport%20d%E2%80%99audit.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
    // An attachment id of another case is not found through this case.
    expect(
      (await m.GET(new Request(url("/")), params({ id: String(ids.aboutB), attachmentId: String(ids.attachment) })))
        .status,
    ).toBe(404);
    const upload = await (
      await routes.attachments()
    ).POST(
      new Request(url("/"), {
        method: "POST",
        body: "decl_id,amount\nA-1,10\n",
        headers: { "x-file-name": encodeURIComponent("relevé.csv") },
      }),
      params({ id: String(ids.aboutB) }),
    );
    expect(upload.status).toBe(201);
    expect(await db.caseAttachment.findFirstOrThrow({ where: { caseId: ids.aboutB } })).toMatchObject({
      originalName: "relevé.csv",
      fileType: "csv",
    });
  });
});
