// The data of the integrity charts on the hand-made set of tests/support/integrity-fixture.ts (May 2025), with
// every expected value worked out by hand:
//   Funnel (stored results inserted below): office OA I1 p0 = 0.2 over 100; X1 0.5 over 40 (σ = sqrt(0.16/40) =
//     0.0632, 3σ upper 0.3897 → beyond, the worse side), X2 0.1 over 50 (σ = 0.0566, 2σ lower 0.0869 → inside).
//   Heatmap OA: B = A1, A2, A3 (X1, BR1), A5 (X1, BR2), A6 (X2, BR1); N = 5, n(BR1) = 4, n(BR2) = 1, n(X1) = 4,
//     n(X2) = 1. BR1×X1: 3 / (4·4/5 = 3.2) = 0.9375; BR1×X2: 1 / 0.8 = 1.25; BR2×X1: 1 / 0.8 = 1.25; BR2×X2: 0 / 0.2.
//   Benford BR1: A1 1500, A2 2500, A6 0.45, B1 7000, B2 800 → digits 1, 2, 4, 7, 8 (one each); span 7000 / 0.45.
//     Analyst of OA: A1, A2, A6 only.
//   Unit values 851712 JP: unit values 1, 2, 4, 8, 1024 → ln/ln 2 = 0, 1, 2, 3, 10 → q1 1, median 2, q3 3, fences
//     −1 and 5 (× ln 2) → whiskers 0 and 3, one outlier; A4 (cancelled) left out. 620342 CN: ln 10 and ln 40.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { AppError } from "@/lib/kernel/app-error";
import { funnelData, funnelPeriods } from "@/lib/integrity/funnel-data";
import { pairHeatmap } from "@/lib/integrity/pair-heatmap";
import { benfordBrokers, benfordChart } from "@/lib/integrity/benford-chart";
import { unitValueBoxes } from "@/lib/integrity/unit-value-boxes";
import { flagSummary } from "@/lib/integrity/flag-summary";
import { flagInbox, flagPeriods, inboxExportTable } from "@/lib/integrity/list-flags";
import { FlagInboxFilters } from "@/lib/integrity/schema";
import { clearClearanceData } from "@/tests/support/clearance-db";
import {
  EVIDENCE_FLAGS,
  insertFlags,
  insertIntegrityClearanceData,
  MAY,
  VIEWERS,
} from "@/tests/support/integrity-fixture";

