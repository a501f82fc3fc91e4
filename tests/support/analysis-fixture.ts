// A small hand-made data set for the Time Release Study and the mirror analysis (docs/indicators.md "Time Release Study
// (TRS)" and "Mirror analysis"). The expected numbers are worked out by hand in tests/integration/trs-mirror.test.ts.
//
// TRS period: March 2025, [2025-03-01, 2025-03-31] → as_of = 2025-04-01 00:00:00.
// Offices TA and TB have declarations; TC has none.
// Mirror year 2025: per_usd = 500; partner exports in mirror_exports.
import { pool } from "@/lib/pg";
import { clearClearanceData } from "@/tests/support/clearance-db";

export const OFFICES = ["TA", "TB", "TC"];

type Decl = {
  id: string;
  office: string;
  flow?: "I" | "E";
  partner?: string;
  importer?: string;
  lanes: string; // "initial>final"
  arrival?: string;
  reg: string;
  asmt?: string;
  pay?: string;
  release?: string;
  status?: "registered" | "assessed" | "paid" | "released" | "cancelled";
};

// Intervals in hours in the comments: ar arrival→reg, ra reg→asmt, ap asmt→pay, pr pay→release, rr reg→release,
// tt arrival→release; "cens" = right-censored (start present, end missing or after as_of); "—" = start missing.
export const TRS_DECLARATIONS: Decl[] = [
  // TA, lane G. ar 2, ra 2, ap 1, pr 3, rr 6, tt 8.
  {
    id: "T01",
    office: "TA",
    lanes: "G>G",
    arrival: "2025-03-03 06:00:00",
    reg: "2025-03-03 08:00:00",
    asmt: "2025-03-03 10:00:00",
    pay: "2025-03-03 11:00:00",
    release: "2025-03-03 14:00:00",
    status: "released",
  },
  // An export (TRS counts every flow); no arrival: ar —, ra 4, ap 20, pr 3, rr 27, tt —.
  {
    id: "T02",
    office: "TA",
    flow: "E",
    lanes: "G>G",
    reg: "2025-03-04 09:00:00",
    asmt: "2025-03-04 13:00:00",
    pay: "2025-03-05 09:00:00",
    release: "2025-03-05 12:00:00",
    status: "released",
  },
  // Assessed, never paid nor released: ar 12, ra 1.5, ap cens, pr —, rr cens, tt cens.
  {
    id: "T03",
    office: "TA",
    lanes: "G>G",
    arrival: "2025-03-09 20:00:00",
    reg: "2025-03-10 08:00:00",
    asmt: "2025-03-10 09:30:00",
    status: "assessed",
  },
  // Yellow downgraded to green: counts under lane_final G. ar 6, ra 6, ap 120, pr 12, rr 138, tt 144.
  {
    id: "T04",
    office: "TA",
    lanes: "Y>G",
    arrival: "2025-03-20 00:00:00",
    reg: "2025-03-20 06:00:00",
    asmt: "2025-03-20 12:00:00",
    pay: "2025-03-25 12:00:00",
    release: "2025-03-26 00:00:00",
    status: "released",
  },
  // Registered on the last second; assessed AT as_of (complete: the end is not after as_of), paid and released after
  // it: ar 4, ra 1/3600, ap cens, pr cens (its start, the payment, is present though after as_of), rr cens, tt cens.
  {
    id: "T05",
    office: "TA",
    lanes: "G>G",
    arrival: "2025-03-31 19:59:59",
    reg: "2025-03-31 23:59:59",
    asmt: "2025-04-01 00:00:00",
    pay: "2025-04-01 09:00:00",
    release: "2025-04-02 10:00:00",
    status: "released",
  },
  // Cancelled: not in the TRS at all, neither counted nor censored.
  {
    id: "T06",
    office: "TA",
    lanes: "G>G",
    arrival: "2025-03-04 06:00:00",
    reg: "2025-03-05 08:00:00",
    status: "cancelled",
  },
  // Registered outside March (the second before it, and as_of itself): not in the period.
  {
    id: "T07",
    office: "TA",
    lanes: "G>G",
    arrival: "2025-02-28 20:00:00",
    reg: "2025-02-28 23:59:59",
    asmt: "2025-03-01 08:00:00",
    status: "assessed",
  },
  {
    id: "T08",
    office: "TA",
    lanes: "G>G",
    reg: "2025-04-01 00:00:00",
    asmt: "2025-04-01 08:00:00",
    status: "assessed",
  },
  // TA, lane R (yellow upgraded to red). ar 2, ra 48, ap 6, pr 18, rr 72, tt 74.
  {
    id: "T10",
    office: "TA",
    lanes: "Y>R",
    arrival: "2025-03-12 08:00:00",
    reg: "2025-03-12 10:00:00",
    asmt: "2025-03-14 10:00:00",
    pay: "2025-03-14 16:00:00",
    release: "2025-03-15 10:00:00",
    status: "released",
  },
  // Never assessed: ar —, ra cens, ap —, pr —, rr cens, tt —.
  { id: "T11", office: "TA", lanes: "R>R", reg: "2025-03-28 10:00:00", status: "registered" },
  // TB, lane B: released without payment. ar —, ra 1, ap cens, pr —, rr 4, tt —.
  {
    id: "T20",
    office: "TB",
    lanes: "B>B",
    reg: "2025-03-17 08:00:00",
    asmt: "2025-03-17 09:00:00",
    release: "2025-03-17 12:00:00",
    status: "released",
  },
];

