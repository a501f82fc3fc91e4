// A small hand-made clearance data set and a few flags over May 2025, for the integrity tests (flag evidence,
// triage, chart data, access). Every expected value of those tests is worked out by hand from the rows below.
//
// Offices OA (08:00–16:00, Mon–Fri) and OB (same hours). Officers X1, X2 of OA; Y1 of OB. Brokers BR1, BR2.
// Period May 2025 = [2025-05-01, 2025-05-31].
//
//  decl  office officer broker reg_ts            lanes asmt_ts           value_i  value_f taxes_i taxes_f status
// mode
//  A1    OA     X1      BR1    05-05 09:00       Y→G   05-05 10:00 (1 h)    1500    1200    300     250   assessed
// manual
//  A2    OA     X1      BR1    05-06 09:00       R→R   05-06 09:30 (0.5 h)  2500    2500    500     500   released
// auto
//  A3    OA     X1      BR1    05-07 09:00       Y→Y   05-09 09:00 (48 h)      0       0      0       0   assessed
// auto
//  A4    OA     X1      BR1    05-08 09:00       R→G   —                    9000    9000    900     900   cancelled
// manual
//  A5    OA     X1      BR2    05-09 09:00       G→G   05-09 12:00 (3 h)   30000   30000    100     100   assessed
// auto
//  A6    OA     X2      BR1    05-12 09:00       Y→G   05-12 11:00 (2 h)    0.45    0.45     10      10   assessed
// auto
//  A7    OA     X1      BR1    06-02 09:00       Y→G   06-02 10:00          1000    1000    100     100   assessed
// auto  (June)
//  B1    OB     Y1      BR1    05-13 09:00       G→G   05-13 10:00 (1 h)    7000    7000    700     700   assessed
// auto
//  B2    OB     X1      BR1    05-14 09:00       R→R   05-14 09:10 (1/6 h)   800     800     80      80   assessed
// auto
//
// Items: A1/1 hs6 620342 CN 100 kg 1000 (unit value 10); A1/2 620342 CN 0 kg 50; A2/1 620342 CN 50 kg 2000 (40).
//   HS6 851712 JP, 10 kg each: A2/2 cif 10, A3/1 20, A5/1 40, A6/1 80, B1/1 10240 (unit values 1, 2, 4, 8, 1024, so
//   ln = 0, 1, 2, 3, 10 × ln 2), and A4/1 cif 5 (cancelled: not counted).
// Events by X1: A1 assess 05-05 10:00 (office hours); A1 amend Sat 05-10 11:00 (off hours); A2 release Tue
// 05-06 20:00 (after closing, off hours).
import { pool } from "@/lib/pg";

export const MAY = { from: "2025-05-01", to: "2025-05-31" };

export const VIEWERS = {
  admin: { role: "ADMIN" as const, officeCode: null, officerId: null },
  nationalAnalyst: { role: "INTEGRITY" as const, officeCode: null, officerId: null },
  analystOA: { role: "INTEGRITY" as const, officeCode: "OA", officerId: null },
  analystOB: { role: "INTEGRITY" as const, officeCode: "OB", officerId: null },
  // An analyst of OA who is also officer X1 (linked to the officer record).
  analystX1: { role: "INTEGRITY" as const, officeCode: "OA", officerId: "X1" },
  nationalManager: { role: "MANAGER" as const, officeCode: null, officerId: null },
  managerOA: { role: "MANAGER" as const, officeCode: "OA", officerId: null },
  // The officer the flags are about, and an officer account with no officer linked.
  officerX1: { role: "OFFICER" as const, officeCode: null, officerId: "X1" },
  officerUnlinked: { role: "OFFICER" as const, officeCode: null, officerId: null },
};

const DECLARATIONS: (string | number | null)[][] = [
  // decl, office, officer, broker, reg_ts, lane_i, lane_f, asmt_ts, value_i, value_f, taxes_i, taxes_f, status, mode
  [
    "A1",
    "OA",
    "X1",
    "BR1",
    "2025-05-05 09:00",
    "Y",
    "G",
    "2025-05-05 10:00",
    1500,
    1200,
    300,
    250,
    "assessed",
    "manual",
  ],
  ["A2", "OA", "X1", "BR1", "2025-05-06 09:00", "R", "R", "2025-05-06 09:30", 2500, 2500, 500, 500, "released", "auto"],
  ["A3", "OA", "X1", "BR1", "2025-05-07 09:00", "Y", "Y", "2025-05-09 09:00", 0, 0, 0, 0, "assessed", "auto"],
  ["A4", "OA", "X1", "BR1", "2025-05-08 09:00", "R", "G", null, 9000, 9000, 900, 900, "cancelled", "manual"],
  [
    "A5",
    "OA",
    "X1",
    "BR2",
    "2025-05-09 09:00",
    "G",
    "G",
    "2025-05-09 12:00",
    30000,
    30000,
    100,
    100,
    "assessed",
    "auto",
  ],
  ["A6", "OA", "X2", "BR1", "2025-05-12 09:00", "Y", "G", "2025-05-12 11:00", 0.45, 0.45, 10, 10, "assessed", "auto"],
  ["A7", "OA", "X1", "BR1", "2025-06-02 09:00", "Y", "G", "2025-06-02 10:00", 1000, 1000, 100, 100, "assessed", "auto"],
  ["B1", "OB", "Y1", "BR1", "2025-05-13 09:00", "G", "G", "2025-05-13 10:00", 7000, 7000, 700, 700, "assessed", "auto"],
  ["B2", "OB", "X1", "BR1", "2025-05-14 09:00", "R", "R", "2025-05-14 09:10", 800, 800, 80, 80, "assessed", "auto"],
];

