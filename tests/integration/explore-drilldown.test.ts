// Explore drill-down on the canonical-small fixture, March 2025 ([2025-03-01, 2025-03-31], as_of 2025-04-01).
// Expected rows worked out by hand from tests/fixtures/canonical-small/declarations.csv (accepted rows only):
//   OF001 (CMDLA1): D001 reg 03-03 08:15, asmt 03-03 10:00 (same day, 1.75 h); D002 reg 03-03 09:00, asmt 03-04 09:30
//     (next day, 24.5 h) → P1 = 1/2, P4 over {1.75, 24.5}.
//   OF002 (CMDLA1): D003 reg 03-03 11:00, asmt 03-10 11:00 (not same day).
//   CMDLA1 = unit "CMDLA1/Assessment A" = {D001, D002, D003} → P1 = 1/3.
//   CMDLA5: D004 (OF003, registered 03-31 23:59:59, never assessed), D006 (OF004, same day); D005 is cancelled and
//   registered 04-01 (outside).
// Scope: a manager of CMDLA5 sees nothing of CMDLA1; officer OF001 sees only OF001.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { kpiDrilldown } from "@/lib/explore/kpi-drilldown";
import { getDeclarationOrThrow } from "@/lib/explore/get-declaration";
import ExcelJS from "exceljs";
import { drilldownCsvStream, drilldownXlsxStream } from "@/lib/explore/export-drilldown";
import { KpiDrilldownInput } from "@/lib/explore/schema";
import { AppError } from "@/lib/kernel/app-error";
import { clearClearanceData } from "@/tests/support/clearance-db";

const FIXTURE = path.resolve("tests/fixtures/canonical-small");
const MARCH = { from: "2025-03-01", to: "2025-03-31" };

const ADMIN = { role: "ADMIN" as const, officeCode: null, officerId: null };
const MANAGER_ALL = { role: "MANAGER" as const, officeCode: null, officerId: null };
const MANAGER_CMDLA5 = { role: "MANAGER" as const, officeCode: "CMDLA5", officerId: null };
const ANALYST_CMDLA1 = { role: "INTEGRITY" as const, officeCode: "CMDLA1", officerId: null };
const OFFICER_OF001 = { role: "OFFICER" as const, officeCode: null, officerId: "OF001" };
const OFFICER_UNLINKED = { role: "OFFICER" as const, officeCode: null, officerId: null };

