// Officers never see flags or cases, not even those about themselves: every integrity service called
// directly with an officer — X1, whom the flags of tests/support/integrity-fixture.ts name — and with an officer
// account linked to no officer is refused (NOT_FOUND for a flag, whose existence must not leak; FORBIDDEN for lists,
// charts and settings), and changes nothing. Managers are refused the same way until a grant says otherwise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { AppError } from "@/lib/kernel/app-error";
import {
  allFlagEvidenceDeclarations,
  flagEvidence,
  flagVisibilityWhere,
  getFlagForViewerOrThrow,
} from "@/lib/integrity/flag-evidence";
import { flagInbox, flagPeriods, inboxExportTable } from "@/lib/integrity/list-flags";
import { flagSummary } from "@/lib/integrity/flag-summary";
import { dismissFlags } from "@/lib/integrity/triage-flags";
import { funnelData, funnelPeriods } from "@/lib/integrity/funnel-data";
import { pairHeatmap } from "@/lib/integrity/pair-heatmap";
import { benfordBrokers, benfordChart } from "@/lib/integrity/benford-chart";
import { unitValueBoxes } from "@/lib/integrity/unit-value-boxes";
import { integrityOffices } from "@/lib/integrity/integrity-scope";
import { evidenceExportResponse, inboxExportResponse } from "@/lib/integrity/flag-exports";
import { updateDetectionParams } from "@/lib/integrity/detection-settings";
import { FlagInboxFilters } from "@/lib/integrity/schema";
import { openCase } from "@/lib/cases/open-case";
import { clearClearanceData } from "@/tests/support/clearance-db";
import {
  EVIDENCE_FLAGS,
  insertFlags,
  insertIntegrityClearanceData,
  MAY,
  VIEWERS,
} from "@/tests/support/integrity-fixture";

const NAMES = Object.keys(EVIDENCE_FLAGS) as (keyof typeof EVIDENCE_FLAGS)[];
let ids: number[] = [];
type Actor = { id: string; role: "OFFICER" | "MANAGER"; officeCode: string | null; officerId: string | null };
const actors: Record<"officerX1" | "officerUnlinked" | "managerOA" | "nationalManager", Actor> = {} as never;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ALLOWED";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    if (error instanceof z.ZodError) return "INVALID";
    throw error;
  }
}

const snapshot = async () => (await pool.query("SELECT id, state, dismiss_reason FROM flags ORDER BY id")).rows;