const NAMES = Object.keys(EVIDENCE_FLAGS) as (keyof typeof EVIDENCE_FLAGS)[];
let id: Record<keyof typeof EVIDENCE_FLAGS | "quarterFlag", number>;
const LN2 = Math.log(2);

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("integrity chart data", () => {
  beforeAll(async () => {
    await clearClearanceData();
    await insertIntegrityClearanceData();
    const inserted = await insertFlags([
      ...NAMES.map((n) => EVIDENCE_FLAGS[n]),
      {
        method: "RATE_OUTLIER",
        kpiId: "I7",
        subjectType: "officer",
        subjectId: "X2",
        officeCode: "OA",
        score: 9,
        n: 60,
        period: { from: "2025-04-01", to: "2025-06-30" },
        active: false,
      },
    ]);
    id = Object.fromEntries([...NAMES, "quarterFlag"].map((n, i) => [n, inserted[i]!])) as typeof id;
    await pool.query(`INSERT INTO kpi_results (subject_type, subject_id, period_from, period_to, kpi_id, value, numerator, denominator) VALUES
      ('office', 'OA', '2025-05-01', '2025-05-31', 'I1', 0.2, 20, 100),
      ('officer', 'X1', '2025-05-01', '2025-05-31', 'I1', 0.5, 20, 40),
      ('officer', 'X2', '2025-05-01', '2025-05-31', 'I1', 0.1, 5, 50),
      ('officer', 'Y1', '2025-05-01', '2025-05-31', 'I1', 0.9, 9, 10),
      ('office', 'OA', '2025-04-01', '2025-06-30', 'I1', 0.2, 60, 300)`);
  });
  afterAll(async () => {
    await clearClearanceData();
    await db.$disconnect();
  });

  it("funnel: officers of the office against n, the office rate, the limits and the flagged officer", async () => {
    const f = await funnelData(VIEWERS.analystOA, { kpiId: "I1", officeCode: "OA", ...MAY });
    expect(f.p0).toBe(0.2);
    expect(f.officeN).toBe(100);
    // Overdispersion of the two officers around p0 = 0.2: z = 0.3/√(0.16/40) = 4.7434 and −0.1/√(0.16/50) = −1.7678;
    // winsorised at the 10th/90th percentiles of two values: −1.7678 + 0.1 × 6.5112 = −1.1166 and
    // −1.7678 + 0.9 × 6.5112 = 4.0923; φ = (4.0923² + 1.1166²) / 2 = 8.9969; w = 250 and 312.5:
    // τ² = (2φ − 1) / (562.5 − (250² + 312.5²)/562.5) = 16.9938 / 277.78 = 0.061178. X1 is beyond the binomial 3σ
    // (0.2 + 3 × 0.0632 = 0.39) but within the overdispersed 2σ (0.2 + 2√(0.004 + 0.061178) = 0.71).
    expect(f.overdispersion!.phi).toBeCloseTo(8.996904, 5);
    expect(f.overdispersion!.tau2).toBeCloseTo(0.0611777, 6);
    expect(f.officers).toEqual([
      {
        officerId: "X1",
        fullName: "Xavier One",
        p: 0.5,
        n: 40,
        numerator: 20,
        band: "alarm",
        overdispersedBand: "inside",
        flagId: id.rateI1,
      },
      {
        officerId: "X2",
        fullName: "Xena Two",
        p: 0.1,
        n: 50,
        numerator: 5,
        band: "inside",
        overdispersedBand: "inside",
        flagId: null,
      },
    ]);
    expect(f.curve[0]!.upper2od).toBeCloseTo(0.2 + 2 * Math.sqrt(0.16 / 32 + 0.0611777), 6);
    // Curves from 0.8 × 40 = 32 to 1.1 × 50 = 55.
    expect(f.curve[0]!.n).toBe(32);
    expect(f.curve.at(-1)!.n).toBe(55);
    expect(f.curve[0]!.upper3).toBeCloseTo(0.2 + 3 * Math.sqrt(0.16 / 32), 12);
    expect(await funnelPeriods(VIEWERS.analystOA, "I1")).toEqual([{ from: "2025-04-01", to: "2025-06-30" }, MAY]);
    // No stored office result: no p0, no curves.
    expect((await funnelData(VIEWERS.analystOA, { kpiId: "I2", officeCode: "OA", ...MAY })).curve).toEqual([]);
  });

  it("heatmap: observed/expected per broker × officer cell, busiest first, the flagged pair marked", async () => {
    const h = await pairHeatmap(VIEWERS.analystOA, { officeCode: "OA", ...MAY });
    expect(h.N).toBe(5);
    expect(h.brokers).toEqual([
      { brokerId: "BR1", n: 4 },
      { brokerId: "BR2", n: 1 },
    ]);
    expect(h.officers).toEqual([
      { officerId: "X1", fullName: "Xavier One", n: 4 },
      { officerId: "X2", fullName: "Xena Two", n: 1 },
    ]);
    const cells = h.cells.map((c) => [c.brokerId, c.officerId, c.nBo, c.expected, c.ratio, c.flagId]);
    expect(cells).toEqual([
      ["BR1", "X1", 3, 3.2, 0.9375, id.pair],
      ["BR1", "X2", 1, 0.8, 1.25, null],
      ["BR2", "X1", 1, 0.8, 1.25, null],
      ["BR2", "X2", 0, 0.2, 0, null],
    ]);
    const top1 = await pairHeatmap(VIEWERS.analystOA, { officeCode: "OA", ...MAY, top: 1 });
    expect(top1.cells.map((c) => `${c.brokerId}×${c.officerId}`)).toEqual(["BR1×X1"]);
  });

  it("Benford: first-digit counts and shares of a broker, over the viewer's offices", async () => {
    const national = await benfordChart(VIEWERS.nationalAnalyst, { brokerId: "BR1", ...MAY });
    expect(national.digits.map((d) => d.count)).toEqual([1, 1, 0, 1, 0, 0, 1, 1, 0]);
    expect(national.total).toBe(5);
    const expectedMad =
      [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce(
        (s, d) => s + Math.abs(([1, 2, 4, 7, 8].includes(d) ? 0.2 : 0) - Math.log10(1 + 1 / d)),
        0,
      ) / 9;
    expect(national.mad).toBeCloseTo(expectedMad, 12);
    expect(national.band).toBe("nonconformity");
    expect(national.ordersOfMagnitude).toBeCloseTo(Math.log10(7000 / 0.45), 12);
    expect(national.flagIds).toEqual([id.benford]);
    const office = await benfordChart(VIEWERS.analystOA, { brokerId: "BR1", ...MAY });
    expect(office.digits.map((d) => d.count)).toEqual([1, 1, 0, 1, 0, 0, 0, 0, 0]);
    expect(office.officeCode).toBe("OA");
    expect(office.flagIds).toEqual([]);
    expect(await benfordBrokers(VIEWERS.nationalAnalyst, MAY)).toEqual([
      { brokerId: "BR1", declarations: 5, flagId: id.benford },
      { brokerId: "BR2", declarations: 1, flagId: null },
    ]);
  });

  it("unit values: quartiles and Tukey whiskers of ln(unit value) per HS6 × origin, flagged items as points", async () => {
    const [jp] = await unitValueBoxes(VIEWERS.nationalAnalyst, { ...MAY, hs6: "851712", minGroup: 5 });
    expect(jp).toMatchObject({ hs6: "851712", originCountry: "JP", flagged: [] });
    expect(jp!.stats.n).toBe(5);
    expect(jp!.stats.q1).toBeCloseTo(LN2, 12);
    expect(jp!.stats.median).toBeCloseTo(2 * LN2, 12);
    expect(jp!.stats.q3).toBeCloseTo(3 * LN2, 12);
    expect(jp!.stats.whiskerLow).toBeCloseTo(0, 12);
    expect(jp!.stats.whiskerHigh).toBeCloseTo(3 * LN2, 12);
    expect(jp!.stats.outliers).toBe(1);
    // Without an HS6: the groups of the flagged items, here 620342 CN (two items: ln 10 and ln 40).
    const groups = await unitValueBoxes(VIEWERS.analystOA, { ...MAY, minGroup: 2 });
    expect(groups.map((g) => [g.hs6, g.originCountry, g.stats.n])).toEqual([["620342", "CN", 2]]);
    expect(groups[0]!.stats.median).toBeCloseTo(Math.log(20), 12);
    expect(groups[0]!.flagged).toEqual([
      { flagId: id.unitValue, declId: "A1", itemNo: 1, logUnitValue: Math.log(10), m: -4.2 },
    ]);
    // The method's minimum group size: two items are not a group.
    expect(await unitValueBoxes(VIEWERS.analystOA, MAY)).toEqual([]);
    // An analyst of OB sees the boxes but not OA's flagged item.
    expect(await unitValueBoxes(VIEWERS.analystOB, { ...MAY, minGroup: 2 })).toEqual([]);
  });

  it("inbox: filters, sorts, pages, periods and summary within the viewer's scope", async () => {
    const parse = (q: Record<string, string>) => FlagInboxFilters.parse(q);
    const oa = await flagInbox(VIEWERS.analystOA, parse({}));
    // Active NEW flags of OA by score desc: valueP4 5, unitValue 4.2, rateI9 4.1, valueP8 4, rateI1 3.5, rateI8 3.2,
    // pair 3.1.
    expect(oa.rows.map((r) => r.id)).toEqual([
      id.valueP4,
      id.unitValue,
      id.rateI9,
      id.valueP8,
      id.rateI1,
      id.rateI8,
      id.pair,
    ]);
    expect(oa.rows[0]).toMatchObject({
      kpiId: "P4",
      kpiName: "Median assessment time",
      subjectName: "Xavier One",
      officeCode: "OA",
      periodFrom: "2025-05-01",
    });
    const pair = oa.rows.find((r) => r.id === id.pair)!;
    expect(pair).toMatchObject({ subjectId: "BR1", subjectName: null, relatedId: "X1", relatedName: "Xavier One" });
    expect((await flagInbox(VIEWERS.analystOA, parse({ sort: "score-asc" }))).rows[0]!.id).toBe(id.pair);
    expect((await flagInbox(VIEWERS.analystOA, parse({ method: "RATE_OUTLIER" }))).rows.map((r) => r.id)).toEqual([
      id.rateI9,
      id.rateI1,
      id.rateI8,
    ]);
    expect((await flagInbox(VIEWERS.analystOA, parse({ kpi: "I8" }))).rows.map((r) => r.id)).toEqual([id.rateI8]);
    // The retired quarter flag shows only when asked for inactive (or all) flags, and in its period.
    expect((await flagInbox(VIEWERS.analystOA, parse({ active: "no" }))).rows.map((r) => r.id)).toEqual([
      id.quarterFlag,
    ]);
    expect(
      (await flagInbox(VIEWERS.analystOA, parse({ active: "all", period: "2025-04-01_2025-06-30" }))).rows.map(
        (r) => r.id,
      ),
    ).toEqual([id.quarterFlag]);
    expect(
      (await flagInbox(VIEWERS.analystOA, parse({ period: "2025-05-01_2025-05-31", method: "UNIT_VALUE" }))).total,
    ).toBe(1);
    // Another office, even asked for by name, is not in an office analyst's scope.
    expect((await flagInbox(VIEWERS.analystOA, parse({ office: "OB" }))).total).toBe(0);
    expect((await flagInbox(VIEWERS.nationalAnalyst, parse({ office: "OB" }))).rows.map((r) => r.id)).toEqual([
      id.rateOB,
    ]);
    const paged = await flagInbox(VIEWERS.analystOA, parse({ page: "2" }), 3);
    expect([paged.page, paged.pageCount, paged.total, paged.rows.map((r) => r.id)]).toEqual([
      2,
      3,
      7,
      [id.valueP8, id.rateI1, id.rateI8],
    ]);
    expect(await flagPeriods(VIEWERS.analystOA)).toEqual([{ from: "2025-04-01", to: "2025-06-30" }, MAY]);
    const table = await inboxExportTable(VIEWERS.analystOA, parse({ method: "BROKER_OFFICER_PAIR" }));
    expect(table.rows).toEqual([
      [
        id.pair,
        "BROKER_OFFICER_PAIR",
        null,
        null,
        "broker",
        "BR1",
        null,
        "X1",
        "Xavier One",
        "OA",
        "2025-05-01",
        "2025-05-31",
        3.1,
        3,
        "NEW",
        true,
        null,
        expect.any(String),
      ],
    ]);
    const summary = await flagSummary(VIEWERS.analystOA);
    expect(summary.counts).toEqual([
      { method: "BROKER_OFFICER_PAIR", NEW: 1, DISMISSED: 0, IN_CASE: 0 },
      { method: "RATE_OUTLIER", NEW: 3, DISMISSED: 0, IN_CASE: 0 },
      { method: "UNIT_VALUE", NEW: 1, DISMISSED: 0, IN_CASE: 0 },
      { method: "VALUE_OUTLIER", NEW: 2, DISMISSED: 0, IN_CASE: 0 },
    ]);
    expect(summary.top.map((r) => r.id)).toEqual([id.valueP4, id.unitValue, id.rateI9, id.valueP8, id.rateI1]);
  });

  it("refuses other offices (NOT_FOUND) and other roles (FORBIDDEN)", async () => {
    expect(await code(funnelData(VIEWERS.analystOB, { kpiId: "I1", officeCode: "OA", ...MAY }))).toBe("NOT_FOUND");
    expect(await code(pairHeatmap(VIEWERS.analystOB, { officeCode: "OA", ...MAY }))).toBe("NOT_FOUND");
    for (const viewer of [VIEWERS.managerOA, VIEWERS.officerX1]) {
      expect(await code(funnelData(viewer, { kpiId: "I1", officeCode: "OA", ...MAY }))).toBe("FORBIDDEN");
      expect(await code(pairHeatmap(viewer, { officeCode: "OA", ...MAY }))).toBe("FORBIDDEN");
    }
  });
});
