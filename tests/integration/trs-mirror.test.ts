// The Time Release Study and the mirror analysis (docs/indicators.md) on the hand-made data set of
// tests/support/analysis-fixture.ts. Every expected number below is worked out by hand from those rows; the
// arithmetic is in the comments. Percentiles are percentile_cont: p of n sorted values v0..v(n−1) is
// v⌊x⌋ + (x − ⌊x⌋)(v⌊x⌋+1 − v⌊x⌋) with x = p(n − 1).
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { computeTrs, type TrsRow } from "@/lib/trs/compute-trs";
import { computeAndStoreTrs } from "@/lib/trs/store-trs";
import { computeMirror, type MirrorRow } from "@/lib/mirror/compute-mirror";
import { computeAndStoreMirror } from "@/lib/mirror/store-mirror";
import { loadAnalysisFixture } from "@/tests/support/analysis-fixture";

const MARCH = { from: "2025-03-01", to: "2025-03-31" };

type Expected = [
  office: string,
  lane: string,
  interval: string,
  count: number,
  mean: number | null,
  median: number | null,
  p90: number | null,
  censored: number,
];

// TRS of March 2025 (as_of = 2025-04-01 00:00). Declarations of the period, not cancelled: TA/G T01–T05,
// TA/R T10–T11, TB/B T20 (T06 cancelled; T07 and T08 registered outside March). Office TC has none: no rows.
const TRS_MARCH: Expected[] = [
  // TA/G arrival_reg: T01 2, T03 12, T04 6, T05 4 (T02 has no arrival) → [2, 4, 6, 12]: mean 24/4 = 6,
  //   median (4 + 6)/2 = 5, p90 x = 2.7 → 6 + 0.7·6 = 10.2; nothing censored.
  ["TA", "G", "arrival_reg", 4, 6, 5, 10.2, 0],
  // reg_asmt: T01 2, T02 4, T03 1.5, T04 6, T05 1 s = 1/3600 (assessed exactly at as_of: complete) →
  //   mean (13.5 + 1/3600)/5, median 2, p90 x = 3.6 → 4 + 0.6·2 = 5.2.
  ["TA", "G", "reg_asmt", 5, (13.5 + 1 / 3600) / 5, 2, 5.2, 0],
  // asmt_pay: T01 1, T02 20, T04 120 → mean 47, median 20, p90 x = 1.8 → 20 + 0.8·100 = 100;
  //   censored T03 (never paid) and T05 (paid after as_of) = 2.
  ["TA", "G", "asmt_pay", 3, 47, 20, 100, 2],
  // pay_release: T01 3, T02 3, T04 12 → mean 6, median 3, p90 3 + 0.8·9 = 10.2; censored T05 (paid, released
  //   after as_of) = 1; T03 has no payment, so no start: neither counted nor censored.
  ["TA", "G", "pay_release", 3, 6, 3, 10.2, 1],
  // reg_release: T01 6, T02 27, T04 138 → mean 171/3 = 57, median 27, p90 27 + 0.8·111 = 115.8; censored T03, T05.
  ["TA", "G", "reg_release", 3, 57, 27, 115.8, 2],
  // arrival_release: T01 8, T04 144 → mean 76, median 76, p90 x = 0.9 → 8 + 0.9·136 = 130.4; censored T03, T05.
  ["TA", "G", "arrival_release", 2, 76, 76, 130.4, 2],
  // TA/R: T10 (ar 2, ra 48, ap 6, pr 18, rr 72, tt 74) and T11 (never assessed: ra and rr censored, no other start).
  ["TA", "R", "arrival_reg", 1, 2, 2, 2, 0],
  ["TA", "R", "reg_asmt", 1, 48, 48, 48, 1],
  ["TA", "R", "asmt_pay", 1, 6, 6, 6, 0],
  ["TA", "R", "pay_release", 1, 18, 18, 18, 0],
  ["TA", "R", "reg_release", 1, 72, 72, 72, 1],
  ["TA", "R", "arrival_release", 1, 74, 74, 74, 0],
  // TB/B: T20 released without payment: ra 1, rr 4; asmt_pay censored (no payment); no arrival.
  ["TB", "B", "arrival_reg", 0, null, null, null, 0],
  ["TB", "B", "reg_asmt", 1, 1, 1, 1, 0],
  ["TB", "B", "asmt_pay", 0, null, null, null, 1],
  ["TB", "B", "pay_release", 0, null, null, null, 0],
  ["TB", "B", "reg_release", 1, 4, 4, 4, 0],
  ["TB", "B", "arrival_release", 0, null, null, null, 0],
];

