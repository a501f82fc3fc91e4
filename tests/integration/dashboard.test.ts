// The dashboards against real PostgreSQL: the overview reads only stored KPI cells (a contract whose clipped months
// were never computed is pending until contracts.refresh-indicators has run), scores and trends as worked out by
// hand below, filters, sort and scoping; the office page's series and distribution; the officer's standing among
// colleagues without any colleague's id; the overview export. Declarations are inserted here.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import type { Actor } from "@/lib/auth/session-user";
import { createContract } from "@/lib/contracts/create-contract";
import { signContract } from "@/lib/contracts/sign-contract";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import { computeAndStoreKpis } from "@/lib/kpis/store-kpis";
import type { KpiId } from "@/lib/kpis/catalogue";
import { contractOverview } from "@/lib/dashboard/contract-overview";
import { overviewExportResponse } from "@/lib/dashboard/overview-export";
import { subjectExportResponse } from "@/lib/dashboard/subject-export";
import { monthlyValues, officerValues, subjectTerms } from "@/lib/dashboard/subject-dashboard";
import { peerStanding } from "@/lib/dashboard/peer-standing";
import { visibleOfficeOrThrow, visibleOffices } from "@/lib/dashboard/dashboard-scope";

const run = randomUUID().slice(0, 6).toUpperCase();
const OFFICE = `DA${run}`;
const OTHER = `DB${run}`;
const A = `A${run}`;
const PEERS = [1, 2, 3, 4, 5].map((k) => `P${k}${run}`);
const TODAY = "2026-12-01";

const actors = {} as Record<"manager" | "otherManager" | "national", Actor>;

// Officer A (unit U1) — contract from 10 March to 31 May 2025, P1 (threshold 0.4, target 0.8, weight 60) and I7
// (threshold 0.2, target 0.05, weight 40), minimum volume 5:
//   March (10–31): 10 declarations, 5 same-day, 2 manual → P1 0.5 → 0.25 × 60 = 15; I7 0.2 → 0 → overall 15
//   April: 10 declarations, 9 same-day, 1 manual → P1 0.9 → 60; I7 0.1 → (0.1 − 0.2)/(0.05 − 0.2) = 2/3 → 26.667;
//          overall 86.667, +71.667 on March
//   so far (10 March – 31 May): P1 14/20 = 0.7 → 0.75 × 60 = 45; I7 3/20 = 0.15 → 1/3 × 40 = 13.333; overall 58.333
// Peers P1..P5 in April (P1, P2 in U1; P3..P5 in U2): 10 declarations each, 2k same-day, none manual →
//   P1 values 0.2, 0.4, 0.6, 0.8, 1.0; A's 0.9 beats four of five (0.8); on I7 A's 0.1 beats nobody's 0.
// Unit U2's contract (April, P1 only, threshold 0.4, target 0.8): P1 = (6 + 8 + 10)/30 = 0.8 → 100.
const DECLARATIONS = [
  { officer: A, month: 3, firstDay: 10, count: 10, sameDay: 5, manual: 2 },
  { officer: A, month: 4, firstDay: 1, count: 10, sameDay: 9, manual: 1 },
  ...PEERS.map((officer, k) => ({ officer, month: 4, firstDay: 1, count: 10, sameDay: 2 * (k + 1), manual: 0 })),
];

const TERMS: { kpiId: KpiId; threshold: number; target: number; weight: number; minVolume: number }[] = [
  { kpiId: "P1", threshold: 0.4, target: 0.8, weight: 60, minVolume: 5 },
  { kpiId: "I7", threshold: 0.2, target: 0.05, weight: 40, minVolume: 5 },
];

let officerContract = 0;
let unitContract = 0;

