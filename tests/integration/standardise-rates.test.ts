// Indirect standardisation of officers' rates (lib/kpis/standardise-rates.ts) on declarations inserted here, worked
// out by hand. Office SO, March 2025, same-day assessment (P1):
//   stratum R × chapter 87: S1 20 declarations, 6 same-day; S2 5, 1 → office 7/25 = 0.28
//   stratum G × chapter 62: S1 10, 9; S2 30, 27              → office 36/40 = 0.9
//   S1: raw 15/30 = 0.5; O = 15, E = 20·0.28 + 10·0.9 = 14.6, O/E = 1.0274
//   S2: raw 28/35 = 0.8; O = 28, E = 5·0.28 + 30·0.9 = 28.4, O/E = 0.98592
// The raw rates put S1 far behind; once his red-lane vehicles are accounted for he does as well as the office.
// Manual assignment (I7): nobody, so E = 0 and there is no ratio.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { standardiseRates } from "@/lib/kpis/standardise-rates";
import { computeKpis } from "@/lib/kpis/compute-kpis";

const run = randomUUID().slice(0, 5).toUpperCase();
const OFFICE = `SO${run}`;
const S1 = `S1${run}`;
const S2 = `S2${run}`;
const MARCH = { from: "2025-03-01", to: "2025-03-31" };

// [officer, lane, hs code, count, same-day]
const GROUPS: [string, "R" | "G", string, number, number][] = [
  [S1, "R", "8703231000", 20, 6],
  [S1, "G", "6203420000", 10, 9],
  [S2, "R", "8703231000", 5, 1],
  [S2, "G", "6203420000", 30, 27],
];

beforeAll(async () => {
  await db.office.create({
    data: { officeCode: OFFICE, name: OFFICE, openTime: "08:00", closeTime: "16:00", workdays: [1, 2, 3, 4, 5] },
  });
  await db.officer.createMany({
    data: [S1, S2].map((officerId) => ({ officerId, fullName: officerId, officeCode: OFFICE, unit: "U" })),
  });
  await pool.query(`SELECT ensure_declaration_partitions('2025-03-01', '2025-03-31')`);
  for (const [officer, lane, hs, count, sameDay] of GROUPS) {
    const prefix = `${officer}-${lane}`;
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode,
                                 assessing_officer_id, asmt_ts, status)
       SELECT $1::text || '-' || i, $2::text, 'I'::"Flow", make_timestamp(2025, 3, 3 + i % 20, 9, 0, 0), $3::"Lane", $3::"Lane",
              'auto'::"AssignmentMode", $4::text,
              make_timestamp(2025, 3, 3 + i % 20, 9, 0, 0) + CASE WHEN i < $6::int THEN interval '2 hours' ELSE interval '1 day' END,
              'assessed'::"DeclarationStatus"
         FROM generate_series(0, $5::int - 1) AS i`,
      [prefix, OFFICE, lane, officer, count, sameDay],
    );
    await pool.query(
      `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, gross_kg, cif_value)
       SELECT $1::text || '-' || i, 1, $2::text, left($2::text, 6), 'CN', 10, 10, 1000
         FROM generate_series(0, $3::int - 1) AS i`,
      [prefix, hs, count],
    );
  }
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe("observed / expected", () => {
  it("standardises each officer's rate on the office's lane × HS chapter strata", async () => {
    const rows = await standardiseRates({ ...MARCH, officerIds: [S1, S2], kpiIds: ["P1", "I7"] });
    const get = (officer: string, kpi: string) => rows.find((r) => r.officerId === officer && r.kpiId === kpi)!;
    expect(get(S1, "P1")).toMatchObject({ observed: 15, n: 30 });
    expect(get(S1, "P1").expected).toBeCloseTo(14.6, 9);
    expect(get(S1, "P1").ratio!).toBeCloseTo(15 / 14.6, 9);
    expect(get(S2, "P1")).toMatchObject({ observed: 28, n: 35 });
    expect(get(S2, "P1").expected).toBeCloseTo(28.4, 9);
    expect(get(S2, "P1").ratio!).toBeCloseTo(28 / 28.4, 9);
    expect(get(S1, "P1").lower!).toBeLessThan(1);
    expect(get(S1, "P1").upper!).toBeGreaterThan(1);
    expect(get(S1, "I7")).toMatchObject({ observed: 0, expected: 0, ratio: null });
  });

  it("rests on the KPI engine's own numerator and n", async () => {
    const kpis = await computeKpis({ ...MARCH, subject: "officer", subjectIds: [S1, S2], kpiIds: ["P1"] });
    const rows = await standardiseRates({ ...MARCH, officerIds: [S1, S2], kpiIds: ["P1"] });
    for (const k of kpis) {
      const s = rows.find((r) => r.officerId === k.subjectId)!;
      expect([s.observed, s.n]).toEqual([k.numerator, k.denominator]);
    }
    // Over the whole office, the expected counts add up to the observed ones.
    expect(rows.reduce((a, r) => a + r.expected, 0)).toBeCloseTo(
      rows.reduce((a, r) => a + r.observed, 0),
      9,
    );
  });
});