function expectTrs(rows: TrsRow[]) {
  expect(rows.map((r) => [r.officeCode, r.lane, r.interval])).toEqual(TRS_MARCH.map(([o, l, i]) => [o, l, i]));
  for (const [i, [office, lane, interval, count, mean, median, p90, censored]] of TRS_MARCH.entries()) {
    const r = rows[i]!;
    const label = `${office}/${lane}/${interval}`;
    expect({ label, count: r.count, censored: r.censored }).toEqual({ label, count, censored });
    for (const [got, want, name] of [
      [r.meanH, mean, "mean"],
      [r.medianH, median, "median"],
      [r.p90H, p90, "p90"],
    ] as const) {
      if (want === null) expect(got, `${label} ${name}`).toBeNull();
      else expect(got, `${label} ${name}`).toBeCloseTo(want, 9);
    }
  }
}

type MirrorExpected = Omit<MirrorRow, "year">;

// Mirror 2025: per_usd = 500, k = 1.06, so M_fob = Σ cif / 500 / 1.06. Tax rates over the year's imports (flow I,
// registered in 2025, every partner): 851713 = (10.6 + 5.3 + 2.12) M / (53 + 26.5 + 10.6) M = 0.2 (the export
// M06 and the imports of 2024-12-31 and 2026-01-01, all with 0 taxes, would lower it if counted); 870323 =
// (3 + 95.4) M / (10 + 318) M = 0.3 (M01's car from CN counts, though CN × 870323 has no partner-export row);
// 940360 = 2.65 / 26.5 = 0.1; 620342 = 1.06 / 5.3 = 0.2; 220421: no import at all → no rate.
const MIRROR_2025: MirrorExpected[] = [
  // A partner with no declared import: M = 0, the whole of X is the gap; r undefined (M_kg = 0).
  // Revenue 300,000 × 500 × 0.2 = 30,000,000.
  {
    partnerCountry: "BR",
    hs6: "851713",
    xFobUsd: 300_000,
    xKg: 3_000,
    mFobUsd: 0,
    mKg: 0,
    valueGapUsd: 300_000,
    relGap: 1,
    qtyGap: 1,
    unitValueRatio: null,
    taxRate: 0.2,
    flagged: true,
    revenueAtStake: 30_000_000,
  },
  // Only a cancelled import (counted: docs/indicators.md names no status filter here): 5,300,000 / 500 / 1.06 = 10,000
  // = X.
  {
    partnerCountry: "CN",
    hs6: "620342",
    xFobUsd: 10_000,
    xKg: 100,
    mFobUsd: 10_000,
    mKg: 100,
    valueGapUsd: 0,
    relGap: 0,
    qtyGap: 0,
    unitValueRatio: 1,
    taxRate: 0.2,
    flagged: false,
    revenueAtStake: 0,
  },
  // 79,500,000 / 500 = 159,000 CIF → 150,000 FOB, 1,500 kg. gap 250,000, rel 0.625, qty (4,000 − 1,500)/4,000 =
  // 0.625, r = (150,000/1,500)/(400,000/4,000) = 1. Flagged (X ≥ 100,000 and 0.625 > 0.25).
  // Revenue 250,000 × 500 × 0.2 = 25,000,000.
  {
    partnerCountry: "CN",
    hs6: "851713",
    xFobUsd: 400_000,
    xKg: 4_000,
    mFobUsd: 150_000,
    mKg: 1_500,
    valueGapUsd: 250_000,
    relGap: 0.625,
    qtyGap: 0.625,
    unitValueRatio: 1,
    taxRate: 0.2,
    flagged: true,
    revenueAtStake: 25_000_000,
  },
  // 318,000,000 / 500 / 1.06 = 600,000; gap 100,000, rel 1/7 ≤ 0.25: NOT flagged although X ≥ 100,000.
  // r = (600,000/30,000)/(700,000/30,000) = 6/7. Revenue 100,000 × 500 × 0.3 = 15,000,000.
  {
    partnerCountry: "DE",
    hs6: "870323",
    xFobUsd: 700_000,
    xKg: 30_000,
    mFobUsd: 600_000,
    mKg: 30_000,
    valueGapUsd: 100_000,
    relGap: 1 / 7,
    qtyGap: 0,
    unitValueRatio: 6 / 7,
    taxRate: 0.3,
    flagged: false,
    revenueAtStake: 15_000_000,
  },
  // 10,600,000 / 500 / 1.06 = 20,000; gap 1,000, rel 1/21, qty 10/210 = 1/21, r = 100/100 = 1.
  // Revenue 1,000 × 500 × 0.2 = 100,000.
  {
    partnerCountry: "FR",
    hs6: "851713",
    xFobUsd: 21_000,
    xKg: 210,
    mFobUsd: 20_000,
    mKg: 200,
    valueGapUsd: 1_000,
    relGap: 1 / 21,
    qtyGap: 1 / 21,
    unitValueRatio: 1,
    taxRate: 0.2,
    flagged: false,
    revenueAtStake: 100_000,
  },
  // Nothing of 220421 imported: flagged, but no tax rate, so no revenue at stake.
  {
    partnerCountry: "IT",
    hs6: "220421",
    xFobUsd: 150_000,
    xKg: 10_000,
    mFobUsd: 0,
    mKg: 0,
    valueGapUsd: 150_000,
    relGap: 1,
    qtyGap: 1,
    unitValueRatio: null,
    taxRate: null,
    flagged: true,
    revenueAtStake: null,
  },
  // 26,500,000 / 500 / 1.06 = 50,000; X = 100,000 exactly (the threshold is inclusive) and rel 0.5: flagged.
  // r = (50,000/2,000)/(100,000/2,000) = 0.5. Revenue 50,000 × 500 × 0.1 = 2,500,000.
  {
    partnerCountry: "US",
    hs6: "940360",
    xFobUsd: 100_000,
    xKg: 2_000,
    mFobUsd: 50_000,
    mKg: 2_000,
    valueGapUsd: 50_000,
    relGap: 0.5,
    qtyGap: 0,
    unitValueRatio: 0.5,
    taxRate: 0.1,
    flagged: true,
    revenueAtStake: 2_500_000,
  },
];