const input = (over: Partial<Record<string, string>>) =>
  KpiDrilldownInput.parse({ kpi: "P1", type: "officer", id: "OF001", ...MARCH, ...over });

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("explore: KPI drill-down", () => {
  beforeAll(async () => {
    await clearClearanceData();
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE });
    await runImportBatch(batchId);
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("lists the rows behind P1 for OF001: two declarations, one same-day", async () => {
    const d = await kpiDrilldown(MANAGER_ALL, input({}));
    expect(d.rows.map((r) => [r.decl_id, r.in_numerator])).toEqual([
      ["D001", true],
      ["D002", false],
    ]);
    expect(d.total).toBe(2);
    expect(d.numerator).toBe(1);
    expect(d.value).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    const numeratorOnly = await kpiDrilldown(MANAGER_ALL, input({ only: "numerator" }));
    expect(numeratorOnly.rows.map((r) => r.decl_id)).toEqual(["D001"]);
  });

  it("adds up for every subject and every KPI: total = denominator, rows in the numerator = numerator", async () => {
    for (const [type, id] of [
      ["officer", "OF001"],
      ["office", "CMDLA1"],
      ["unit", "CMDLA1/Assessment A"],
      ["office", "CMDLA5"],
    ] as const) {
      const values = await computeKpis({ ...MARCH, subject: type, subjectIds: [id] });
      for (const v of values) {
        const d = await kpiDrilldown(ADMIN, input({ kpi: v.kpiId, type, id }), 500);
        expect(d.total, `${v.kpiId} ${id}`).toBe(v.denominator);
        if (d.filterable) {
          expect(d.rows.filter((r) => r.in_numerator).length, `${v.kpiId} ${id}`).toBe(v.numerator);
          expect(d.numerator).toBe(v.numerator);
        }
      }
    }
    const office = await kpiDrilldown(ADMIN, input({ type: "office", id: "CMDLA1" }));
    expect(office.rows.map((r) => r.decl_id)).toEqual(["D001", "D002", "D003"]);
    expect(office.value).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it("gives each row of a percentile its measure (P4: 1.75 h and 24.5 h)", async () => {
    const d = await kpiDrilldown(ADMIN, input({ kpi: "P4" }));
    expect(d.filterable).toBe(false);
    expect(d.rows.map((r) => [r.decl_id, r.measure])).toEqual([
      ["D001", 1.75],
      ["D002", 24.5],
    ]);
  });

  it("sorts by measure either way and searches by declaration id, on the server", async () => {
    const byMeasure = async (sort: string) =>
      (await kpiDrilldown(MANAGER_ALL, input({ kpi: "P4", sort }))).rows.map((r) => [r.decl_id, r.measure]);
    expect(await byMeasure("measure_desc")).toEqual([
      ["D002", 24.5],
      ["D001", 1.75],
    ]);
    expect(await byMeasure("measure_asc")).toEqual([
      ["D001", 1.75],
      ["D002", 24.5],
    ]);
    // CMDLA1 in March: D001, D002, D003; "D00" matches all three, "D003" one, with n and numerator of the match.
    const search = await kpiDrilldown(MANAGER_ALL, input({ type: "office", id: "CMDLA1", q: "D003" }));
    expect(search.rows.map((r) => r.decl_id)).toEqual(["D003"]);
    expect([search.total, search.numerator]).toEqual([1, 0]);
    expect(
      (await kpiDrilldown(MANAGER_ALL, input({ type: "office", id: "CMDLA1", q: "D00", sort: "decl" }))).rows.map(
        (r) => r.decl_id,
      ),
    ).toEqual(["D001", "D002", "D003"]);
    // Not a prefix pattern: "%" matches nothing.
    expect((await kpiDrilldown(MANAGER_ALL, input({ type: "office", id: "CMDLA1", q: "%" }))).total).toBe(0);
  });

  it("paginates on the server", async () => {
    const page2 = await kpiDrilldown(ADMIN, input({ type: "office", id: "CMDLA1", page: "2" }), 2);
    expect(page2.rows.map((r) => r.decl_id)).toEqual(["D003"]);
    expect(page2.total).toBe(3);
    expect(page2.pageCount).toBe(2);
  });

  it("refuses subjects outside the user's scope", async () => {
    // Office-scoped manager: not another office, its officers or units.
    expect(await refusal(kpiDrilldown(MANAGER_CMDLA5, input({})))).toBe("FORBIDDEN");
    expect(await refusal(kpiDrilldown(MANAGER_CMDLA5, input({ type: "office", id: "CMDLA1" })))).toBe("FORBIDDEN");
    expect(await refusal(kpiDrilldown(MANAGER_CMDLA5, input({ type: "unit", id: "CMDLA1/Assessment A" })))).toBe(
      "FORBIDDEN",
    );
    expect(await refusal(kpiDrilldown(MANAGER_CMDLA5, input({ id: "OF003" })))).toBeUndefined();
    expect(await refusal(kpiDrilldown(MANAGER_CMDLA5, input({ type: "unit", id: "CMDLA5/Vehicles" })))).toBeUndefined();
    expect(await refusal(kpiDrilldown(ANALYST_CMDLA1, input({ id: "OF002" })))).toBeUndefined();
    expect(await refusal(kpiDrilldown(ANALYST_CMDLA1, input({ id: "OF003" })))).toBe("FORBIDDEN");
    // Unknown officer: not in the manager's office either.
    expect(await refusal(kpiDrilldown(MANAGER_CMDLA5, input({ id: "OF999" })))).toBe("FORBIDDEN");
    // An officer: only themselves, never a colleague, their unit or their office.
    expect(await refusal(kpiDrilldown(OFFICER_OF001, input({})))).toBeUndefined();
    expect(await refusal(kpiDrilldown(OFFICER_OF001, input({ id: "OF002" })))).toBe("FORBIDDEN");
    expect(await refusal(kpiDrilldown(OFFICER_OF001, input({ type: "office", id: "CMDLA1" })))).toBe("FORBIDDEN");
    expect(await refusal(kpiDrilldown(OFFICER_OF001, input({ type: "unit", id: "CMDLA1/Assessment A" })))).toBe(
      "FORBIDDEN",
    );
    expect(await refusal(kpiDrilldown(OFFICER_UNLINKED, input({})))).toBe("FORBIDDEN");
    // Exports run the same check before the first byte.
    expect(await refusal(drilldownCsvStream(OFFICER_OF001, input({ id: "OF002" })))).toBe("FORBIDDEN");
  });

  it("exports the whole drill-down as CSV, not just one page", async () => {
    const stream = await drilldownCsvStream(ADMIN, input({ type: "office", id: "CMDLA1" }));
    const text = await new Response(stream).text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]!.split(",")).toContain("decl_id");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["D001", "D002", "D003"]);
  });

  it("exports the numerator rows as an Excel sheet with amounts as numbers", async () => {
    const stream = await drilldownXlsxStream(ADMIN, input({ type: "office", id: "CMDLA1", only: "numerator" }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await new Response(stream).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("P1")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("decl_id");
    const declIds = sheet.getColumn(header.indexOf("decl_id") + 1).values.slice(2);
    expect(declIds).toEqual(["D001"]);
    expect(sheet.getRow(2).getCell(header.indexOf("taxes_final") + 1).value).toBe(300000);
    expect(await refusal(drilldownXlsxStream(OFFICER_OF001, input({ type: "office", id: "CMDLA1" })))).toBe(
      "FORBIDDEN",
    );
  });

  it("shows a declaration only within the user's scope (404 otherwise)", async () => {
    const record = await getDeclarationOrThrow(OFFICER_OF001, "D001");
    expect(record.declaration).toMatchObject({ decl_id: "D001", office_code: "CMDLA1", assessing_officer_id: "OF001" });
    expect(record.items.map((i) => i.item_no)).toEqual([1, 2]);
    expect(record.events.map((e) => e.action)).toEqual(["register", "assess", "pay", "release"]);
    expect((await getDeclarationOrThrow(ANALYST_CMDLA1, "D003")).inspections).toHaveLength(1);
    expect(await refusal(getDeclarationOrThrow(OFFICER_OF001, "D003"))).toBe("NOT_FOUND");
    expect(await refusal(getDeclarationOrThrow(MANAGER_CMDLA5, "D001"))).toBe("NOT_FOUND");
    expect(await refusal(getDeclarationOrThrow(OFFICER_UNLINKED, "D001"))).toBe("NOT_FOUND");
    expect(await refusal(getDeclarationOrThrow(ADMIN, "NOPE"))).toBe("NOT_FOUND");
  });
});
