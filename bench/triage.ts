// npm run bench:triage — the integrity work queue on generated data with planted patterns, for several seeds and
// sizes: for each, the data set is generated, imported into the database of DATABASE_URL (emptied first), and the
// queue of each quarter is built as `pmc triage` builds it (detection over the quarter and its months, then the
// ranking). Prints and writes bench/results/triage.json:
//   - how many planted subjects (the officers and brokers of the manifest's patterns) are in the first 15 rows, and
//     whether a row there carries the planted undervalued items (a UNIT_VALUE flag);
//   - the queue's size, the subjects above the capacity line (20 cases a month × 3) and the revenue they carry;
//   - the time of the ranking against a plain SQL grouping of the same flags by subject (the baseline);
//   - for the demo-sized data set (200,000 declarations a year), the funnel plots of office CMDLA1 over the first quarter: how many officers fall
//     outside the binomial 2σ limits and how many outside the limits that include the office's overdispersion.
// TRIAGE_BENCH_RUNS="200000:42,50000:1,50000:2,20000:3" chooses the sizes and seeds (declarations:seed).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDataset } from "@/tools/generator/generate-dataset";
import type { Manifest } from "@/tools/generator/manifest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { detectionPeriods } from "@/lib/integrity/rank-subjects";
import { SYSTEM_VIEWER, triageQueue } from "@/lib/integrity/triage-queue";
import { funnelData } from "@/lib/integrity/funnel-data";
import { controlLimits } from "@/lib/integrity/control-limits";
import { additiveLimits } from "@/lib/integrity/overdispersion";
import { RATE_KPIS } from "@/lib/integrity/schema";
import { computeAndStoreKpis } from "@/lib/kpis/store-kpis";
import { env } from "@/lib/env";
import { machine, migrateDatabase, psql, round, ROOT, writeResult } from "./support";

const TOP = 15;
const RUNS = (process.env.TRIAGE_BENCH_RUNS ?? "200000:42,50000:1,50000:2,20000:3").split(",").map((r) => {
  const [declarations, seed] = r.split(":").map(Number);
  return { declarations: declarations!, seed: seed! };
});
const QUARTERS = ["01-01/03-31", "04-01/06-30", "07-01/09-30", "10-01/12-31"].map((q) => {
  const [from, to] = q.split("/");
  return { from: `2025-${from}`, to: `2025-${to}` };
});

// The subjects a planted pattern names (its officers and brokers); undervalued items and mirror gaps name none.
function plantedSubjects(manifest: Manifest): Set<string> {
  const ids = new Set<string>();
  for (const p of manifest.patterns) {
    if (p.type === "UNDERVALUED_ITEMS" || p.type === "MIRROR_GAP") continue;
    for (const s of p.subjects) {
      if (s.officerId !== undefined) ids.add(`officer:${s.officerId}`);
      if (s.brokerId !== undefined) ids.add(`broker:${s.brokerId}`);
    }
  }
  return ids;
}

async function emptyDatabase(): Promise<void> {
  await pool.query(
    `TRUNCATE events, inspections, items, declarations, brokers, importers, officers, offices, holidays,
              exchange_rates, mirror_exports, flags, kpi_results, detection_tests, import_batches CASCADE`,
  );
}