// Mirror: import declarations (flow I unless said) of office TA with their items, none registered in March (so the
// TRS of March is not theirs).
// [decl id, partner (export_country), reg_ts, flow, status, importer, items: [hs_code, net_kg, cif_value, taxes][]]
type MirrorDecl = [
  string,
  string,
  string,
  "I" | "E",
  "released" | "cancelled",
  string,
  [string, number, number, number][],
];

export const MIRROR_DECLARATIONS: MirrorDecl[] = [
  // CN × 851713: 53,000,000 + 26,500,000 = 79,500,000 CIF, 1,500 kg, taxes 20 %. M01 also has a car (870323, 30 %
  // taxes) from CN, a flow with no partner-export row: no mirror row, but it counts in 870323's tax rate.
  [
    "M01",
    "CN",
    "2025-02-10 09:00:00",
    "I",
    "released",
    "IMPA",
    [
      ["85171300", 1000, 53_000_000, 10_600_000],
      ["870323", 400, 10_000_000, 3_000_000],
    ],
  ],
  ["M02", "CN", "2025-06-15 09:00:00", "I", "released", "IMPB", [["8517131000", 500, 26_500_000, 5_300_000]]],
  // FR × 851713: 10,600,000 CIF, 200 kg, taxes 20 %.
  ["M03", "FR", "2025-08-03 09:00:00", "I", "released", "IMPC", [["851713", 200, 10_600_000, 2_120_000]]],
  // DE × 870323: 318,000,000 CIF, 30,000 kg, taxes 30 %.
  ["M04", "DE", "2025-04-01 09:00:00", "I", "released", "IMPD", [["870323", 30_000, 318_000_000, 95_400_000]]],
  // US × 940360: 26,500,000 CIF, 2,000 kg, taxes 10 %.
  ["M05", "US", "2025-05-05 09:00:00", "I", "released", "IMPE", [["940360", 2_000, 26_500_000, 2_650_000]]],
  // CN × 620342: only a cancelled import, 5,300,000 CIF, 100 kg, taxes 20 %: docs/indicators.md names no status filter
  // for the
  // mirror, so it counts (the partner reports exactly that much: a gap of 0).
  ["M09", "CN", "2025-07-07 09:00:00", "I", "cancelled", "IMPA", [["620342", 100, 5_300_000, 1_060_000]]],
  // Not counted: an export, and imports registered just before and at the start of the next year.
  ["M06", "CN", "2025-08-04 10:00:00", "E", "released", "IMPA", [["851713", 999, 99_000_000, 0]]],
  ["M07", "CN", "2024-12-31 23:59:59", "I", "released", "IMPA", [["851713", 999, 99_000_000, 0]]],
  ["M08", "CN", "2026-01-01 00:00:00", "I", "released", "IMPA", [["851713", 999, 99_000_000, 0]]],
];

