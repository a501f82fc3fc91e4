// The KPI catalogue (docs/indicators.md) on a small hand-made data set. Every expected number below was worked out by
// hand
// from the rows of this file (the arithmetic is in the comments) and is asserted against BOTH the naive oracle
// (tests/support/kpi-oracle.ts) and the product's engine (lib/kpis/compute-kpis.ts).
//
// Period under test: March 2025, [2025-03-01, 2025-03-31] → as_of = 2025-04-01 00:00:00.
// Calendar: 2025-03-01 is a Saturday; Mondays are 03, 10, 17, 24, 31; Saturdays 01, 08, 15, 22, 29.
// Offices: OFA 08:00–16:00 Mon–Fri; OFB 07:30–15:30 Mon–Sat; OFC (no data at all); OFD (cases where the spec leaves
// room for reading, expected values following the oracle's literal reading — see "Readings" below).
// Holidays: 2025-03-10 for every office (empty office_code); 2025-03-12 for OFB only.
// Officers: A1 (OFA, the main subject), A2 (OFA), Z1 (OFA, no activity), B1 (OFB), D1 (OFD).
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { KPI_IDS, oracleKpis, type KpiId, type KpiRow, type SubjectType } from "@/tests/support/kpi-oracle";

// ---------------------------------------------------------------------------------------------------------------
// The data set.

const OFFICES = [
  { office_code: "OFA", name: "Alpha Port", open_time: "08:00", close_time: "16:00", workdays: [1, 2, 3, 4, 5] },
  { office_code: "OFB", name: "Bravo Border", open_time: "07:30", close_time: "15:30", workdays: [1, 2, 3, 4, 5, 6] },
  { office_code: "OFC", name: "Charlie Quiet", open_time: "08:00", close_time: "16:00", workdays: [1, 2, 3, 4, 5] },
  { office_code: "OFD", name: "Delta Dry Port", open_time: "08:00", close_time: "16:00", workdays: [1, 2, 3, 4, 5] },
];

const OFFICERS = [
  { officer_id: "A1", full_name: "Ama One", office_code: "OFA", unit: "Assessment" },
  { officer_id: "A2", full_name: "Abel Two", office_code: "OFA", unit: "Assessment" },
  { officer_id: "Z1", full_name: "Zoe Idle", office_code: "OFA", unit: "Assessment" },
  { officer_id: "B1", full_name: "Ben One", office_code: "OFB", unit: "Border" },
  { officer_id: "D1", full_name: "Dora One", office_code: "OFD", unit: "Dry port" },
];

const HOLIDAYS = [
  { date: "2025-03-10", office_code: "" },
  // OFA's own holiday on the national one: an event of that day is still one event (I8).
  { date: "2025-03-10", office_code: "OFA" },
  { date: "2025-03-12", office_code: "OFB" },
];

type Decl = {
  id: string;
  office: string;
  officer: string | null;
  reg: string;
  arrival?: string;
  lanes: `${"G" | "B" | "Y" | "R"}>${"G" | "B" | "Y" | "R"}`;
  mode?: "auto" | "manual";
  asmt?: string;
  release?: string;
  value: [string | null, string | null];
  taxes: [string | null, string | null];
  status: "registered" | "assessed" | "paid" | "released" | "cancelled";
};

