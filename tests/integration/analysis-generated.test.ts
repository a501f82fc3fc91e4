// The TRS and the mirror analysis on the generator's data (20,000 declarations, seed 42, imported through the
// product's pipeline): the mirror table flags exactly the gaps planted in manifest.json, and both tables equal a naive
// implementation of docs/indicators.md written here over the CSV files themselves (loops in JavaScript, durations from
// Date,
// percentile_cont by hand), so the expected values never come from the code under test.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateDataset } from "@/tools/generator/generate-dataset";
import type { Manifest } from "@/tools/generator/manifest";
import { readDataset, seconds, type Dataset } from "@/tools/generator/testing/read-dataset";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { computeTrs, TRS_INTERVALS } from "@/lib/trs/compute-trs";
import { computeMirror } from "@/lib/mirror/compute-mirror";
import { closeQueue } from "@/lib/queue/enqueue";
import { clearClearanceData } from "@/tests/support/clearance-db";

const YEAR = { from: "2025-01-01", to: "2025-12-31" };
const Q2 = { from: "2025-04-01", to: "2025-06-30" };

function percentileCont(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const x = p * (sorted.length - 1);
  const lo = Math.floor(x);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (x - lo) * (sorted[hi]! - sorted[lo]!);
}

const column = {
  arrival_ts: "arrival_ts",
  reg_ts: "reg_ts",
  asmt_ts: "asmt_ts",
  pay_ts: "pay_ts",
  release_ts: "release_ts",
} as const;

// docs/indicators.md "TRS", literally, one declaration at a time.
function naiveTrs(ds: Dataset, period: { from: string; to: string }) {
  const asOf = seconds(`${period.to} 00:00:00`) + 86_400;
  const groups = new Map<string, { hours: number[]; censored: number }>();
  for (const d of ds.declarations) {
    const day = d.reg_ts!.slice(0, 10);
    if (day < period.from || day > period.to || d.status === "cancelled") continue;
    for (const i of TRS_INTERVALS) {
      const key = `${d.office_code}|${d.lane_final}|${i.id}`;
      const g = groups.get(key) ?? { hours: [], censored: 0 };
      groups.set(key, g);
      const start = d[column[i.start]] ?? "";
      const end = d[column[i.end]] ?? "";
      if (!start) continue;
      if (end && seconds(end) <= asOf) g.hours.push((seconds(end) - seconds(start)) / 3600);
      else g.censored++;
    }
  }
  return new Map(
    [...groups].map(([key, g]) => {
      const sorted = [...g.hours].sort((a, b) => a - b);
      const mean = sorted.length ? sorted.reduce((s, h) => s + h, 0) / sorted.length : null;
      return [
        key,
        {
          count: sorted.length,
          mean,
          median: percentileCont(sorted, 0.5),
          p90: percentileCont(sorted, 0.9),
          censored: g.censored,
        },
      ];
    }),
  );
}

// docs/indicators.md "Mirror analysis": the flagged partner × HS6 of a year, from the CSV files.
function naiveMirrorFlags(ds: Dataset, year: number): string[] {
  const perUsd = Number(ds.rates.find((r) => Number(r.year) === year)!.per_usd);
  const declarations = new Map(ds.declarations.map((d) => [d.decl_id!, d]));
  const cif = new Map<string, number>();
  for (const item of ds.items) {
    const d = declarations.get(item.decl_id!)!;
    if (d.flow !== "I" || Number(d.reg_ts!.slice(0, 4)) !== year) continue;
    const key = `${d.export_country}|${item.hs_code!.slice(0, 6)}`;
    cif.set(key, (cif.get(key) ?? 0) + Number(item.cif_value || 0));
  }
  return ds.mirror
    .filter((m) => Number(m.year) === year)
    .filter((m) => {
      const x = Number(m.fob_usd);
      const mFob = (cif.get(`${m.partner_country}|${m.hs6}`) ?? 0) / perUsd / 1.06;
      return x >= 100_000 && (x - mFob) / x > 0.25;
    })
    .map((m) => `${m.partner_country}|${m.hs6}|${m.year}`)
    .sort();
}

describe("TRS and mirror on generated data", () => {
  let ds: Dataset;
  let manifest: Manifest;
  beforeAll(async () => {
    await clearClearanceData();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-analysis-gen-"));
    await generateDataset({ outDir: dir, declarations: 20_000, seed: 42, ...YEAR });
    ds = readDataset(dir);
    manifest = JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    const outcome = await runImportBatch(await createImportBatch({ kind: "CANONICAL", sourcePath: dir }));
    // The naive computations read the files: every row must have gone in.
    expect(Object.values(outcome.files).reduce((n, f) => n + f.rejected, 0)).toBe(0);
  }, 300_000);
  afterAll(async () => {
    await closeQueue();
    await db.$disconnect();
  });

  it("flags exactly the mirror gaps planted in manifest.json", async () => {
    const planted = (manifest.patterns.find((p) => p.type === "MIRROR_GAP")?.subjects ?? [])
      .map((s) => `${s.partnerCountry}|${s.hs6}|${s.year}`)
      .sort();
    expect(planted.length).toBeGreaterThanOrEqual(3);
    const rows = await computeMirror({ year: 2025 });
    expect(rows.length).toBe(ds.mirror.filter((m) => m.year === "2025").length);
    const flagged = rows
      .filter((r) => r.flagged)
      .map((r) => `${r.partnerCountry}|${r.hs6}|${r.year}`)
      .sort();
    expect(flagged).toEqual(planted);
    expect(flagged).toEqual(naiveMirrorFlags(ds, 2025));
    // Every planted gap has revenue at stake to rank it by.
    for (const r of rows.filter((r) => r.flagged)) expect(r.revenueAtStake).toBeGreaterThan(0);
  });

  it("computes the TRS table of a quarter as a naive reading of docs/indicators.md does", async () => {
    const expected = naiveTrs(ds, Q2);
    const rows = await computeTrs(Q2);
    expect(rows.map((r) => `${r.officeCode}|${r.lane}|${r.interval}`).sort()).toEqual([...expected.keys()].sort());
    for (const r of rows) {
      const e = expected.get(`${r.officeCode}|${r.lane}|${r.interval}`)!;
      const label = `${r.officeCode}/${r.lane}/${r.interval}`;
      expect({ label, count: r.count, censored: r.censored }).toEqual({ label, count: e.count, censored: e.censored });
      for (const [got, want] of [
        [r.meanH, e.mean],
        [r.medianH, e.median],
        [r.p90H, e.p90],
      ] as const) {
        if (want === null) expect(got, label).toBeNull();
        else expect(got, label).toBeCloseTo(want, 6);
      }
    }
    // Right-censoring matters on this data: releases after the quarter's end are counted, not dropped.
    expect(rows.filter((r) => r.interval === "reg_release").reduce((n, r) => n + r.censored, 0)).toBeGreaterThan(0);
  });
});
