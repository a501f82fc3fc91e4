// The declarations behind each kind of flag, on the hand-made data of tests/support/integrity-fixture.ts (May 2025).
// Expected rows, worked out by hand from the table in that file:
//   RATE_OUTLIER I1 (X1): population live and lane_initial ∈ {Y, R} = A1 (Y→G), A2 (R→R), A3 (Y→Y), B2 (R→R);
//     A4 is cancelled, A7 is in June. Numerator (lane_final < lane_initial): A1 only.
//   RATE_OUTLIER I9 (X1): lane_final = R: A2 (0.5 h) and B2 (10 min), both under 1 h → A2, B2 (B2 is of office OB:
//     an officer's set follows the officer, not the office).
//   RATE_OUTLIER I8 (X1): X1's events in May: A1 assess Mon 10:00 (in hours), A1 amend Sat 05-10 (off), A2 release
//     Tue 20:00 (off) → the numerator in time order: A2 release (05-06), A1 amend (05-10).
//   VALUE_OUTLIER P4 (X1, lower is better → longest first): A3 48 h, A5 3 h, A1 1 h, A2 0.5 h, B2 1/6 h.
//   VALUE_OUTLIER P8 (X1, higher is better → smallest taxes first): A3 0, B2 80, A5 100, A1 250, A2 500.
//   BROKER_OFFICER_PAIR BR1 × X1 in OA: A1, A2, A3 (A4 cancelled, A5 is BR2, A7 June, B2 is of OB).
//   BENFORD BR1: live, value_initial > 0, any office: A1 1500 (1), A2 2500 (2), A6 0.45 (4), B1 7000 (7),
//     B2 800 (8); A3 has value 0, A4 is cancelled, A7 is in June.
//   UNIT_VALUE A1 item 1: 620342 CN, 1000 / 100 kg = 10.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { AppError } from "@/lib/kernel/app-error";
import {
  allFlagEvidenceDeclarations,
  flagEvidence,
  flagVisibilityWhere,
  getFlagForViewerOrThrow,
} from "@/lib/integrity/flag-evidence";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { EVIDENCE_FLAGS, insertFlags, insertIntegrityClearanceData, VIEWERS } from "@/tests/support/integrity-fixture";

const NAMES = Object.keys(EVIDENCE_FLAGS) as (keyof typeof EVIDENCE_FLAGS)[];
let id: Record<keyof typeof EVIDENCE_FLAGS, number>;

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.decl_id);