async function insertDeclarations() {
  await pool.query(`SELECT ensure_declaration_partitions('2025-01-01', '2025-12-31')`);
  for (const d of DECLARATIONS) {
    await pool.query(
      `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode,
                                 assessing_officer_id, asmt_ts, taxes_final, status)
       SELECT $1::text || '-' || $2::int || '-' || i, $3::text, 'I'::"Flow", make_timestamp(2025, $2::int, $7::int + i, 9, 0, 0),
              'G'::"Lane", 'G'::"Lane", (CASE WHEN i < $6::int THEN 'manual' ELSE 'auto' END)::"AssignmentMode", $1::text,
              make_timestamp(2025, $2::int, $7::int + i, 9, 0, 0) + CASE WHEN i < $5::int THEN interval '2 hours' ELSE interval '1 day' END,
              1000, 'assessed'::"DeclarationStatus"
         FROM generate_series(0, $4::int - 1) AS i`,
      [d.officer, d.month, OFFICE, d.count, d.sameDay, d.manual, d.firstDay],
    );
  }
}

beforeAll(async () => {
  await db.office.createMany({
    data: [OFFICE, OTHER].map((officeCode) => ({
      officeCode,
      name: `Office ${officeCode}`,
      openTime: "07:30",
      closeTime: "15:30",
      workdays: [1, 2, 3, 4, 5],
    })),
  });
  await db.officer.createMany({
    data: [
      { officerId: A, fullName: "Awa Dash", officeCode: OFFICE, unit: "U1" },
      ...PEERS.map((officerId, k) => ({
        officerId,
        fullName: `Peer ${k + 1}`,
        officeCode: OFFICE,
        unit: k < 2 ? "U1" : "U2",
      })),
    ],
  });
  const user = async (key: keyof typeof actors, officeCode: string | null) => {
    const row = await db.user.create({
      data: {
        email: `${key}-${run}@test.local`,
        name: `Test ${key}`,
        role: "MANAGER",
        officeCode,
        passwordHash: "unused",
      },
    });
    actors[key] = { id: row.id, role: "MANAGER", officeCode, officerId: null };
  };
  await user("manager", OFFICE);
  await user("otherManager", OTHER);
  await user("national", null);
  await insertDeclarations();
  await db.importBatch.create({
    data: {
      kind: "CANONICAL",
      sourceName: `dashboard-${run}`,
      sourcePath: "/dev/null",
      sha256: "0",
      status: "SUCCEEDED",
    },
  });
  // What the kpis.compute jobs store after an import: calendar months, every subject type.
  for (const month of [
    { from: "2025-03-01", to: "2025-03-31" },
    { from: "2025-04-01", to: "2025-04-30" },
  ]) {
    for (const subject of ["officer", "unit", "office"] as const) await computeAndStoreKpis({ ...month, subject });
  }
  ({ id: officerContract } = await createContract(
    {
      title: `Dash ${run}`,
      partyType: "OFFICER",
      partyOfficerId: A,
      officeCode: OFFICE,
      periodFrom: "2025-03-10",
      periodTo: "2025-05-31",
      indicators: TERMS,
    },
    actors.manager,
  ));
  await signContract(officerContract, actors.manager);
  ({ id: unitContract } = await createContract(
    {
      title: `Unit U2 ${run}`,
      partyType: "UNIT",
      partyUnit: "U2",
      officeCode: OFFICE,
      periodFrom: "2025-04-01",
      periodTo: "2025-04-30",
      indicators: [{ kpiId: "P1", threshold: 0.4, target: 0.8, weight: 100, minVolume: 5 }],
    },
    actors.manager,
  ));
  await signContract(unitContract, actors.manager);
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const filters = (extra: Partial<Parameters<typeof contractOverview>[1]> = {}) => ({
  office: "",
  unit: "",
  month: "2025-04",
  sort: "score-asc" as const,
  page: 1,
  ...extra,
});

describe("manager overview", () => {
  it("lists a contract whose clipped months were never computed as pending, without computing anything", async () => {
    const before = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_results`);
    const march = await contractOverview(actors.manager, filters({ month: "2025-03" }), TODAY);
    expect(march.rows.map((r) => [r.id, r.pending, r.monthScore])).toEqual([[officerContract, true, null]]);
    expect(march.stale.length).toBeGreaterThan(0);
    const after = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_results`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it("shows the hand-worked scores, lights and trend once the refresh job has stored the contract's cells", async () => {
    await refreshContractIndicators(TODAY);
    const march = await contractOverview(actors.manager, filters({ month: "2025-03" }), TODAY);
    expect(march.stale).toEqual([]);
    const [m] = march.rows;
    expect(m!.monthPeriod).toEqual({ from: "2025-03-10", to: "2025-03-31" });
    expect(m!.monthScore).toBeCloseTo(15, 9);
    expect(m!.indicators.map((i) => [i.kpiId, i.value, i.n, i.status])).toEqual([
      ["P1", 0.5, 10, "between"],
      // Exactly at its threshold: met, scoring 0 (scoring.ts).
      ["I7", 0.2, 10, "between"],
    ]);

    const april = await contractOverview(actors.manager, filters(), TODAY);
    expect(april.total).toBe(2);
    const a = april.rows.find((r) => r.id === officerContract)!;
    expect(a.monthScore).toBeCloseTo(60 + 40 * (2 / 3), 9);
    expect(a.previousScore).toBeCloseTo(15, 9);
    expect(a.trend?.trend).toBe("up");
    expect(a.trend?.delta).toBeCloseTo(60 + 40 * (2 / 3) - 15, 9);
    expect(a.soFarScore).toBeCloseTo(45 + 40 / 3, 9);
    expect(a.indicators.map((i) => i.status)).toEqual(["target_met", "between"]);
    const u = april.rows.find((r) => r.id === unitContract)!;
    expect(u.monthScore).toBe(100);
    expect(u.trend).toBeNull();
    expect(u.unit).toBe("U2");
    // Lowest score first, then highest first.
    expect(april.rows.map((r) => r.id)).toEqual([officerContract, unitContract]);
    expect(
      (await contractOverview(actors.manager, filters({ sort: "score-desc" }), TODAY)).rows.map((r) => r.id),
    ).toEqual([unitContract, officerContract]);
    expect(april.summary).toEqual({ medianScore: expect.closeTo((100 + 86.6667) / 2, 3), improving: 1, worsening: 0 });
  });

  it("filters by unit and office, and shows nothing of an office the manager does not run", async () => {
    expect((await contractOverview(actors.manager, filters({ unit: "U2" }), TODAY)).rows.map((r) => r.id)).toEqual([
      unitContract,
    ]);
    expect((await contractOverview(actors.manager, filters({ unit: "U1" }), TODAY)).rows.map((r) => r.id)).toEqual([
      officerContract,
    ]);
    expect((await contractOverview(actors.national, filters({ office: OFFICE }), TODAY)).total).toBe(2);
    expect((await contractOverview(actors.national, filters({ office: OTHER }), TODAY)).total).toBe(0);
    expect((await contractOverview(actors.otherManager, filters(), TODAY)).total).toBe(0);
    // A month outside both contracts lists nothing.
    expect((await contractOverview(actors.manager, filters({ month: "2025-07" }), TODAY)).total).toBe(0);
  });

  it("exports the same rows with every indicator's value and n", async () => {
    const response = await overviewExportResponse(
      actors.manager,
      new URLSearchParams({ month: "2025-04", sort: "score-asc" }),
      "csv",
    );
    const [header, ...lines] = (await response.text()).trim().split("\r\n");
    const columns = header!.split(",");
    const rows = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v])));
    expect(rows.map((r) => r.contract_id)).toEqual([String(officerContract), String(unitContract)]);
    expect(rows[0]).toMatchObject({
      officer_id: A,
      P1_value: "0.9",
      P1_n: "10",
      I7_value: "0.1",
      I7_status: "between",
      month_from: "2025-04-01",
    });
    const xlsx = await overviewExportResponse(actors.manager, new URLSearchParams({ month: "2025-04" }), "xlsx");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});

describe("office and unit pages", () => {
  it("reads the office's calendar months and its officers' values from the stored results", async () => {
    const series = await monthlyValues({ type: "office", id: OFFICE }, ["P1", "P8"]);
    // March: A's 10 (5 same-day); April: 60 declarations, 9 + 2 + 4 + 6 + 8 + 10 = 39 same-day.
    expect(series.get("P1")).toEqual([
      { month: "2025-03", value: 0.5, numerator: 5, denominator: 10 },
      { month: "2025-04", value: 39 / 60, numerator: 39, denominator: 60 },
    ]);
    expect(series.get("P8")?.map((m) => [m.month, m.numerator])).toEqual([
      ["2025-03", 10_000],
      ["2025-04", 60_000],
    ]);
    const unit = await officerValues(OFFICE, "U2", "P1", "2025-04");
    expect(unit.map((o) => [o.officerId, o.value, o.n])).toEqual([
      [PEERS[2], 0.6, 10],
      [PEERS[3], 0.8, 10],
      [PEERS[4], 1, 10],
    ]);
    expect((await officerValues(OFFICE, null, "P1", "2025-04")).map((o) => o.officerId)).toEqual([
      ...PEERS.slice(0, 4),
      A,
      PEERS[4],
    ]);
    const terms = await subjectTerms({ type: "unit", id: `${OFFICE}/U2`, officeCode: OFFICE, unit: "U2" }, "2025-04");
    expect(terms.get("P1")).toMatchObject({ threshold: 0.4, target: 0.8, contractId: unitContract });
  });

  it("exports the month's KPI table and the officers on one KPI, within the manager's reach only", async () => {
    const manager = { ...actors.manager, email: "", name: "", locale: "en" as const };
    const kpis = await (
      await subjectExportResponse(manager, new URLSearchParams({ office: OFFICE, month: "2025-04" }), "csv")
    ).text();
    const p1 = kpis
      .split("\r\n")
      .find((l) => l.includes(",P1,"))!
      .split(",");
    // A rate (share), value 39/60, numerator 39, n 60, March 0.5; the office has no contract of its own: no threshold
    // or target.
    expect(p1.slice(5)).toEqual(["share", String(39 / 60), "39", "60", "0.5", "", ""]);
    // Money says its currency.
    expect(
      kpis
        .split("\r\n")
        .find((l) => l.includes(",P8,"))!
        .split(",")[5],
    ).toBe("XAF");
    const officers = await (
      await subjectExportResponse(
        manager,
        new URLSearchParams({ office: OFFICE, unit: "U2", month: "2025-04", kpi: "P1", table: "officers" }),
        "csv",
      )
    ).text();
    expect(
      officers
        .trim()
        .split("\r\n")
        .slice(1)
        .map((l) => l.split(",")[0]),
    ).toEqual(PEERS.slice(2));
    const other = { ...actors.otherManager, email: "", name: "", locale: "en" as const };
    await expect(
      subjectExportResponse(other, new URLSearchParams({ office: OFFICE, month: "2025-04" }), "csv"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("opens only offices and units within the manager's reach", async () => {
    expect((await visibleOffices(actors.manager)).map((o) => o.officeCode)).toEqual([OFFICE]);
    expect((await visibleOfficeOrThrow(actors.manager, OFFICE, "U2")).units).toEqual(["U1", "U2"]);
    await expect(visibleOfficeOrThrow(actors.otherManager, OFFICE)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(visibleOfficeOrThrow(actors.manager, OFFICE, "Ghost")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("officer's standing among colleagues", () => {
  it("says how many colleagues the officer beats, in ranges only, never naming them", async () => {
    const standing = await peerStanding(A, TERMS, "2025-04");
    const p1 = standing.find((s) => s.kpiId === "P1")!;
    expect(p1).toMatchObject({ own: 0.9, ownN: 10, peers: 5, beaten: 0.8 });
    expect(p1.bins.reduce((n, b) => n + b.count, 0)).toBe(6);
    expect(p1.bins[p1.ownBin]!.from).toBeLessThanOrEqual(0.9);
    expect(standing.find((s) => s.kpiId === "I7")).toMatchObject({ own: 0.1, beaten: 0 });
    expect(JSON.stringify(standing)).not.toMatch(new RegExp(PEERS.join("|")));
  });

  it("shows nothing with fewer than five comparable colleagues", async () => {
    // A minimum volume of 11 declarations leaves every colleague (10 each) out.
    const [s] = await peerStanding(A, [{ kpiId: "P1", minVolume: 11 }], "2025-04");
    expect(s).toMatchObject({ own: 0.9, peers: 0, beaten: null, bins: [], ownBin: -1 });
  });
});