function expectMirror(rows: MirrorRow[]) {
  expect(rows.map((r) => `${r.partnerCountry}/${r.hs6}/${r.year}`)).toEqual(
    MIRROR_2025.map((e) => `${e.partnerCountry}/${e.hs6}/2025`),
  );
  for (const [i, want] of MIRROR_2025.entries()) {
    const got = rows[i]!;
    for (const [key, value] of Object.entries(want)) {
      const actual = got[key as keyof MirrorRow];
      const label = `${want.partnerCountry}/${want.hs6} ${key}`;
      if (typeof value === "number") expect(actual, label).toBeCloseTo(value, 6);
      else expect(actual, label).toBe(value);
    }
  }
}

const run = promisify(execFile);

async function cli(args: string[]): Promise<string[][]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pmc-analysis-"));
  const out = path.join(dir, "out.csv");
  await run(process.execPath, ["bin/pmc.mjs", ...args, "--out", out], { env: process.env });
  return (await readFile(out, "utf8"))
    .trim()
    .split("\n")
    .map((line) => line.split(","));
}

beforeAll(loadAnalysisFixture);
afterAll(async () => {
  await db.$disconnect();
});

describe("Time Release Study (docs/indicators.md TRS)", () => {
  it("computes count, mean, median, p90 and the censored count per office × lane × interval, as worked out by hand", async () => {
    expectTrs(await computeTrs(MARCH));
  });

  it("reports progress per office", async () => {
    const seen: number[] = [];
    await computeTrs(MARCH, { onProgress: (f) => void seen.push(f) });
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
  });

  it("has no row for a period without declarations", async () => {
    expect(await computeTrs({ from: "2025-09-01", to: "2025-09-30" })).toEqual([]);
  });

  it("stores the period's table in trs_results, and storing again replaces it without duplicates", async () => {
    await computeAndStoreTrs(MARCH);
    await computeAndStoreTrs(MARCH);
    // Another period's rows are left alone.
    await computeAndStoreTrs({ from: "2025-03-01", to: "2025-03-15" });
    const { rows } = await pool.query(
      `SELECT office_code AS "officeCode", lane::text AS lane, interval, count, mean_h AS "meanH", median_h AS "medianH",
              p90_h AS "p90H", censored
         FROM trs_results WHERE period_from = '2025-03-01' AND period_to = '2025-03-31'
        ORDER BY trs_results.office_code, trs_results.lane, array_position(ARRAY['arrival_reg','reg_asmt','asmt_pay','pay_release','reg_release','arrival_release'], interval)`,
    );
    expectTrs(rows as TrsRow[]);
    const { rows: periods } = await pool.query(
      `SELECT period_to::text AS "to", count(*)::int AS n FROM trs_results GROUP BY 1 ORDER BY 1`,
    );
    // Up to the 15th: T01–T03 (G) and T10 (R) of TA; T20 of TB is from the 17th.
    expect(periods).toEqual([
      { to: "2025-03-15", n: 12 },
      { to: "2025-03-31", n: 18 },
    ]);
  });

  it("writes the same table as `pmc trs` CSV (docs/cli.md columns)", async () => {
    const [header, ...lines] = await cli(["trs", "--from", MARCH.from, "--to", MARCH.to]);
    expect(header).toEqual(["office_code", "lane", "interval", "count", "mean_h", "median_h", "p90_h", "censored"]);
    expect(lines).toHaveLength(TRS_MARCH.length);
    const asmtPay = lines.find((l) => l[0] === "TA" && l[1] === "G" && l[2] === "asmt_pay")!;
    expect(asmtPay.slice(3).map(Number)).toEqual([3, 47, 20, 100, 2]);
    // Empty statistics are empty cells.
    expect(lines.find((l) => l[0] === "TB" && l[2] === "asmt_pay")).toEqual([
      "TB",
      "B",
      "asmt_pay",
      "0",
      "",
      "",
      "",
      "1",
    ]);
  });
});