// Durations in the comments: a = asmt − reg, r = release − reg, t = release − arrival (hours).
const DECLARATIONS: Decl[] = [
  // --- Officer A1, office OFA, registered in March (in B) ---
  // a 2, r 6, t 30; same-day
  {
    id: "D01",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-03 09:00:00",
    arrival: "2025-03-02 09:00:00",
    lanes: "G>G",
    asmt: "2025-03-03 11:00:00",
    release: "2025-03-03 15:00:00",
    value: ["1000", "1000"],
    taxes: ["100", "100"],
    status: "released",
  },
  // Yellow downgraded to green, manual; a 23 (≤ 24 h), r 26; value and taxes reduced; amended on Saturday 03-08
  // after its assessment
  {
    id: "D02",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-04 10:00:00",
    lanes: "Y>G",
    mode: "manual",
    asmt: "2025-03-05 09:00:00",
    release: "2025-03-05 12:00:00",
    value: ["2000", "1500"],
    taxes: ["400", "300"],
    status: "released",
  },
  // Yellow, a exactly 24 (still within 24 h); values null; taxes_final null
  {
    id: "D03",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-05 08:00:00",
    lanes: "Y>Y",
    asmt: "2025-03-06 08:00:00",
    value: [null, null],
    taxes: ["500", null],
    status: "assessed",
  },
  // Red kept red, a 0.5 (too fast, < 1 h), r 31, t 55; inspected 03-07 (offence, 250) and 04-01 00:00 (out)
  {
    id: "D04",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-06 09:00:00",
    arrival: "2025-03-05 09:00:00",
    lanes: "R>R",
    asmt: "2025-03-06 09:30:00",
    release: "2025-03-07 16:00:00",
    value: ["5000", "6000"],
    taxes: ["1000", "1250"],
    status: "released",
  },
  // Red downgraded to green WITHOUT any inspection, manual; a 1, r 4
  {
    id: "D05",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-07 14:00:00",
    lanes: "R>G",
    mode: "manual",
    asmt: "2025-03-07 15:00:00",
    release: "2025-03-07 18:00:00",
    value: ["3000", "3000"],
    taxes: ["600", "600"],
    status: "released",
  },
  // Red downgraded to blue WITH an inspection (dated 04-02, outside the period); a 24, r 48, t 60
  {
    id: "D06",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-10 09:00:00",
    arrival: "2025-03-09 21:00:00",
    lanes: "R>B",
    asmt: "2025-03-11 09:00:00",
    release: "2025-03-12 09:00:00",
    value: ["4000", "4000"],
    taxes: ["800", "800"],
    status: "released",
  },
  // Registered on the last second of the period: in B; not assessed; as_of − reg = 1 s
  {
    id: "D07",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-31 23:59:59",
    lanes: "G>G",
    value: ["700", "700"],
    taxes: [null, null],
    status: "registered",
  },
  // Registered on the first second of the period, never assessed: as_of − reg = 31 d = 744 h (> 720 h backlog)
  {
    id: "D09",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-01 00:00:00",
    lanes: "G>G",
    value: ["800", "800"],
    taxes: ["80", null],
    status: "registered",
  },
  // Yellow never assessed: as_of − reg = 30 d = 720 h exactly (late, but not > 720 h)
  {
    id: "D10",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-02 00:00:00",
    lanes: "Y>Y",
    value: ["900", "900"],
    taxes: ["90", "90"],
    status: "registered",
  },
  // Red, assessed exactly at as_of: a = 5 d = 120 h
  {
    id: "D11",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-27 00:00:00",
    lanes: "R>R",
    asmt: "2025-04-01 00:00:00",
    value: ["6000", "6000"],
    taxes: ["1200", "1200"],
    status: "assessed",
  },
  // Not assessed: as_of − reg = 120 h − 1 s (not late); amended 03-28 while not assessed
  {
    id: "D12",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-27 00:00:01",
    lanes: "G>G",
    value: ["100", "100"],
    taxes: ["10", "10"],
    status: "registered",
  },
  // Manual; a 2, r 24; taxes reduced by 50; amended 03-13 09:00, AFTER its assessment
  {
    id: "D14",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-12 09:00:00",
    lanes: "G>G",
    mode: "manual",
    asmt: "2025-03-12 11:00:00",
    release: "2025-03-13 09:00:00",
    value: ["1000", "1000"],
    taxes: ["200", "150"],
    status: "released",
  },
  // Blue; a 3; value and taxes reduced; amended 03-13 10:00, BEFORE its assessment at 12:00
  {
    id: "D15",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-13 09:00:00",
    lanes: "B>B",
    asmt: "2025-03-13 12:00:00",
    value: ["1200", "1100"],
    taxes: ["240", "220"],
    status: "assessed",
  },
  // Red kept red, a exactly 1 h (not too fast), r 6, t 30; inspected by A2 (adjustment_amount null)
  {
    id: "D16",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-14 09:00:00",
    arrival: "2025-03-13 09:00:00",
    lanes: "R>R",
    asmt: "2025-03-14 10:00:00",
    release: "2025-03-14 15:00:00",
    value: ["2500", "2500"],
    taxes: ["500", "500"],
    status: "released",
  },
  // a 48; taxes_initial null
  {
    id: "D17",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-17 10:00:00",
    lanes: "G>G",
    asmt: "2025-03-19 10:00:00",
    value: ["1500", "1500"],
    taxes: [null, "300"],
    status: "assessed",
  },
  // --- Officer A1, office OFB: in A1's B, not in OFA's ---
  // Saturday (OFB works Saturdays); a 1, r 3; inspected 03-31 23:59:59 (offence, 100)
  {
    id: "D20",
    office: "OFB",
    officer: "A1",
    reg: "2025-03-15 09:00:00",
    lanes: "G>G",
    asmt: "2025-03-15 10:00:00",
    release: "2025-03-15 12:00:00",
    value: ["300", "300"],
    taxes: ["30", "30"],
    status: "released",
  },
  // --- Officer A1, outside B ---
  // Registered at as_of itself (2025-04-01 00:00:00): outside March, inside a period starting 04-01
  {
    id: "D08",
    office: "OFA",
    officer: "A1",
    reg: "2025-04-01 00:00:00",
    lanes: "Y>G",
    mode: "manual",
    asmt: "2025-04-01 08:30:00",
    value: ["9000", "10"],
    taxes: ["900", "1"],
    status: "assessed",
  },
  // Cancelled (only I12 counts it; its inspection is in E); assessed on the holiday 03-10
  {
    id: "D13",
    office: "OFA",
    officer: "A1",
    reg: "2025-03-10 09:00:00",
    lanes: "Y>G",
    mode: "manual",
    asmt: "2025-03-10 10:00:00",
    value: ["5000", "100"],
    taxes: ["1000", "10"],
    status: "cancelled",
  },
  // Registered in February, assessed 03-03 (counts for P13 only)
  {
    id: "D18",
    office: "OFA",
    officer: "A1",
    reg: "2025-02-26 10:00:00",
    lanes: "G>G",
    asmt: "2025-03-03 14:00:00",
    value: ["400", "400"],
    taxes: ["40", "40"],
    status: "assessed",
  },

  // --- Officer A2 and nobody, office OFA ---
  // a 3, r 5, t 24
  {
    id: "D30",
    office: "OFA",
    officer: "A2",
    reg: "2025-03-04 09:00:00",
    arrival: "2025-03-03 14:00:00",
    lanes: "G>G",
    asmt: "2025-03-04 12:00:00",
    release: "2025-03-04 14:00:00",
    value: ["1000", "1000"],
    taxes: ["100", "100"],
    status: "released",
  },
  // Red, a 20 min (too fast), r 24; inspected 03-18 (offence, 150); amended Saturday 03-22 after assessment
  {
    id: "D31",
    office: "OFA",
    officer: "A2",
    reg: "2025-03-18 09:00:00",
    lanes: "R>R",
    asmt: "2025-03-18 09:20:00",
    release: "2025-03-19 09:00:00",
    value: ["2000", "2000"],
    taxes: ["400", "400"],
    status: "released",
  },
  // Registered in February, assessed 03-03 (P13 only); inspected 02-28 23:59:59 (outside E)
  {
    id: "D32",
    office: "OFA",
    officer: "A2",
    reg: "2025-02-27 10:00:00",
    lanes: "G>G",
    asmt: "2025-03-03 10:00:00",
    release: "2025-03-03 12:00:00",
    value: ["500", "500"],
    taxes: ["50", "50"],
    status: "released",
  },
  // No assessing officer (office only); yellow, not assessed; as_of − reg = 11 d 15 h = 279 h; value and taxes reduced
  {
    id: "D33",
    office: "OFA",
    officer: null,
    reg: "2025-03-20 09:00:00",
    lanes: "Y>Y",
    value: ["500", "400"],
    taxes: ["100", "80"],
    status: "registered",
  },
  // Cancelled red downgraded to green
  {
    id: "D34",
    office: "OFA",
    officer: "A2",
    reg: "2025-03-25 09:00:00",
    lanes: "R>G",
    mode: "manual",
    value: ["700", "700"],
    taxes: ["70", "70"],
    status: "cancelled",
  },

  // --- Officer B1, office OFB ---
  // a 2 (same day, on the OFB-only holiday); amended by A1 03-14 15:45 after assessment
  {
    id: "D21",
    office: "OFB",
    officer: "B1",
    reg: "2025-03-12 08:00:00",
    lanes: "G>G",
    asmt: "2025-03-12 10:00:00",
    value: ["100", "100"],
    taxes: ["10", "10"],
    status: "assessed",
  },
  // Yellow, a 48 (not within 24 h)
  {
    id: "D22",
    office: "OFB",
    officer: "B1",
    reg: "2025-03-17 09:00:00",
    lanes: "Y>Y",
    asmt: "2025-03-19 09:00:00",
    value: ["100", "100"],
    taxes: ["10", "10"],
    status: "assessed",
  },

  // --- Officer D1, office OFD (readings) ---
  // a 1; both taxes null; carries the 20 items of group (090111, ET), one without cif_value; inspected with
  // adjustment_amount null
  {
    id: "D40",
    office: "OFD",
    officer: "D1",
    reg: "2025-03-18 09:00:00",
    lanes: "G>G",
    asmt: "2025-03-18 10:00:00",
    value: ["100", "100"],
    taxes: [null, null],
    status: "assessed",
  },
  // Assessed long after as_of (04-15): a = 45 d = 1080 h; taxes_initial null
  {
    id: "D41",
    office: "OFD",
    officer: "D1",
    reg: "2025-03-01 08:00:00",
    lanes: "G>G",
    asmt: "2025-04-15 08:00:00",
    value: ["100", "100"],
    taxes: [null, "50"],
    status: "assessed",
  },
];