function importFolder(dir: string): void {
  const child = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--require", "./lib/runtime/allow-server-only.cjs", "bench/run-import.ts", dir],
    { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn" }, encoding: "utf8", maxBuffer: 64 * 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
}

// The baseline: the same flags grouped by their own subject in one statement, no ranking.
async function baselineSeconds(window: { from: string; to: string }): Promise<number> {
  const started = performance.now();
  await pool.query(
    `SELECT subject_type, subject_id, count(*), max(score) FROM flags
      WHERE state = 'NEW' AND active AND period_from >= $1::date AND period_to <= $2::date
      GROUP BY 1, 2 ORDER BY max(score) DESC`,
    [window.from, window.to],
  );
  return (performance.now() - started) / 1000;
}

// The database of DATABASE_URL, created and migrated when it is not there yet.
const database = new URL(env.DATABASE_URL).pathname.slice(1);
if (psql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${database}'`).trim() !== "1")
  psql("postgres", `CREATE DATABASE ${database}`);
migrateDatabase(database);

// Officers of CMDLA1 outside the binomial 2σ limits and outside the overdispersed 2σ limits, per rate KPI.
async function funnelFigures(window: { from: string; to: string }) {
  for (const subject of ["officer", "office"] as const) await computeAndStoreKpis({ ...window, subject });
  const figures = [];
  for (const kpiId of RATE_KPIS) {
    const data = await funnelData(SYSTEM_VIEWER, { kpiId, officeCode: "CMDLA1", ...window });
    if (data.p0 === null) continue;
    figures.push({
      kpiId,
      officers: data.officers.length,
      outsideBinomial2Sigma: data.officers.filter((o) => {
        const l = controlLimits(data.p0!, o.n, 2)!;
        return o.p > l.upper || o.p < l.lower;
      }).length,
      outsideOverdispersed2Sigma: data.officers.filter((o) => {
        const l = additiveLimits(data.p0!, o.n, 2, data.overdispersion?.tau2 ?? 0);
        return o.p > l.upper || o.p < l.lower;
      }).length,
      phi: data.overdispersion ? round(data.overdispersion.phi, 3) : null,
      tau: data.overdispersion ? round(data.overdispersion.tau, 4) : null,
    });
  }
  return figures;
}

const results = [];
let funnel: Awaited<ReturnType<typeof funnelFigures>> = [];
for (const run of RUNS) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pmc-triage-${run.seed}-`));
  try {
    await generateDataset({ outDir: dir, ...run, from: "2025-01-01", to: "2025-12-31" });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
    const planted = plantedSubjects(manifest);
    await emptyDatabase();
    importFolder(dir);
    for (const quarter of QUARTERS) {
      const detectStarted = performance.now();
      for (const period of detectionPeriods(quarter)) await detectAndStoreFlags(period);
      const detectSeconds = (performance.now() - detectStarted) / 1000;
      const started = performance.now();
      const queue = await triageQueue(SYSTEM_VIEWER, quarter);
      const queueSeconds = (performance.now() - started) / 1000;
      const top = queue.rows.slice(0, TOP);
      const found = top.filter((r) => planted.has(`${r.subjectType}:${r.subjectId}`)).length;
      const missing = [...planted].filter((key) => !top.some((r) => `${r.subjectType}:${r.subjectId}` === key));
      const result = {
        declarations: run.declarations,
        seed: run.seed,
        quarter: `${quarter.from}..${quarter.to}`,
        planted: planted.size,
        plantedInTop15: found,
        recallTop15: round(found / planted.size, 3),
        missing,
        othersInTop15: top
          .filter((r) => !planted.has(`${r.subjectType}:${r.subjectId}`))
          .map((r) => `${r.subjectType}:${r.subjectId} ${r.methods.join("|")} ${round(r.priority)}`),
        undervaluedItemsInTop15: top.some((r) => r.methods.includes("UNIT_VALUE")),
        lastPlantedRank: Math.max(
          0,
          ...queue.rows.filter((r) => planted.has(`${r.subjectType}:${r.subjectId}`)).map((r) => r.rank),
        ),
        worstPlantedPriority: round(
          Math.min(...queue.rows.filter((r) => planted.has(`${r.subjectType}:${r.subjectId}`)).map((r) => r.priority)),
        ),
        bestOtherPriority: round(
          Math.max(
            0,
            ...queue.rows.filter((r) => !planted.has(`${r.subjectType}:${r.subjectId}`)).map((r) => r.priority),
          ),
        ),
        flags: queue.flags.length,
        subjects: queue.rows.length,
        capacityLine: queue.line,
        subjectsAboveLine: queue.aboveLine.subjects,
        revenueAboveLine: round(queue.aboveLine.revenueAtStake, 0),
        detectSeconds: round(detectSeconds),
        queueSeconds: round(queueSeconds, 3),
        baselineSeconds: round(await baselineSeconds(quarter), 3),
      };
      results.push(result);
      process.stderr.write(
        `${run.declarations} seed ${run.seed} ${result.quarter}: ${found}/${planted.size} planted in the first ${TOP} ` +
          `(last planted at rank ${result.lastPlantedRank}, priority ${result.worstPlantedPriority} vs best other ` +
          `${result.bestOtherPriority}); ${result.subjects} subjects, ${result.subjectsAboveLine} ` +
          `above the line of ${result.capacityLine}, revenue above it ${result.revenueAboveLine}; others in the first ${TOP}: ` +
          `${result.othersInTop15.join(", ")}\n`,
      );
    }
    if (run.declarations === 200_000) {
      funnel = await funnelFigures(QUARTERS[0]!);
      for (const f of funnel)
        process.stderr.write(
          `funnel ${f.kpiId} CMDLA1 Q1: ${f.outsideBinomial2Sigma} of ${f.officers} outside binomial 2σ, ` +
            `${f.outsideOverdispersed2Sigma} outside the overdispersed 2σ (φ ${f.phi}, τ ${f.tau})\n`,
        );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
await db.$disconnect();
await pool.end();
writeResult("triage", {
  date: new Date().toISOString(),
  machine: machine(),
  top: TOP,
  worstRecallTop15: Math.min(...results.map((r) => r.recallTop15)),
  maxSubjectsAboveLine: Math.max(...results.map((r) => r.subjectsAboveLine)),
  funnelCmdla1Q1: { declarations: 200_000, kpis: funnel },
  results,
});