describe("flag evidence", () => {
  beforeAll(async () => {
    await clearClearanceData();
    await insertIntegrityClearanceData();
    const inserted = await insertFlags(NAMES.map((n) => EVIDENCE_FLAGS[n]));
    id = Object.fromEntries(NAMES.map((n, i) => [n, inserted[i]!])) as typeof id;
  });
  afterAll(async () => {
    await clearClearanceData();
    await db.$disconnect();
  });

  it("RATE_OUTLIER: the officer's rows counted in the KPI's numerator, with the declaration columns", async () => {
    const i1 = await flagEvidence(id.rateI1, VIEWERS.analystOA);
    expect(ids(i1.declarations)).toEqual(["A1"]);
    expect(i1.total).toBe(1);
    expect(i1.declarations[0]).toMatchObject({
      decl_id: "A1",
      office_code: "OA",
      assessing_officer_id: "X1",
      broker_id: "BR1",
      reg_ts: "2025-05-05 09:00:00",
      asmt_ts: "2025-05-05 10:00:00",
      lane_initial: "Y",
      lane_final: "G",
      status: "assessed",
      value_initial: "1500.00",
      taxes_initial: "300.00",
      taxes_final: "250.00",
      in_numerator: true,
    });
    expect(ids((await flagEvidence(id.rateI9, VIEWERS.analystOA)).declarations)).toEqual(["A2", "B2"]);
    const i8 = await flagEvidence(id.rateI8, VIEWERS.analystOA);
    expect(i8.declarations.map((r) => [r.decl_id, r.action, r.ts, r.broker_id])).toEqual([
      ["A2", "release", "2025-05-06 20:00:00", "BR1"],
      ["A1", "amend", "2025-05-10 11:00:00", "BR1"],
    ]);
  });

  it("VALUE_OUTLIER: every row of the officer's set, worst measure first", async () => {
    const p4 = await flagEvidence(id.valueP4, VIEWERS.analystOA);
    expect(p4.declarations.map((r) => [r.decl_id, r.measure])).toEqual([
      ["A3", 48],
      ["A5", 3],
      ["A1", 1],
      ["A2", 0.5],
      ["B2", 1 / 6],
    ]);
    expect(p4.total).toBe(5);
    const p8 = await flagEvidence(id.valueP8, VIEWERS.analystOA);
    expect(p8.declarations.map((r) => [r.decl_id, r.measure])).toEqual([
      ["A3", 0],
      ["B2", 80],
      ["A5", 100],
      ["A1", 250],
      ["A2", 500],
    ]);
    expect(p8.declarations.every((r) => "broker_id" in r && "lane_initial" in r)).toBe(true);
  });

  it("BROKER_OFFICER_PAIR: the office's declarations of the period with that broker and officer", async () => {
    const pair = await flagEvidence(id.pair, VIEWERS.analystOA);
    expect(ids(pair.declarations)).toEqual(["A1", "A2", "A3"]);
    expect(pair.total).toBe(3);
  });

  it("BENFORD: the broker's declarations with a positive value, with their first digit", async () => {
    const benford = await flagEvidence(id.benford, VIEWERS.nationalAnalyst);
    expect(benford.declarations.map((r) => [r.decl_id, r.first_digit])).toEqual([
      ["A1", 1],
      ["A2", 2],
      ["A6", 4],
      ["B1", 7],
      ["B2", 8],
    ]);
  });

  it("UNIT_VALUE: the flagged item with its declaration and unit value", async () => {
    const uv = await flagEvidence(id.unitValue, VIEWERS.analystOA);
    expect(uv.total).toBe(1);
    expect(uv.declarations[0]).toMatchObject({
      decl_id: "A1",
      item_no: 1,
      hs6: "620342",
      origin_country: "CN",
      cif_value: "1000.00",
      net_kg: "100.000",
      unit_value: 10,
      office_code: "OA",
      broker_id: "BR1",
    });
  });

  it("pages on the server and reads every row for exports, up to a cap", async () => {
    const page2 = await flagEvidence(id.valueP4, VIEWERS.analystOA, { page: 2, pageSize: 2 });
    expect(ids(page2.declarations)).toEqual(["A1", "A2"]);
    expect(page2.total).toBe(5);
    expect(ids(await allFlagEvidenceDeclarations(id.benford, VIEWERS.admin))).toEqual(["A1", "A2", "A6", "B1", "B2"]);
    expect(ids(await allFlagEvidenceDeclarations(id.benford, VIEWERS.admin, 2))).toEqual(["A1", "A2"]);
  });

  it("shows flags by scope: office analysts their office, national analysts and admins all, nobody else any", async () => {
    const visible = async (viewer: Parameters<typeof flagVisibilityWhere>[0]) =>
      (await db.flag.findMany({ where: flagVisibilityWhere(viewer), orderBy: { id: "asc" } })).map((f) => f.id);
    const all = NAMES.map((n) => id[n]);
    expect(await visible(VIEWERS.admin)).toEqual(all);
    expect(await visible(VIEWERS.nationalAnalyst)).toEqual(all);
    expect(await visible(VIEWERS.analystOA)).toEqual(
      NAMES.filter((n) => n !== "benford" && n !== "rateOB").map((n) => id[n]),
    );
    expect(await visible(VIEWERS.analystOB)).toEqual([id.rateOB]);
    // An analyst who is officer X1 never sees a flag naming X1 (subject, or officer of a pair).
    expect(await visible(VIEWERS.analystX1)).toEqual([id.unitValue]);
    expect(await visible({ ...VIEWERS.analystX1, officeCode: null })).toEqual([id.benford, id.unitValue, id.rateOB]);
    for (const viewer of [VIEWERS.nationalManager, VIEWERS.managerOA, VIEWERS.officerX1, VIEWERS.officerUnlinked]) {
      expect(await visible(viewer)).toEqual([]);
    }
    // Outside the scope a flag does not exist, for the flag and for its evidence.
    expect(await code(getFlagForViewerOrThrow(id.rateOB, VIEWERS.analystOA))).toBe("NOT_FOUND");
    expect(await code(flagEvidence(id.benford, VIEWERS.analystOA))).toBe("NOT_FOUND");
    expect(await code(flagEvidence(id.rateI1, VIEWERS.analystOB))).toBe("NOT_FOUND");
    expect(await code(flagEvidence(id.rateI1, VIEWERS.officerX1))).toBe("NOT_FOUND");
    expect(await code(allFlagEvidenceDeclarations(id.rateI1, VIEWERS.officerX1))).toBe("NOT_FOUND");
    expect(await code(flagEvidence(id.rateI1, VIEWERS.managerOA))).toBe("NOT_FOUND");
    expect(await code(getFlagForViewerOrThrow(999_999, VIEWERS.admin))).toBe("NOT_FOUND");
    expect((await pool.query("SELECT count(*)::int AS n FROM flags")).rows[0].n).toBe(NAMES.length);
  });
});