export async function insertIntegrityClearanceData(): Promise<void> {
  await pool.query(`INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES
    ('OA', 'Office A', '08:00', '16:00', '{1,2,3,4,5}'), ('OB', 'Office B', '08:00', '16:00', '{1,2,3,4,5}')`);
  await pool.query(`INSERT INTO officers (officer_id, full_name, office_code, unit) VALUES
    ('X1', 'Xavier One', 'OA', 'U1'), ('X2', 'Xena Two', 'OA', 'U1'), ('Y1', 'Yves One', 'OB', 'U9')`);
  await pool.query(`INSERT INTO brokers (broker_id) VALUES ('BR1'), ('BR2')`);
  await pool.query(`SELECT ensure_declaration_partitions('2025-05-01', '2025-06-30')`);
  for (const [decl, office, officer, broker, reg, li, lf, asmt, vi, vf, ti, tf, status, mode] of DECLARATIONS) {
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, broker_id, reg_ts, lane_initial, lane_final, assignment_mode,
                                 assessing_officer_id, asmt_ts, value_initial, value_final, taxes_initial, taxes_final, status)
       VALUES ($1, $2, 'I', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [decl, office, broker, reg, li, lf, mode, officer, asmt, vi, vf, ti, tf, status],
    );
  }
  await pool.query(`INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, cif_value) VALUES
    ('A1', 1, '62034200', '620342', 'CN', 100, 1000), ('A1', 2, '62034200', '620342', 'CN', 0, 50),
    ('A2', 1, '62034200', '620342', 'CN', 50, 2000),
    ('A2', 2, '85171200', '851712', 'JP', 10, 10), ('A3', 1, '85171200', '851712', 'JP', 10, 20),
    ('A5', 1, '85171200', '851712', 'JP', 10, 40), ('A6', 1, '85171200', '851712', 'JP', 10, 80),
    ('B1', 1, '85171200', '851712', 'JP', 10, 10240), ('A4', 1, '85171200', '851712', 'JP', 10, 5)`);
  await pool.query(`INSERT INTO events (decl_id, ts, action, officer_id) VALUES
    ('A1', '2025-05-05 10:00', 'assess', 'X1'), ('A1', '2025-05-10 11:00', 'amend', 'X1'),
    ('A2', '2025-05-06 20:00', 'release', 'X1')`);
}

export type FixtureFlag = {
  method: string;
  kpiId?: string;
  subjectType: string;
  subjectId: string;
  relatedId?: string;
  officeCode: string | null;
  score: number;
  n: number;
  stats?: Record<string, unknown>;
  period?: { from: string; to: string };
  active?: boolean;
};

// Inserts flags as detectAndStoreFlags would store them, returning their ids in order.
export async function insertFlags(flags: FixtureFlag[]): Promise<number[]> {
  const ids: number[] = [];
  for (const f of flags) {
    const period = f.period ?? MAY;
    const { rows } = await pool.query<{ id: number }>(
      `INSERT INTO flags (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to, score, n, stats, rule,
                          office_code, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        f.method,
        f.kpiId ?? "",
        f.subjectType,
        f.subjectId,
        f.relatedId ?? "",
        period.from,
        period.to,
        f.score,
        f.n,
        JSON.stringify(f.stats ?? {}),
        JSON.stringify({ method: f.method, params: {} }),
        f.officeCode,
        f.active ?? true,
      ],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

// The flags of the evidence tests, by name.
export const EVIDENCE_FLAGS = {
  rateI1: {
    method: "RATE_OUTLIER",
    kpiId: "I1",
    subjectType: "officer",
    subjectId: "X1",
    officeCode: "OA",
    score: 3.5,
    n: 4,
  },
  rateI9: {
    method: "RATE_OUTLIER",
    kpiId: "I9",
    subjectType: "officer",
    subjectId: "X1",
    officeCode: "OA",
    score: 4.1,
    n: 2,
  },
  rateI8: {
    method: "RATE_OUTLIER",
    kpiId: "I8",
    subjectType: "officer",
    subjectId: "X1",
    officeCode: "OA",
    score: 3.2,
    n: 3,
  },
  valueP4: {
    method: "VALUE_OUTLIER",
    kpiId: "P4",
    subjectType: "officer",
    subjectId: "X1",
    officeCode: "OA",
    score: 5,
    n: 5,
  },
  valueP8: {
    method: "VALUE_OUTLIER",
    kpiId: "P8",
    subjectType: "officer",
    subjectId: "X1",
    officeCode: "OA",
    score: 4,
    n: 5,
  },
  pair: {
    method: "BROKER_OFFICER_PAIR",
    subjectType: "broker",
    subjectId: "BR1",
    relatedId: "X1",
    officeCode: "OA",
    score: 3.1,
    n: 3,
    stats: { officeCode: "OA" },
  },
  benford: { method: "BENFORD", subjectType: "broker", subjectId: "BR1", officeCode: null, score: 0.02, n: 5 },
  unitValue: {
    method: "UNIT_VALUE",
    subjectType: "declaration",
    subjectId: "A1",
    relatedId: "1",
    officeCode: "OA",
    score: 4.2,
    n: 20,
    stats: { hs6: "620342", originCountry: "CN", logUnitValue: Math.log(10), median: Math.log(20), mad: 0.5, m: -4.2 },
  },
  rateOB: {
    method: "RATE_OUTLIER",
    kpiId: "I1",
    subjectType: "officer",
    subjectId: "Y1",
    officeCode: "OB",
    score: 3.3,
    n: 40,
  },
} satisfies Record<string, FixtureFlag>;
