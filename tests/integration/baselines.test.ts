// `pmc baselines` (docs/cli.md) on a small hand-made data set: the percentiles below were worked out by hand from
// the rows of this file, and every row of the CSV is also checked against the values `pmc kpis` writes for the
// same period and subject type, with percentile_cont's rule applied to them here in plain code.
//
// Period: March 2025. Offices OA, OB, OC (no data). Officers A1–A4 (OA, unit "North" for A1 and A2, "South" for
// A3 and A4), B1 and B2 (OB, "Gate"), Z1 (OB, no declaration at all).
//
// Same-day assessment (P1 = same-day / live declarations):
//   A1 2/2 = 1     A2 1/4 = 0.25     A3 1/2 = 0.5     A4 0/1 = 0     B1 4/5 = 0.8
//   B2 has one cancelled declaration only: no live one, P1 empty (left out); I12 = 1/1 = 1.
//   Z1: empty everywhere.
// percentile_cont(p) over n sorted values v0..v(n-1): h = p·(n − 1), v⌊h⌋ + (h − ⌊h⌋)·(v⌊h⌋+1 − v⌊h⌋).
//   ALL (0, 0.25, 0.5, 0.8, 1; n 5, h = 4p): p10 h 0.4 → 0.1; p25 h 1 → 0.25; p50 h 2 → 0.5; p75 h 3 → 0.8;
//     p90 h 3.6 → 0.8 + 0.6·0.2 = 0.92.
//   OA (0, 0.25, 0.5, 1; n 4, h = 3p): p10 h 0.3 → 0.075; p25 h 0.75 → 0.1875; p50 h 1.5 → 0.375;
//     p75 h 2.25 → 0.5 + 0.25·0.5 = 0.625; p90 h 2.7 → 0.5 + 0.7·0.5 = 0.85.
//   OB (0.8; n 1): every percentile 0.8.
// Offices: OA 4/9, OB 4/5 (B2's cancelled one is not live), OC empty: ALL n 2, p10 = 4/9 + 0.1·(4/5 − 4/9).
// No inspection at all: P11 and P12 have no row.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { baselinesOf, computeBaselines } from "@/lib/kpis/baselines";
import { clearClearanceData } from "@/tests/support/clearance-db";

const OFFICERS = [
  ["A1", "OA", "North"],
  ["A2", "OA", "North"],
  ["A3", "OA", "South"],
  ["A4", "OA", "South"],
  ["B1", "OB", "Gate"],
  ["B2", "OB", "Gate"],
  ["Z1", "OB", "Gate"],
] as const;

// [officer, number of live declarations, how many assessed the same day, cancelled ones]
const VOLUMES: [string, number, number, number][] = [
  ["A1", 2, 2, 0],
  ["A2", 4, 1, 0],
  ["A3", 2, 1, 0],
  ["A4", 1, 0, 0],
  ["B1", 5, 4, 0],
  ["B2", 0, 0, 1],
];

async function loadFixture(): Promise<void> {
  await clearClearanceData();
  for (const code of ["OA", "OB", "OC"])
    await pool.query(
      `INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES ($1, $1, '08:00', '16:00', '{1,2,3,4,5}')`,
      [code],
    );
  for (const [id, office, unit] of OFFICERS)
    await pool.query(`INSERT INTO officers (officer_id, full_name, office_code, unit) VALUES ($1, $1, $2, $3)`, [
      id,
      office,
      unit,
    ]);
  await pool.query(`SELECT ensure_declaration_partitions('2025-03-01'::timestamp, '2025-03-31'::timestamp)`);
  let seq = 0;
  for (const [officer, live, sameDay, cancelled] of VOLUMES) {
    const office = OFFICERS.find((o) => o[0] === officer)![1];
    for (let i = 0; i < live + cancelled; i++) {
      seq++;
      const day = String(3 + (seq % 20)).padStart(2, "0");
      const isCancelled = i >= live;
      // Same-day: assessed two hours after registration; otherwise the next day.
      const asmt = isCancelled ? null : i < sameDay ? `2025-03-${day} 11:00:00` : `2025-03-${day} 09:00:00+1 day`;
      await pool.query(
        `INSERT INTO declarations (decl_id, office_code, flow, regime, broker_id, importer_id, export_country, reg_ts,
           lane_initial, lane_final, assignment_mode, assessing_officer_id, asmt_ts, value_initial, value_final,
           taxes_initial, taxes_final, status)
         VALUES ($1, $2, 'I', 'IM4', 'BR1', 'IMP1', 'CN', $3::timestamp, 'G', 'G', 'auto', $4,
                 CASE WHEN $5::text IS NULL THEN NULL WHEN $5 LIKE '%+1 day' THEN $3::timestamp + interval '24 hours'
                      ELSE $5::timestamp END,
                 1000, 1000, $6, $6, $7)`,
        [
          `D${String(seq).padStart(2, "0")}`,
          office,
          `2025-03-${day} 09:00:00`,
          officer,
          asmt,
          100 * seq,
          isCancelled ? "cancelled" : "assessed",
        ],
      );
    }
  }
}

const run = promisify(execFile);

