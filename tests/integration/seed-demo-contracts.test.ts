// Demo contracts on the canonical-small fixture. Worked out by hand from tests/fixtures/canonical-small/officers.csv
// (OF099's office is unknown, so that row is rejected) and lib/users/seed-demo-users.ts:
//   officer@pmc.local → OF001 and officer2@pmc.local → OF002, both of CMDLA1 (unit "Assessment A"): the demo office.
//   The other offices with officers: only CMDLA5 (OF003, OF004); BADWK1 has none.
//   → 4 officer contracts + the unit CMDLA1/Assessment A + the office CMDLA1 = 6 contracts, all signed by the demo
//     manager; OF001's and OF002's acknowledged by their own accounts, ACTIVE at once (2025 has started); the four
//     others have no account that may acknowledge them and stay SIGNED.
//   Audit rows: 6 contract.create + 6 contract.sign + 2 contract.acknowledge + 2 contract.activate = 16.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { seedDemoUsers, type DemoUser } from "@/lib/users/seed-demo-users";
import { seedDemoContracts } from "@/lib/contracts/seed-demo-contracts";
import { CONTRACT_TEMPLATES } from "@/lib/contracts/templates";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import { proposeTerms } from "@/lib/contracts/calibration";

const FIXTURE = path.resolve("tests/fixtures/canonical-small");

const contractAudit = () => db.auditLog.findMany({ where: { entityType: "contract" }, orderBy: { id: "asc" } });

describe("demo contracts", () => {
  let users: DemoUser[] = [];

  beforeAll(async () => {
    await clearClearanceData();
    await runImportBatch(await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE }));
    users = await seedDemoUsers();
  });
  afterAll(async () => {
    await db.$disconnect();
    await pool.end();
  });

  it("contracts every officer of the demo office and of CMDLA5, the demo unit and the demo office, over the second half of 2025, calibrated from the months before", async () => {
    const auditBefore = (await contractAudit()).length;
    const outcome = await seedDemoContracts(users);
    expect(outcome).toMatchObject({
      offices: ["CMDLA1", "CMDLA5"],
      contracts: 6,
      created: 6,
      signed: 6,
      acknowledged: 2,
      activated: 0,
      skipped: [],
    });
    expect(outcome.byStatus).toEqual({ ACTIVE: 2, SIGNED: 4 });

    const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@pmc.local" } });
    const contracts = await db.contract.findMany({
      include: { indicators: { orderBy: { position: "asc" } } },
      orderBy: { id: "asc" },
    });
    const party = (c: (typeof contracts)[number]) =>
      c.partyOfficerId ?? (c.partyUnit ? `${c.officeCode}/${c.partyUnit}` : c.officeCode);
    expect(contracts.map((c) => [c.partyType, party(c), c.status])).toEqual([
      ["OFFICER", "OF001", "ACTIVE"],
      ["OFFICER", "OF002", "ACTIVE"],
      ["OFFICER", "OF003", "SIGNED"],
      ["OFFICER", "OF004", "SIGNED"],
      ["UNIT", "CMDLA1/Assessment A", "SIGNED"],
      ["OFFICE", "CMDLA1", "SIGNED"],
    ]);
    const cameroon = CONTRACT_TEMPLATES.find((t) => t.key === "cameroon-2010")!;
    for (const c of contracts) {
      expect(c).toMatchObject({
        version: 1,
        templateKey: "cameroon-2010",
        principalId: manager.id,
        createdById: manager.id,
      });
      expect([c.periodFrom.toISOString().slice(0, 10), c.periodTo.toISOString().slice(0, 10)]).toEqual([
        "2025-07-01",
        "2025-12-31",
      ]);
      expect(c.signedAt).not.toBeNull();
      expect(c.indicators.map((i) => [i.kpiId, i.weight])).toEqual(cameroon.indicators.map((i) => [i.kpiId, i.weight]));
    }
    // Calibrated on the six months before 2025-07-01 that have data: the fixture ends on 2025-04-01, so October
    // 2024 – March 2025. An officer's terms are set against the officers of their office, by the rule of
    // calibration.ts on their values (computed here by the KPI engine); a KPI nobody has a value for keeps the
    // template's numbers.
    const reference = await computeKpis({ from: "2024-10-01", to: "2025-03-31", subject: "officer" });
    const officeOf = new Map((await db.officer.findMany()).map((o) => [o.officerId, o.officeCode]));
    for (const c of contracts.filter((c) => c.partyType === "OFFICER")) {
      for (const i of c.indicators) {
        const values = reference
          .filter((r) => r.kpiId === i.kpiId && r.value !== null && officeOf.get(r.subjectId) === c.officeCode)
          .map((r) => r.value!)
          .sort((a, b) => a - b);
        const template = cameroon.indicators.find((t) => t.kpiId === i.kpiId)!;
        const at = (p: number) => {
          const h = p * (values.length - 1);
          const lo = Math.floor(h);
          return values[lo]! + (h - lo) * ((values[Math.ceil(h)] ?? values[lo]!) - values[lo]!);
        };
        const def = kpiDefinition(i.kpiId as KpiId);
        const want = values.length
          ? proposeTerms(def.direction as "higher" | "lower", def.unit, {
              p10: at(0.1),
              p25: at(0.25),
              p50: at(0.5),
              p75: at(0.75),
              p90: at(0.9),
            })
          : template;
        expect([i.threshold, i.target], `${c.partyOfficerId} ${i.kpiId}`).toEqual([want.threshold, want.target]);
      }
    }
    // Acknowledged by the officer's own account, not by anyone else.
    const officerAccounts = await db.user.findMany({ where: { officerId: { in: ["OF001", "OF002"] } } });
    for (const c of contracts.filter((c) => c.status === "ACTIVE")) {
      expect(c.acknowledgedById).toBe(officerAccounts.find((u) => u.officerId === c.partyOfficerId)!.id);
    }

    const audit = (await contractAudit()).slice(auditBefore);
    const count = (action: string) => audit.filter((a) => a.action === action).length;
    expect(audit).toHaveLength(16);
    expect([
      count("contract.create"),
      count("contract.sign"),
      count("contract.acknowledge"),
      count("contract.activate"),
    ]).toEqual([6, 6, 2, 2]);
    expect(audit.filter((a) => a.action === "contract.sign").every((a) => a.actorId === manager.id)).toBe(true);
  });

  it("adds nothing when run again, not even an audit row", async () => {
    const before = {
      contracts: await db.contract.findMany({ orderBy: { id: "asc" } }),
      audit: (await contractAudit()).length,
    };
    const outcome = await seedDemoContracts(users);
    expect(outcome).toMatchObject({ contracts: 6, created: 0, signed: 0, acknowledged: 0, activated: 0, skipped: [] });
    expect(outcome.byStatus).toEqual({ ACTIVE: 2, SIGNED: 4 });
    expect(await db.contract.findMany({ orderBy: { id: "asc" } })).toEqual(before.contracts);
    expect((await contractAudit()).length).toBe(before.audit);
  });

  it("still adds nothing after the demo users are seeded again (as every `npm run demo` does)", async () => {
    const audit = (await contractAudit()).length;
    const outcome = await seedDemoContracts(await seedDemoUsers());
    expect(outcome).toMatchObject({ contracts: 6, created: 0, signed: 0, acknowledged: 0 });
    expect((await contractAudit()).length).toBe(audit);
  });
});