const INSPECTIONS = [
  { decl_id: "D04", inspector_id: "A1", exam_ts: "2025-03-07 10:00:00", result: "offence", adjustment_amount: "250" },
  { decl_id: "D04", inspector_id: "A1", exam_ts: "2025-04-01 00:00:00", result: "offence", adjustment_amount: "999" },
  { decl_id: "D13", inspector_id: "A1", exam_ts: "2025-03-11 10:00:00", result: "no_offence", adjustment_amount: "0" },
  { decl_id: "D06", inspector_id: "A2", exam_ts: "2025-04-02 10:00:00", result: "no_offence", adjustment_amount: "0" },
  { decl_id: "D16", inspector_id: "A2", exam_ts: "2025-03-14 11:00:00", result: "no_offence", adjustment_amount: null },
  { decl_id: "D31", inspector_id: "A2", exam_ts: "2025-03-18 11:00:00", result: "offence", adjustment_amount: "150" },
  { decl_id: "D20", inspector_id: "A1", exam_ts: "2025-03-31 23:59:59", result: "offence", adjustment_amount: "100" },
  { decl_id: "D33", inspector_id: null, exam_ts: "2025-03-21 10:00:00", result: "no_offence", adjustment_amount: "0" },
  { decl_id: "D32", inspector_id: "A2", exam_ts: "2025-02-28 23:59:59", result: "offence", adjustment_amount: "500" },
  { decl_id: "D40", inspector_id: "D1", exam_ts: "2025-03-19 10:00:00", result: "no_offence", adjustment_amount: null },
];

