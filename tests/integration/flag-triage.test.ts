// Dismissing flags from the inbox (lib/integrity/triage-flags.ts) on the hand-made flags of
// tests/support/integrity-fixture.ts: a reason is required, each flag changed gets its audit row in the same
// transaction, only flags in the analyst's scope, a second run changes nothing, a flag in a case stays there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { AppError } from "@/lib/kernel/app-error";
import { dismissFlags } from "@/lib/integrity/triage-flags";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { EVIDENCE_FLAGS, insertFlags, insertIntegrityClearanceData, VIEWERS } from "@/tests/support/integrity-fixture";

const NAMES = Object.keys(EVIDENCE_FLAGS) as (keyof typeof EVIDENCE_FLAGS)[];
let id: Record<keyof typeof EVIDENCE_FLAGS, number>;
let analystOA: typeof VIEWERS.analystOA & { id: string };
let officer: typeof VIEWERS.officerX1 & { id: string };

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    if (error instanceof z.ZodError) return `INVALID:${error.issues.map((i) => i.message).join(",")}`;
    throw error;
  }
}

const states = async () =>
  Object.fromEntries(
    (await pool.query<{ id: number; state: string }>("SELECT id, state FROM flags ORDER BY id")).rows.map((r) => [
      r.id,
      r.state,
    ]),
  );
const audits = async (flagId: number) =>
  (
    await pool.query(
      `SELECT action, actor_id, data FROM audit_log WHERE entity_type = 'flag' AND entity_id = $1 ORDER BY id`,
      [String(flagId)],
    )
  ).rows;

describe("flag triage: dismiss", () => {
  beforeAll(async () => {
    await clearClearanceData();
    await db.user.deleteMany({ where: { email: { endsWith: "@triage.test" } } });
    await insertIntegrityClearanceData();
    const inserted = await insertFlags(NAMES.map((n) => EVIDENCE_FLAGS[n]));
    id = Object.fromEntries(NAMES.map((n, i) => [n, inserted[i]!])) as typeof id;
    const a = await db.user.create({
      data: {
        email: "analyst@triage.test",
        name: "Analyst OA",
        role: "INTEGRITY",
        officeCode: "OA",
        passwordHash: "x",
      },
    });
    const o = await db.user.create({
      data: { email: "officer@triage.test", name: "Officer X1", role: "OFFICER", officerId: "X1", passwordHash: "x" },
    });
    analystOA = { ...VIEWERS.analystOA, id: a.id };
    officer = { ...VIEWERS.officerX1, id: o.id };
  });
  afterAll(async () => {
    await clearClearanceData();
    await db.user.deleteMany({ where: { email: { endsWith: "@triage.test" } } });
    await db.$disconnect();
  });

  it("requires a reason of a few characters", async () => {
    expect(await refusal(dismissFlags({ flagIds: [id.rateI1], reason: "" }, analystOA))).toBe("INVALID:reasonRequired");
    expect(await refusal(dismissFlags({ flagIds: [id.rateI1], reason: "   " }, analystOA))).toBe(
      "INVALID:reasonRequired",
    );
    expect(await refusal(dismissFlags({ flagIds: [id.rateI1] } as never, analystOA))).toBe("INVALID:reasonRequired");
    expect(await refusal(dismissFlags({ flagIds: [], reason: "seasonal peak" }, analystOA))).toBe("INVALID:noFlags");
    expect((await states())[id.rateI1]).toBe("NEW");
  });

  it("dismisses NEW flags with the reason and one audit row each", async () => {
    const result = await dismissFlags(
      { flagIds: `${id.pair},${id.rateI1}`, reason: "  Checked: seasonal peak of one importer  " },
      analystOA,
    );
    expect(result).toEqual({ dismissed: [id.rateI1, id.pair].sort((a, b) => a - b), alreadyDismissed: [] });
    const flag = await db.flag.findUniqueOrThrow({ where: { id: id.rateI1 } });
    expect(flag).toMatchObject({
      state: "DISMISSED",
      dismissReason: "Checked: seasonal peak of one importer",
      triagedById: analystOA.id,
    });
    expect(flag.triagedAt).toBeInstanceOf(Date);
    const rows = await audits(id.rateI1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "flag.dismissed",
      actor_id: analystOA.id,
      data: {
        from: "NEW",
        to: "DISMISSED",
        reason: "Checked: seasonal peak of one importer",
        method: "RATE_OUTLIER",
        kpiId: "I1",
        subjectId: "X1",
        periodFrom: "2025-05-01",
        periodTo: "2025-05-31",
      },
    });
    expect(await audits(id.pair)).toHaveLength(1);
  });

  it("is idempotent: dismissing again changes nothing and audits nothing", async () => {
    const again = await dismissFlags({ flagIds: [id.rateI1, id.valueP4], reason: "second pass" }, analystOA);
    expect(again).toEqual({ dismissed: [id.valueP4], alreadyDismissed: [id.rateI1] });
    expect((await db.flag.findUniqueOrThrow({ where: { id: id.rateI1 } })).dismissReason).toBe(
      "Checked: seasonal peak of one importer",
    );
    expect(await audits(id.rateI1)).toHaveLength(1);
  });

  it("refuses the whole batch when one flag is outside the analyst's scope, and officers always", async () => {
    const before = await states();
    expect(await refusal(dismissFlags({ flagIds: [id.valueP8, id.rateOB], reason: "not mine" }, analystOA))).toBe(
      "NOT_FOUND",
    );
    expect(await refusal(dismissFlags({ flagIds: [id.benford], reason: "national flag" }, analystOA))).toBe(
      "NOT_FOUND",
    );
    expect(await refusal(dismissFlags({ flagIds: [id.valueP8], reason: "about me" }, officer))).toBe("NOT_FOUND");
    expect(await refusal(dismissFlags({ flagIds: [999_999], reason: "nothing" }, analystOA))).toBe("NOT_FOUND");
    expect(await states()).toEqual(before);
    expect(await audits(id.valueP8)).toHaveLength(0);
  });

  it("leaves a flag in a case alone (CONFLICT) and changes nothing else of the batch", async () => {
    await pool.query(`UPDATE flags SET state = 'IN_CASE' WHERE id = $1`, [id.rateI9]);
    expect(await refusal(dismissFlags({ flagIds: [id.rateI9, id.valueP8], reason: "in a case" }, analystOA))).toBe(
      "CONFLICT",
    );
    const after = await states();
    expect([after[id.rateI9], after[id.valueP8]]).toEqual(["IN_CASE", "NEW"]);
  });
});