describe("integrity access: officers (and managers without a grant) never see flags", () => {
  beforeAll(async () => {
    await clearClearanceData();
    await db.user.deleteMany({ where: { email: { endsWith: "@access.test" } } });
    await pool.query("DELETE FROM detection_settings");
    await insertIntegrityClearanceData();
    ids = await insertFlags(NAMES.map((n) => EVIDENCE_FLAGS[n]));
    await pool.query(`INSERT INTO kpi_results (subject_type, subject_id, period_from, period_to, kpi_id, value, numerator, denominator)
      VALUES ('office', 'OA', '2025-05-01', '2025-05-31', 'I1', 0.2, 20, 100), ('officer', 'X1', '2025-05-01', '2025-05-31', 'I1', 0.5, 20, 40)`);
    for (const [key, viewer] of Object.entries({
      officerX1: VIEWERS.officerX1,
      officerUnlinked: VIEWERS.officerUnlinked,
      managerOA: VIEWERS.managerOA,
      nationalManager: VIEWERS.nationalManager,
    })) {
      const user = await db.user.create({
        data: {
          email: `${key.toLowerCase()}@access.test`,
          name: key,
          role: viewer.role,
          officeCode: viewer.officeCode,
          officerId: viewer.officerId,
          passwordHash: "x",
        },
      });
      actors[key as keyof typeof actors] = { id: user.id, ...viewer };
    }
  });
  afterAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM detection_settings");
    await db.user.deleteMany({ where: { email: { endsWith: "@access.test" } } });
    await db.$disconnect();
  });

  for (const who of ["officerX1", "officerUnlinked", "managerOA", "nationalManager"] as const) {
    it(`refuses ${who} every flag, list, chart, export and setting`, async () => {
      const viewer = actors[who];
      const before = await snapshot();
      expect(await db.flag.count({ where: flagVisibilityWhere(viewer) })).toBe(0);
      for (const id of ids) {
        expect(await refusal(getFlagForViewerOrThrow(id, viewer)), `flag ${id}`).toBe("NOT_FOUND");
        expect(await refusal(flagEvidence(id, viewer)), `evidence ${id}`).toBe("NOT_FOUND");
        expect(await refusal(allFlagEvidenceDeclarations(id, viewer)), `all evidence ${id}`).toBe("NOT_FOUND");
        expect(await refusal(evidenceExportResponse(viewer, String(id), "csv")), `evidence csv ${id}`).toBe(
          "NOT_FOUND",
        );
      }
      expect(await refusal(dismissFlags({ flagIds: ids, reason: "not allowed" }, viewer))).toBe("NOT_FOUND");
      expect(await refusal(openCase({ flagIds: ids.slice(0, 1) }, viewer))).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
      const filters = FlagInboxFilters.parse({ state: "all", active: "all" });
      expect(await refusal(flagInbox(viewer, filters))).toBe("FORBIDDEN");
      expect(await refusal(flagPeriods(viewer))).toBe("FORBIDDEN");
      expect(await refusal(flagSummary(viewer))).toBe("FORBIDDEN");
      expect(await refusal(inboxExportTable(viewer, filters))).toBe("FORBIDDEN");
      expect(await refusal(inboxExportResponse(viewer, new URLSearchParams(), "xlsx"))).toBe("FORBIDDEN");
      expect(await refusal(integrityOffices(viewer))).toBe("FORBIDDEN");
      expect(await refusal(funnelPeriods(viewer, "I1"))).toBe("FORBIDDEN");
      expect(await refusal(funnelData(viewer, { kpiId: "I1", officeCode: "OA", ...MAY }))).toBe("FORBIDDEN");
      expect(await refusal(pairHeatmap(viewer, { officeCode: "OA", ...MAY }))).toBe("FORBIDDEN");
      expect(await refusal(benfordChart(viewer, { brokerId: "BR1", ...MAY }))).toBe("FORBIDDEN");
      expect(await refusal(benfordBrokers(viewer, MAY))).toBe("FORBIDDEN");
      expect(await refusal(unitValueBoxes(viewer, { ...MAY, minGroup: 2 }))).toBe("FORBIDDEN");
      expect(await refusal(updateDetectionParams({}, viewer))).toBe("FORBIDDEN");
      expect(await snapshot()).toEqual(before);
      expect(await db.detectionSettings.count()).toBe(0);
      expect(await db.auditLog.count({ where: { actorId: viewer.id } })).toBe(0);
    });
  }

  it("shows a manager granted the integrity area their office's flags only, and the same refusals otherwise", async () => {
    const granted = { ...VIEWERS.managerOA, integrityAccess: true };
    const visible = await db.flag.findMany({
      where: { AND: [flagVisibilityWhere(granted)] },
      select: { officeCode: true },
    });
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible.map((f) => f.officeCode))).toEqual(new Set([VIEWERS.managerOA.officeCode]));
    expect((await inboxExportTable(granted, FlagInboxFilters.parse({}))).rows.length).toBe(visible.length);
    // The grant belongs to managers: an officer holding it still sees nothing.
    expect(await refusal(flagInbox({ ...VIEWERS.officerX1, integrityAccess: true }, FlagInboxFilters.parse({})))).toBe(
      "FORBIDDEN",
    );
  });

  it("lets an office analyst read the detection parameters' screen but not change them", async () => {
    const analyst = await db.user.create({
      data: {
        email: "analyst@access.test",
        name: "Analyst OA",
        role: "INTEGRITY",
        officeCode: "OA",
        passwordHash: "x",
      },
    });
    expect(await refusal(updateDetectionParams({}, { ...VIEWERS.analystOA, id: analyst.id }))).toBe("FORBIDDEN");
    const national = await db.user.create({
      data: { email: "national@access.test", name: "National analyst", role: "INTEGRITY", passwordHash: "x" },
    });
    expect(
      await refusal(
        updateDetectionParams({ unitValue: { minGroup: 25, m: 3.5 } }, { ...VIEWERS.nationalAnalyst, id: national.id }),
      ),
    ).toBe("ALLOWED");
    expect((await db.detectionSettings.findUniqueOrThrow({ where: { id: 1 } })).updatedById).toBe(national.id);
    expect(await db.auditLog.count({ where: { actorId: national.id, action: "detection.settings-changed" } })).toBe(1);
  });
});