describe("Mirror analysis (docs/indicators.md)", () => {
  it("computes the value, quantity and unit-value gaps, the flag and the revenue at stake, as worked out by hand", async () => {
    expectMirror(await computeMirror({ year: 2025 }));
  });

  it("uses the year's own exchange rate and refuses a year without one", async () => {
    // 2024: per_usd 480; one partner-export row, CN × 851713 = 999,999, and one import, M07 (2024-12-31 23:59:59,
    // 99,000,000 CIF, no taxes): M_fob = 99,000,000 / 480 / 1.06 = 194,575.4717, gap 805,423.5283, rate 0 / 99 M = 0.
    const rows = await computeMirror({ year: 2024 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      partnerCountry: "CN",
      hs6: "851713",
      flagged: true,
      taxRate: 0,
      revenueAtStake: 0,
    });
    expect(rows[0]!.mFobUsd).toBeCloseTo(99_000_000 / 480 / 1.06, 6);
    expect(rows[0]!.valueGapUsd).toBeCloseTo(999_999 - 99_000_000 / 480 / 1.06, 6);
    await expect(computeMirror({ year: 2023 })).rejects.toThrow(/no exchange rate for 2023/);
  });

  it("stores the year's table in mirror_results with its parameters, and storing again replaces it", async () => {
    expect(await computeAndStoreMirror({ year: 2025 })).toEqual({ rows: 7, flagged: 4 });
    await computeAndStoreMirror({ year: 2025 });
    const { rows } = await pool.query(
      `SELECT partner_country AS "partnerCountry", hs6, year, x_fob_usd AS "xFobUsd", x_kg AS "xKg", m_fob_usd AS "mFobUsd",
              m_kg AS "mKg", value_gap_usd AS "valueGapUsd", rel_gap AS "relGap", qty_gap AS "qtyGap",
              unit_value_ratio AS "unitValueRatio", tax_rate AS "taxRate", flagged, revenue_at_stake AS "revenueAtStake",
              per_usd, cif_to_fob, min_export_usd, min_rel_gap
         FROM mirror_results WHERE year = 2025 ORDER BY partner_country, hs6`,
    );
    expectMirror(rows as MirrorRow[]);
    expect(rows[0]).toMatchObject({ per_usd: 500, cif_to_fob: 1.06, min_export_usd: 100_000, min_rel_gap: 0.25 });
  });

  it("writes the same table as `pmc mirror` CSV (docs/cli.md columns)", async () => {
    const [header, ...lines] = await cli(["mirror", "--year", "2025"]);
    expect(header).toEqual([
      "partner_country",
      "hs6",
      "year",
      "x_fob_usd",
      "m_fob_usd",
      "value_gap_usd",
      "rel_gap",
      "qty_gap",
      "unit_value_ratio",
      "flagged",
      "revenue_at_stake",
    ]);
    expect(lines.map((l) => `${l[0]}/${l[1]}/${l[9]}`)).toEqual(
      MIRROR_2025.map((e) => `${e.partnerCountry}/${e.hs6}/${e.flagged}`),
    );
    const cn = lines.find((l) => l[0] === "CN" && l[1] === "851713")!;
    expect(
      cn
        .slice(3, 9)
        .map(Number)
        .map((v) => Math.round(v * 1e6) / 1e6),
    ).toEqual([400_000, 150_000, 250_000, 0.625, 0.625, 1]);
    expect(Number(cn[10])).toBeCloseTo(25_000_000, 4);
    expect(lines.find((l) => l[0] === "IT")![10]).toBe("");
  });
});