async function cli(args: string[]): Promise<Record<string, string>[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pmc-baselines-"));
  const out = path.join(dir, "out.csv");
  await run(process.execPath, ["bin/pmc.mjs", ...args, "--out", out], { env: process.env });
  const [header, ...lines] = (await readFile(out, "utf8")).trim().split("\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i]!, cell])));
}

// percentile_cont as PostgreSQL documents it, written out independently of the product.
function percentileCont(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
}

const MARCH = ["--from", "2025-03-01", "--to", "2025-03-31"];
const row = (rows: Record<string, string>[], kpi: string, group: string) =>
  rows.find((r) => r.kpi_id === kpi && r.group === group);

beforeAll(loadFixture);
afterAll(async () => {
  await clearClearanceData();
});

describe("pmc baselines", () => {
  it("writes the header and the hand-worked percentiles of P1 over officers, all and per office", async () => {
    const rows = await cli(["baselines", ...MARCH, "--subject", "officer"]);
    const text = Object.keys(rows[0]!).join(",");
    expect(text).toBe("kpi_id,group,n_subjects,p10,p25,p50,p75,p90");
    const expected = {
      ALL: [5, 0.1, 0.25, 0.5, 0.8, 0.92],
      OA: [4, 0.075, 0.1875, 0.375, 0.625, 0.85],
      OB: [1, 0.8, 0.8, 0.8, 0.8, 0.8],
    };
    for (const [group, [n, ...ps]] of Object.entries(expected)) {
      const r = row(rows, "P1", group)!;
      expect(r, group).toBeDefined();
      expect(Number(r.n_subjects), group).toBe(n);
      ["p10", "p25", "p50", "p75", "p90"].forEach((col, i) =>
        expect(Number(r[col]), `${group} ${col}`).toBeCloseTo(ps[i]!, 12),
      );
    }
    // OC has no officer; no office beyond OA and OB has a row; B2 counts in I12 only (1 of its 1 is cancelled).
    expect(rows.filter((r) => r.kpi_id === "P1").map((r) => r.group)).toEqual(["ALL", "OA", "OB"]);
    expect(Number(row(rows, "I12", "OB")!.n_subjects)).toBe(2);
    expect(Number(row(rows, "I12", "OB")!.p90)).toBeCloseTo(0.9, 12);
    // No inspection in the period: no row at all for the KPIs of inspections.
    expect(rows.filter((r) => r.kpi_id === "P11" || r.kpi_id === "P12")).toEqual([]);
  });

  it("over offices, gives one ALL row per KPI from the offices' own values", async () => {
    const rows = await cli(["baselines", ...MARCH, "--subject", "office"]);
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(["ALL"]));
    const p1 = row(rows, "P1", "ALL")!;
    expect(Number(p1.n_subjects)).toBe(2);
    expect(Number(p1.p10)).toBeCloseTo(4 / 9 + 0.1 * (4 / 5 - 4 / 9), 12);
    expect(Number(p1.p50)).toBeCloseTo((4 / 9 + 4 / 5) / 2, 12);
  });

  it.each(["officer", "office"])("agrees, row for row, with the values pmc kpis writes (%s)", async (subject) => {
    const [kpis, baselines] = [
      await cli(["kpis", ...MARCH, "--subject", subject]),
      await cli(["baselines", ...MARCH, "--subject", subject]),
    ];
    const officeOf = new Map(OFFICERS.map(([id, office]) => [id as string, office as string]));
    const expected = new Map<string, number[]>();
    for (const k of kpis) {
      if (k.value === "") continue;
      const groups = subject === "officer" ? ["ALL", officeOf.get(k.subject_id!)!] : ["ALL"];
      for (const g of groups) {
        const key = `${k.kpi_id}|${g}`;
        expected.set(key, [...(expected.get(key) ?? []), Number(k.value)]);
      }
    }
    expect(baselines.map((b) => `${b.kpi_id}|${b.group}`).sort()).toEqual([...expected.keys()].sort());
    for (const b of baselines) {
      const values = expected.get(`${b.kpi_id}|${b.group}`)!;
      expect(Number(b.n_subjects)).toBe(values.length);
      for (const [col, p] of [
        ["p10", 0.1],
        ["p25", 0.25],
        ["p50", 0.5],
        ["p75", 0.75],
        ["p90", 0.9],
      ] as const)
        expect(Number(b[col]), `${b.kpi_id} ${b.group} ${col}`).toBeCloseTo(percentileCont(values, p), 9);
    }
  });

  it("groups officers by unit when asked, and a group without values has no row", async () => {
    const { baselines } = await computeBaselines({
      from: "2025-03-01",
      to: "2025-03-31",
      subject: "officer",
      kpiIds: ["P1"],
      groupBy: ["unit"],
    });
    // North: A1 1, A2 0.25 → p50 0.625; South: A3 0.5, A4 0 → p50 0.25; Gate: B1 0.8 (B2 and Z1 empty).
    expect(baselines.map((b) => [b.group, b.nSubjects, b.p50])).toEqual([
      ["ALL", 5, 0.5],
      ["OA/North", 2, 0.625],
      ["OA/South", 2, 0.25],
      ["OB/Gate", 1, 0.8],
    ]);
    expect(await baselinesOf([{ subjectId: "A1", kpiId: "P1", value: null }], "officer", ["office"])).toEqual([]);
  });
});