// [decl_id, ts, action, officer_id]; the comment says how I8 judges the event (in / OFF / out of the period).
const EVENTS: [string, string, string, string | null][] = [
  // System events (officer_id null): never in I8, even off-hours
  ["D01", "2025-03-03 09:00:00", "register", null],
  ["D04", "2025-03-06 09:00:00", "register", null],
  ["D09", "2025-03-01 00:00:00", "register", null], // Saturday midnight
  // Officer A1
  ["D01", "2025-03-03 11:00:00", "assess", "A1"], //  a1  OFA Mon 11:00 — in
  ["D02", "2025-03-05 09:00:00", "assess", "A1"], //  a2  OFA Wed — in
  ["D02", "2025-03-08 10:00:00", "amend", "A1"], //   a3  OFA Saturday — OFF
  ["D03", "2025-03-06 08:00:00", "assess", "A1"], //  a4  OFA Thu 08:00:00 = open_time — in
  ["D04", "2025-03-06 09:30:00", "assess", "A1"], //  a5  in
  ["D05", "2025-03-07 15:00:00", "assess", "A1"], //  a6  in
  ["D05", "2025-03-07 16:00:00", "reroute", "A1"], // a7  16:00:00 = close_time — OFF
  ["D06", "2025-03-11 07:59:59", "reroute", "A1"], // a8  Tue before opening — OFF
  ["D06", "2025-03-11 09:00:00", "assess", "A1"], //  a9  in
  ["D13", "2025-03-10 10:00:00", "assess", "A1"], //  a10 Mon, holiday of every office (cancelled decl.) — OFF
  ["D13", "2025-03-10 11:00:00", "cancel", "A1"], //  a11 holiday — OFF
  ["D14", "2025-03-12 11:00:00", "assess", "A1"], //  a12 Wed 03-12, a holiday of OFB only: OFA is open — in
  ["D14", "2025-03-13 09:00:00", "amend", "A1"], //   a13 in
  ["D15", "2025-03-13 10:00:00", "amend", "A1"], //   a14 in
  ["D15", "2025-03-13 12:00:00", "assess", "A1"], //  a15 in
  ["D16", "2025-03-14 10:00:00", "assess", "A1"], //  a16 in
  ["D12", "2025-03-28 10:00:00", "amend", "A1"], //   a17 Fri — in
  ["D17", "2025-03-19 10:00:00", "assess", "A1"], //  a18 in
  ["D18", "2025-03-03 14:00:00", "assess", "A1"], //  a19 decl. registered in February — in
  ["D20", "2025-03-15 10:00:00", "assess", "A1"], //  a20 OFB decl., Saturday, OFB works Saturdays — in
  ["D21", "2025-03-12 10:00:00", "assign", "A1"], //  a21 OFB decl. on OFB's holiday — OFF
  ["D21", "2025-03-14 15:45:00", "amend", "A1"], //   a22 OFB decl. Fri after OFB's 15:30 close — OFF
  ["D11", "2025-04-01 00:00:00", "assess", "A1"], //  out of March (04-01)
  ["D08", "2025-04-01 08:30:00", "assess", "A1"], //  out of March
  ["D32", "2025-02-28 23:59:59", "assign", "A1"], //  out of March
  // Officer A2
  ["D30", "2025-03-04 12:00:00", "assess", "A2"], //  b1 in
  ["D31", "2025-03-18 09:20:00", "assess", "A2"], //  b2 in
  ["D31", "2025-03-22 09:00:00", "amend", "A2"], //   b3 Saturday — OFF
  ["D32", "2025-03-03 10:00:00", "assess", "A2"], //  b4 decl. registered in February — in
  ["D34", "2025-03-25 18:30:00", "cancel", "A2"], //  b5 Tue 18:30, cancelled decl. — OFF
  // Officer B1
  ["D21", "2025-03-12 10:00:00", "assess", "B1"], //  c1 OFB holiday — OFF
  ["D22", "2025-03-19 09:00:00", "assess", "B1"], //  c2 in
  ["D33", "2025-03-22 10:00:00", "assign", "B1"], //  c3 OFA decl. on Saturday — OFF
];

// Items: [decl_id, hs_code, origin_country, net_kg, cif_value]. Unit value u = cif_value / net_kg.
// Group G20 = (610910, CN): exactly 20 items with net_kg > 0 in non-cancelled declarations registered in March,
//   u = 10, 20, …, 200 → it has a reference.
// Group G19 = (620342, BD): 19 such items → no reference (a 20th in cancelled D34 and a 21st in D08 of April, which
//   must not count).
const ITEMS: [string, string, string, string | null, string | null][] = [
  ["D01", "6109100010", "CN", "2", "20"], //     G20 u 10 (A1)
  ["D01", "62034200", "BD", "1", "1"], //        G19 u 1 (no reference)
  ["D01", "610910", "VN", "1", "1"], //          (610910, VN): 1 item, no reference
  ["D02", "61091000", "CN", "4", "80"], //       G20 u 20 (A1)
  ["D02", "61091000", "CN", "0", "50"], //       net_kg 0: excluded everywhere
  ["D04", "610910", "CN", "1", "30"], //         G20 u 30 (A1)
  ["D14", "610910", "CN", "10", "1500"], //      G20 u 150 (A1)
  ["D14", "610910", "CN", null, "10"], //        net_kg null: excluded everywhere
  ["D15", "610910", "CN", "5", "1000"], //       G20 u 200 (A1)
  ["D30", "610910", "CN", "1", "40"], //         G20 u 40, 50, 60 (A2)
  ["D30", "610910", "CN", "1", "50"],
  ["D30", "610910", "CN", "1", "60"],
  ["D33", "610910", "CN", "2", "140"], //        G20 u 70, 80 (OFA, no officer)
  ["D33", "610910", "CN", "2", "160"],
  ...[90, 100, 110, 120, 130, 140].map((u): [string, string, string, string, string] => [
    "D21",
    "610910",
    "CN",
    "1",
    String(u),
  ]), // G20 u 90 … 140 (B1, OFB)
  ...[160, 170, 180, 190].map((u): [string, string, string, string, string] => ["D22", "610910", "CN", "1", String(u)]), // G20 u 160 … 190 (B1, OFB)
  ...[10, 11, 12, 13, 14, 15, 16, 17, 18].map((u): [string, string, string, string, string] => [
    "D22",
    "620342",
    "BD",
    "1",
    String(u),
  ]), // G19 × 9
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((u): [string, string, string, string, string] => [
    "D31",
    "620342",
    "BD",
    "1",
    String(u),
  ]), //  G19 × 9
  ["D31", "620342", "BD", "0", "5"], //          net_kg 0: not one of G19's items
  ["D13", "610910", "CN", "1", "1"], //          cancelled: not in the reference (would make G20 21 items)
  ["D34", "620342", "BD", "1", "1"], //          cancelled: not in the reference (would make G19 20 items)
  ["D08", "610910", "CN", "1", "2"], //          registered 04-01: not in March's reference
  ["D08", "620342", "BD", "1", "2"],
  ["D32", "610910", "CN", "1", "3"], //          registered in February: not in March's reference
  // Group (090111, ET): 20 items with net_kg > 0, one without cif_value; u = 1 … 19 for the others.
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map(
    (u): [string, string, string, string, string] => ["D40", "090111", "ET", "1", String(u)],
  ),
  ["D40", "090111", "ET", "1", null],
];