// [partner, hs6, year, fob_usd, net_kg]
export const MIRROR_EXPORTS: [string, string, number, number, number | null][] = [
  ["CN", "851713", 2025, 400_000, 4_000],
  ["FR", "851713", 2025, 21_000, 210],
  ["DE", "870323", 2025, 700_000, 30_000],
  ["US", "940360", 2025, 100_000, 2_000],
  // BR declares exports of 851713 to us, but no import from BR was declared.
  ["BR", "851713", 2025, 300_000, 3_000],
  // No import of 220421 from anyone: no tax rate, so no revenue at stake.
  ["IT", "220421", 2025, 150_000, 10_000],
  ["CN", "620342", 2025, 10_000, 100],
  // Another year: not in 2025's table.
  ["CN", "851713", 2024, 999_999, 1],
];

export async function loadAnalysisFixture(): Promise<void> {
  await clearClearanceData();
  await pool.query("DELETE FROM trs_results");
  await pool.query("DELETE FROM mirror_results");
  for (const code of OFFICES) {
    await pool.query(
      `INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES ($1, $2, '08:00', '16:00', '{1,2,3,4,5}')`,
      [code, `Office ${code}`],
    );
  }
  await pool.query(`INSERT INTO exchange_rates (year, per_usd) VALUES (2025, 500), (2024, 480)`);
  await pool.query(`SELECT ensure_declaration_partitions('2024-12-01'::timestamp, '2026-01-31'::timestamp)`);
  for (const d of TRS_DECLARATIONS) {
    const [laneInitial, laneFinal] = d.lanes.split(">");
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, regime, broker_id, importer_id, export_country, arrival_ts, reg_ts,
         lane_initial, lane_final, assignment_mode, asmt_ts, pay_ts, release_ts, status)
       VALUES ($1, $2, $3, 'IM4', 'BR1', 'IMPZ', 'ZZ', $4, $5, $6, $7, 'auto', $8, $9, $10, $11)`,
      [
        d.id,
        d.office,
        d.flow ?? "I",
        d.arrival ?? null,
        d.reg,
        laneInitial,
        laneFinal,
        d.asmt ?? null,
        d.pay ?? null,
        d.release ?? null,
        d.status ?? "released",
      ],
    );
  }
  for (const [id, partner, reg, flow, status, importer, items] of MIRROR_DECLARATIONS) {
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, regime, broker_id, importer_id, export_country, reg_ts,
         lane_initial, lane_final, assignment_mode, asmt_ts, status)
       VALUES ($1, 'TA', $2, 'IM4', 'BR1', $3, $4, $5, 'G', 'G', 'auto', $5, $6)`,
      [id, flow, importer, partner, reg, status],
    );
    for (const [n, [hsCode, kg, cif, taxes]] of items.entries()) {
      await pool.query(
        `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, gross_kg, cif_value, taxes)
         VALUES ($1, $2, $3, left($3, 6), $4, $5, $5, $6, $7)`,
        [id, n + 1, hsCode, partner, kg, cif, taxes],
      );
    }
  }
  for (const [partner, hs6, year, fob, kg] of MIRROR_EXPORTS) {
    await pool.query(
      `INSERT INTO mirror_exports (partner_country, hs6, year, fob_usd, net_kg) VALUES ($1, $2, $3, $4, $5)`,
      [partner, hs6, year, fob, kg],
    );
  }
}