async function loadFixture(): Promise<void> {
  await clearClearanceData();
  for (const o of OFFICES) {
    await pool.query(
      `INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES ($1, $2, $3, $4, $5)`,
      [o.office_code, o.name, o.open_time, o.close_time, o.workdays],
    );
  }
  for (const o of OFFICERS) {
    await pool.query(`INSERT INTO officers (officer_id, full_name, office_code, unit) VALUES ($1, $2, $3, $4)`, [
      o.officer_id,
      o.full_name,
      o.office_code,
      o.unit,
    ]);
  }
  for (const h of HOLIDAYS)
    await pool.query(`INSERT INTO holidays (date, office_code) VALUES ($1, $2)`, [h.date, h.office_code]);
  // Declarations are partitioned by month of reg_ts; the importer creates the partitions it needs, so does this.
  await pool.query(`SELECT ensure_declaration_partitions($1::timestamp, $2::timestamp)`, [
    DECLARATIONS.map((d) => d.reg).sort()[0],
    DECLARATIONS.map((d) => d.reg)
      .sort()
      .at(-1),
  ]);
  for (const d of DECLARATIONS) {
    const [laneInitial, laneFinal] = d.lanes.split(">");
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, regime, broker_id, importer_id, export_country, arrival_ts,
         reg_ts, lane_initial, lane_final, assignment_mode, assessing_officer_id, asmt_ts, pay_ts, release_ts,
         value_initial, value_final, taxes_initial, taxes_final, status)
       VALUES ($1, $2, 'I', 'IM4', 'BR1', 'IMP1', 'CN', $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $12, $13, $14, $15)`,
      [
        d.id,
        d.office,
        d.arrival ?? null,
        d.reg,
        laneInitial,
        laneFinal,
        d.mode ?? "auto",
        d.officer,
        d.asmt ?? null,
        d.release ?? null,
        d.value[0],
        d.value[1],
        d.taxes[0],
        d.taxes[1],
        d.status,
      ],
    );
  }
  const lastItemNo = new Map<string, number>();
  for (const [declId, hsCode, origin, netKg, cif] of ITEMS) {
    const no = (lastItemNo.get(declId) ?? 0) + 1;
    lastItemNo.set(declId, no);
    await pool.query(
      `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, gross_kg, cif_value)
       VALUES ($1, $2, $3, left($3, 6), $4, $5, $5, $6)`,
      [declId, no, hsCode, origin, netKg, cif],
    );
  }
  for (const i of INSPECTIONS) {
    await pool.query(
      `INSERT INTO inspections (decl_id, inspector_id, exam_ts, result, adjustment_amount) VALUES ($1, $2, $3, $4, $5)`,
      [i.decl_id, i.inspector_id, i.exam_ts, i.result, i.adjustment_amount],
    );
  }
  for (const [declId, ts, action, officerId] of EVENTS) {
    await pool.query(`INSERT INTO events (decl_id, ts, action, officer_id) VALUES ($1, $2, $3, $4)`, [
      declId,
      ts,
      action,
      officerId,
    ]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Expected values, by hand.

type Expected = { value: number | null; numerator: number | null; denominator: number };
/** A ratio numerator / denominator (empty set: null, 0 / 0). */
const ratio = (numerator: number, denominator: number): Expected => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});
/** A percentile or a sum: numerator null, denominator = n of its set. */
const stat = (value: number | null, n: number): Expected => ({ value, numerator: null, denominator: n });

const MARCH = { from: "2025-03-01", to: "2025-03-31" };

// Officer A1, March. B(A1) = D01 D02 D03 D04 D05 D06 D07 D09 D10 D11 D12 D14 D15 D16 D17 (OFA) + D20 (OFB) = 16
// (D08 registered 04-01 00:00:00, D13 cancelled, D18 registered in February are not in B).
const A1_MARCH: Record<KpiId, Expected> = {
  // asmt date = reg date: D01 (03-03), D04 (03-06), D05 (03-07), D14 (03-12), D15 (03-13), D16 (03-14), D20 (03-15)
  // = 7; D02, D03, D06, D17 are next-day or later, D11 is 04-01, D07 D09 D10 D12 have no asmt_ts. 7 / 16.
  P1: ratio(7, 16),
  // ≥ 120 h: D09 (as_of − 03-01 00:00 = 744 h), D10 (720 h), D11 (asmt 04-01 00:00 − 03-27 00:00 = 120 h, ≥) = 3;
  // D12 is 120 h − 1 s, D07 1 s, D17 48 h, the rest ≤ 24 h. 3 / 16.
  P2: ratio(3, 16),
  // asmt null and > 720 h: D09 (744) only; D10 is exactly 720 h. 1 / 16.
  P3: ratio(1, 16),
  // asmt − reg over the 12 assessed: D01 2, D02 23, D03 24, D04 0.5, D05 1, D06 24, D11 120, D14 2, D15 3, D16 1,
  // D17 48, D20 1. Sorted: 0.5 1 1 1 2 2 | 3 23 24 24 48 120. Median: position 0.5·11 = 5.5 → (2 + 3)/2 = 2.5.
  P4: stat(2.5, 12),
  // Position 0.9·11 = 9.9 → sorted[9] = 24, sorted[10] = 48 → 24 + 0.9·(48 − 24) = 45.6.
  P4_90: stat(45.6, 12),
  // Yellow initial: D02 (23 h ✓), D03 (24 h ✓, ≤ 24), D10 (not assessed ✗). 2 / 3.
  P5: ratio(2, 3),
  // release − reg: D01 6, D02 26, D04 31, D05 4, D06 48, D14 24, D16 6, D20 3. Sorted 3 4 6 6 | 24 26 31 48;
  // position 3.5 → (6 + 24)/2 = 15.
  P6: stat(15, 8),
  // release − arrival: D01 30, D04 55, D06 60, D16 30. Sorted 30 30 | 55 60 → (30 + 55)/2 = 42.5.
  P7: stat(42.5, 4),
  // Σ taxes_final: 100 + 300 + 0 (D03 null) + 1250 + 600 + 800 + 0 (D07) + 0 (D09) + 90 + 1200 + 10 + 150 + 220
  // + 500 + 300 + 30 = 5550; 5550 / 16 = 346.875.
  P8: ratio(5550, 16),
  // Both taxes: D01 0, D02 −100, D04 +250, D05 0, D06 0, D10 0, D11 0, D12 0, D14 −50, D15 −20, D16 0, D20 0 (12;
  // D03, D07, D09, D17 lack one). Sum = −100 + 250 − 50 − 20 = 80.
  P10: stat(80, 12),
  // E(A1): D04 03-07 (offence, 250), D13 03-11 (cancelled decl., no offence, 0), D20 03-31 23:59:59 (offence, 100);
  // D04 04-01 00:00:00 is out. Hit rate 2 / 3.
  P11: ratio(2, 3),
  // (250 + 0 + 100) / 3 = 116.67.
  P12: ratio(350, 3),
  // Not cancelled, asmt date in March: D01 03-03, D18 03-03, D02 03-05, D03 03-06, D04 03-06, D05 03-07, D06 03-11,
  // D14 03-12, D15 03-13, D16 03-14, D20 03-15, D17 03-19 = 12 over 10 distinct dates (D11 and D08: 04-01; D13
  // cancelled). 12 / 10 = 1.2.
  P13: ratio(12, 10),
  // Y/R initial: D02 Y>G ✓, D03 Y>Y, D04 R>R, D05 R>G ✓, D06 R>B ✓, D10 Y>Y, D11 R>R, D16 R>R. 3 / 8.
  I1: ratio(3, 8),
  // R initial: D04, D05, D06, D11, D16; downgraded without any inspection row: D05 only (D06 has one, dated 04-02).
  // 1 / 5.
  I2: ratio(1, 5),
  // value_final < value_initial: D02 (1500 < 2000), D15 (1100 < 1200); D03 null → false. 2 / 16.
  I4: ratio(2, 16),
  // max(ti − tf, 0): D02 100, D14 50, D15 20; D04 is an increase (0); nulls 0. 170 over n = 16.
  I5: stat(170, 16),
  // Manual: D02, D05, D14. 3 / 16.
  I7: ratio(3, 16),
  // A1's events in March: a1 … a22 = 22 (3 events dated 02-28 / 04-01 are out); OFF: a3 (OFA Saturday), a7
  // (16:00:00), a8 (07:59:59), a10 a11 (holiday 03-10), a21 (OFB's holiday, judged by OFB), a22 (15:45 after OFB's
  // 15:30) = 7. a20 (Saturday at OFB) and a12 (03-12 at OFA) are in hours. 7 / 22.
  I8: ratio(7, 22),
  // Final R: D04 (0.5 h ✓), D11 (120 h), D16 (1 h exactly, not < 1 h). 1 / 3.
  I9: ratio(1, 3),
  // G20 reference: u = 10 … 200 (20 values), position 0.1·19 = 1.9 → 20 + 0.9·(30 − 20) = 29; G19 has 19 items, no
  // reference. A1's items in G20 with net_kg > 0: D01 u10 ✓, D02 u20 ✓, D04 u30, D14 u150, D15 u200. 2 / 5.
  I10: ratio(2, 5),
  // B incl. cancelled = 16 + D13 = 17: D13 (cancelled), D02 (amend 03-08 > asmt 03-05), D14 (amend 03-13 09:00 >
  // asmt 03-12 11:00) = 3; D15's amendment precedes its assessment, D12 was never assessed. 3 / 17.
  I12: ratio(3, 17),
};

// Office OFA, March. B(OFA) = A1's 15 OFA declarations (not D20) + D30, D31 (A2) + D33 (no officer) = 18
// (D32 registered in February, D34 and D13 cancelled, D08 in April).
const OFA_MARCH: Record<KpiId, Expected> = {
  // A1's 6 OFA same-day (D01 D04 D05 D14 D15 D16) + D30 (03-04) + D31 (03-18) = 8. 8 / 18.
  P1: ratio(8, 18),
  // D09, D10, D11 + D33 (not assessed, as_of − 03-20 09:00 = 279 h ≥ 120). 4 / 18.
  P2: ratio(4, 18),
  // D09 only (D33: 279 h ≤ 720). 1 / 18.
  P3: ratio(1, 18),
  // A1's 11 OFA values (without D20's 1) + D30 3 + D31 1/3: sorted 1/3 0.5 1 1 2 2 [3] 3 23 24 24 48 120 (n = 13);
  // median = sorted[6] = 3.
  P4: stat(3, 13),
  // Position 0.9·12 = 10.8 → sorted[10] = 24, sorted[11] = 48 → 24 + 0.8·24 = 43.2.
  P4_90: stat(43.2, 13),
  // Yellow: D02 ✓, D03 ✓, D10 ✗, D33 ✗ (not assessed). 2 / 4.
  P5: ratio(2, 4),
  // D01 6, D02 26, D04 31, D05 4, D06 48, D14 24, D16 6, D30 5, D31 24. Sorted 4 5 6 6 [24] 24 26 31 48 → 24.
  P6: stat(24, 9),
  // D01 30, D04 55, D06 60, D16 30, D30 24 (03-03 14:00 → 03-04 14:00). Sorted 24 30 [30] 55 60 → 30.
  P7: stat(30, 5),
  // 5550 − 30 (D20) + 100 (D30) + 400 (D31) + 80 (D33) = 6100; 6100 / 18 = 338.89.
  P8: ratio(6100, 18),
  // A1's 11 OFA (sum 80) + D30 0 + D31 0 + D33 (80 − 100 = −20): n = 14, sum 60.
  P10: stat(60, 14),
  // E(OFA): D04 03-07 (offence, 250), D13 03-11 (0), D16 03-14 (null), D31 03-18 (offence, 150), D33 03-21
  // (inspector null, 0); D06 04-02, D04 04-01, D32 02-28 23:59:59 are out. 2 / 5.
  P11: ratio(2, 5),
  // (250 + 0 + 0 + 150 + 0) / 5 = 80.
  P12: ratio(400, 5),
  // A1's 11 OFA (9 dates: 03-03 05 06 07 11 12 13 14 19) + D30 03-04, D31 03-18, D32 03-03 = 14 over 11 dates.
  P13: ratio(14, 11),
  // Y/R initial: A1's 8 (3 downgraded) + D31 R>R + D33 Y>Y = 10. 3 / 10.
  I1: ratio(3, 10),
  // R initial: D04 D05 D06 D11 D16 D31 = 6; D05 only. 1 / 6.
  I2: ratio(1, 6),
  // D02, D15, D33 (400 < 500). 3 / 18.
  I4: ratio(3, 18),
  // 170 + D33 (100 − 80 = 20) = 190, n = 18.
  I5: stat(190, 18),
  // Manual: D02, D05, D14 (D34 is cancelled). 3 / 18.
  I7: ratio(3, 18),
  // Events on OFA declarations in March: A1's a1–a19 (19, OFF a3 a7 a8 a10 a11 = 5), A2's b1–b5 (5, OFF b3 b5 = 2),
  // B1's c3 (OFA Saturday, OFF). 8 / 25.
  I8: ratio(8, 25),
  // Final R: D04 ✓ (0.5 h), D11, D16, D31 ✓ (20 min). 2 / 4.
  I9: ratio(2, 4),
  // G20 items of OFA: A1's 5 (u10 ✓, u20 ✓, 30, 150, 200) + D30 (40 50 60) + D33 (70 80) = 10. 2 / 10.
  I10: ratio(2, 10),
  // 18 + D13 + D34 = 20: D13, D34 (cancelled), D02, D14, D31 (amend 03-22 > asmt 03-18). 5 / 20.
  I12: ratio(5, 20),
};

const EMPTY: Record<KpiId, Expected> = Object.fromEntries(
  KPI_IDS.map((id) => [id, ["P4", "P4_90", "P6", "P7", "P10", "I5"].includes(id) ? stat(null, 0) : ratio(0, 0)]),
) as Record<KpiId, Expected>;

type Case = { subject: SubjectType; id: string; period: { from: string; to: string }; kpi: KpiId; expected: Expected };
const cases: Case[] = [
  ...KPI_IDS.map((kpi): Case => ({ subject: "officer", id: "A1", period: MARCH, kpi, expected: A1_MARCH[kpi] })),
  ...KPI_IDS.map((kpi): Case => ({ subject: "office", id: "OFA", period: MARCH, kpi, expected: OFA_MARCH[kpi] })),
  // Readings (see tests/support/kpi-oracle.ts): OFD and D1 have the same declarations D40 and D41 (B = 2).
  ...(["officer/D1", "office/OFD"] as const).flatMap((subjectAndId) => {
    const [subject, id] = subjectAndId.split("/") as [SubjectType, string];
    return (
      [
        // Spec-explicit: null taxes_final counts as 0, so Σ = 0 + 50 = 50 over #B = 2 → 25.
        ["P8", ratio(50, 2)],
        // Reading: P10's set is "B with both taxes not null": empty here (D40 has none, D41 lacks taxes_initial)
        // → null value, n = 0, although B is not empty.
        ["P10", stat(null, 0)],
        // I5's set is B (n = 2); both declarations contribute 0 → a value of 0, not null.
        ["I5", stat(0, 2)],
        // Reading: an inspection whose adjustment_amount is null is one of #E and adds 0 → 0 / 1 = 0, numerator 0.
        ["P12", ratio(0, 1)],
        ["P11", ratio(0, 1)],
        // Reading: "facts recorded after as_of count": D41, assessed 04-15, is not backlog (asmt_ts not null) …
        ["P3", ratio(0, 2)],
        // … and its late assessment counts in P2 (1080 h ≥ 120) and P4: D40 1, D41 1080 → median 540.5.
        ["P2", ratio(1, 2)],
        ["P4", stat(540.5, 2)],
        // Reading: (090111, ET) has 20 items with net_kg > 0, so it has a reference although one has no cif_value;
        // p10 over the 19 known unit values 1 … 19: position 0.1·18 = 1.8 → 2 + 0.8·(3 − 2) = 2.8; items below: u 1
        // and u 2; the item without cif_value is one of "those items" but not below. 2 / 20.
        ["I10", ratio(2, 20)],
      ] as [KpiId, Expected][]
    ).map(([kpi, expected]): Case => ({ subject, id, period: MARCH, kpi, expected }));
  }),
  // Z1 and OFC have no data at all: every KPI has an empty set.
  ...KPI_IDS.map((kpi): Case => ({ subject: "officer", id: "Z1", period: MARCH, kpi, expected: EMPTY[kpi] })),
  ...KPI_IDS.map((kpi): Case => ({ subject: "office", id: "OFC", period: MARCH, kpi, expected: EMPTY[kpi] })),
  ...(
    [
      // A2: B = D30, D31 (no yellow lane) → P5 has an empty set while B is not empty.
      ["officer", "A2", "P5", ratio(0, 0)],
      // a: D30 3, D31 1/3 → median 1/3 + 0.5·(3 − 1/3) = 5/3; p90 1/3 + 0.9·(8/3) = 2.7333…
      ["officer", "A2", "P4", stat(5 / 3, 2)],
      ["officer", "A2", "P4_90", stat(1 / 3 + 0.9 * (8 / 3), 2)],
      // E(A2): D16 (no offence, adjustment null), D31 (offence, 150); D06 04-02 and D32 02-28 out. 1/2, 150/2.
      ["officer", "A2", "P11", ratio(1, 2)],
      ["officer", "A2", "P12", ratio(150, 2)],
      // D30 in, D31 assess in, D31 amend Saturday OFF, D32 in, D34 cancel 18:30 OFF. 2 / 5.
      ["officer", "A2", "I8", ratio(2, 5)],
      // D30's G20 items u 40 50 60: none below 29. 0 / 3 (a value of 0, not null).
      ["officer", "A2", "I10", ratio(0, 3)],
      // D30 03-04, D31 03-18, D32 03-03 (registered in February). 3 / 3.
      ["officer", "A2", "P13", ratio(3, 3)],
      // B incl. cancelled: D30, D31, D34. D34 cancelled, D31 amended after assessment. 2 / 3.
      ["officer", "A2", "I12", ratio(2, 3)],
      // B1: E empty → P11, P12 empty; D22 is yellow assessed after 48 h → P5 = 0 / 1.
      ["officer", "B1", "P11", ratio(0, 0)],
      ["officer", "B1", "P12", ratio(0, 0)],
      ["officer", "B1", "P5", ratio(0, 1)],
      // c1 OFB holiday OFF, c2 in, c3 on an OFA declaration on Saturday (judged by OFA) OFF. 2 / 3.
      ["officer", "B1", "I8", ratio(2, 3)],
      // OFB: A1's a20 in, a21 OFF, a22 OFF; B1's c1 OFF, c2 in. 3 / 5.
      ["office", "OFB", "I8", ratio(3, 5)],
      // D21 (u 90 … 140) and D22 (u 160 … 190): 10 G20 items, none below 29; D22's G19 items have no reference.
      ["office", "OFB", "I10", ratio(0, 10)],
      // E(OFB): D20 03-31 23:59:59 (offence, 100), inspected by A1 of office OFA.
      ["office", "OFB", "P11", ratio(1, 1)],
      ["office", "OFB", "P12", ratio(100, 1)],
    ] as [SubjectType, string, KpiId, Expected][]
  ).map(([subject, id, kpi, expected]): Case => ({ subject, id, period: MARCH, kpi, expected })),
  ...(
    [
      // Single day 2025-04-01: B(A1) = D08 only (registered 04-01 00:00:00); D07 (03-31 23:59:59) is out.
      ["P1", ratio(1, 1)], // asmt 04-01 08:30 same day
      ["I7", ratio(1, 1)], // manual
      ["I4", ratio(1, 1)], // 10 < 9000
      // D08 (asmt 04-01 08:30) and D11 (asmt exactly 04-01 00:00:00) over 1 date. 2 / 1.
      ["P13", ratio(2, 1)],
      // D11 assess 04-01 00:00:00 (Tue before opening) OFF, D08 assess 08:30 in. 1 / 2.
      ["I8", ratio(1, 2)],
      // E: D04 exam 04-01 00:00:00 (offence, 999).
      ["P11", ratio(1, 1)],
      ["P12", ratio(999, 1)],
      // D08's items: one per group, no group reaches 20 items on that day → no reference, empty set.
      ["I10", ratio(0, 0)],
    ] as [KpiId, Expected][]
  ).map(([kpi, expected]): Case => ({
    subject: "officer",
    id: "A1",
    period: { from: "2025-04-01", to: "2025-04-01" },
    kpi,
    expected,
  })),
];

// ---------------------------------------------------------------------------------------------------------------
// Assertions, shared by the oracle and the engine.

type Compute = (params: { from: string; to: string; subject: SubjectType }) => Promise<KpiRow[]>;

function checkAgainstHandValues(name: string, compute: Compute) {
  describe(`${name} on the hand-made fixture`, () => {
    const results = new Map<string, Promise<KpiRow[]>>();
    // One computation per (period, subject type), shared by the cases.
    const rowsFor = (period: { from: string; to: string }, subject: SubjectType) => {
      const key = `${period.from}/${period.to}/${subject}`;
      if (!results.has(key)) results.set(key, compute({ ...period, subject }));
      return results.get(key)!;
    };

    it.each(["officer", "office"] as const)(
      "returns one row per KPI for every %s, with the period",
      async (subject) => {
        const rows = await rowsFor(MARCH, subject);
        const subjects = subject === "officer" ? OFFICERS.map((o) => o.officer_id) : OFFICES.map((o) => o.office_code);
        const keys = rows.map((r) => `${r.subjectType}/${r.subjectId}/${r.kpiId}`).sort();
        expect(keys).toEqual(subjects.flatMap((s) => KPI_IDS.map((k) => `${subject}/${s}/${k}`)).sort());
        for (const row of rows) expect([row.periodFrom, row.periodTo]).toEqual([MARCH.from, MARCH.to]);
      },
    );

    it.each(cases.map((c) => [`${c.subject} ${c.id} ${c.period.from}…${c.period.to} ${c.kpi}`, c] as const))(
      "%s",
      async (_label, c) => {
        const rows = await rowsFor(c.period, c.subject);
        const row = rows.find((r) => r.subjectId === c.id && r.kpiId === c.kpi);
        expect(row, "row present").toBeDefined();
        const got = row!;
        if (c.expected.value === null) expect(got.value, "value").toBeNull();
        else expect(got.value, "value").toBeCloseTo(c.expected.value, 9);
        if (c.expected.numerator === null) expect(got.numerator, "numerator").toBeNull();
        else expect(got.numerator, "numerator").toBeCloseTo(c.expected.numerator, 9);
        expect(got.denominator, "denominator").toBe(c.expected.denominator);
      },
    );
  });
}

beforeAll(loadFixture);

checkAgainstHandValues("naive oracle", oracleKpis);
checkAgainstHandValues("computeKpis (engine)", computeKpis);
