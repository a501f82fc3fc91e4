// npm run bench:kpis — on the bench database (1,000,000 declarations unless BENCH_DECLARATIONS says otherwise):
// the full KPI catalogue for every officer and every office over one quarter (seconds per KPI, computed alone, and in total, computed together as the product
// does), and the engine's time for P1 + P4 + I1 against one hand-written SQL statement computing the same three
// for all officers, timed in the same run. Then the Time Release Study table (one quarter, the year) and the mirror
// table (the year), each against a hand-written statement computing the same table (bench/analysis-timings.ts).
// The total is reported beside a floor: the same quarter's rows read once by plain SQL. Writes
// bench/results/kpis.json. `npm run bench:kpis -- --analysis-only` times only the TRS and mirror and updates their
// part of the existing result file; `-- --catalogue-only` skips them.
import fs from "node:fs";
import path from "node:path";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { KPI_IDS } from "@/lib/kpis/catalogue";
import { pool } from "@/lib/pg";
import { DECLARATIONS, PERIOD, ROOT, ensureImportedBenchDatabase, machine, round, writeResult } from "./support";
import { ANALYSIS_TARGETS, timeAnalysis } from "./analysis-timings";

const QUARTER = { from: "2025-04-01", to: "2025-06-30" };
const REPEAT = 3;

// The baseline: what an analyst would write by hand for P1, P4 and I1 per officer.
const HAND_WRITTEN = `
  SELECT assessing_officer_id,
         avg((asmt_ts IS NOT NULL AND asmt_ts::date = reg_ts::date)::int) AS p1,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM asmt_ts - reg_ts) / 3600) AS p4,
         count(*) FILTER (WHERE lane_initial IN ('Y', 'R') AND lane_final < lane_initial)::float8
           / nullif(count(*) FILTER (WHERE lane_initial IN ('Y', 'R')), 0) AS i1
    FROM declarations
   WHERE reg_ts >= $1::date AND reg_ts < $2::date + 1 AND status <> 'cancelled' AND assessing_officer_id IS NOT NULL
   GROUP BY assessing_officer_id`;

// The floor of the whole catalogue: reading once the quarter's declarations and the items, inspections and events
// of those declarations, grouped by officer, which every computation of the catalogue must at least do.
const READ_ONCE = ["declarations", "items", "inspections", "events"].map((table) =>
  table === "declarations"
    ? `SELECT assessing_officer_id, count(*) FROM declarations
        WHERE reg_ts >= $1::date AND reg_ts < $2::date + 1 GROUP BY 1`
    : `SELECT d.assessing_officer_id, count(*) FROM ${table} t JOIN declarations d USING (decl_id)
        WHERE d.reg_ts >= $1::date AND d.reg_ts < $2::date + 1 GROUP BY 1`,
);

async function best(run: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await run();
    fastest = Math.min(fastest, (performance.now() - started) / 1000);
  }
  return fastest;
}

await ensureImportedBenchDatabase();
await pool.query("ANALYZE");
const subjects = ["officer", "office"] as const;

if (process.argv.includes("--analysis-only")) {
  const file = path.join(ROOT, "bench/results/kpis.json");
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  const analysis = await timeAnalysis();
  await pool.end();
  writeResult("kpis", {
    ...previous,
    analysisDate: new Date().toISOString(),
    analysisMachine: machine(),
    ...analysis,
    targets: { ...(previous.targets as object), ...ANALYSIS_TARGETS },
  });
  process.exit(0);
}

const perKpi: Record<string, number> = {};
for (const kpiId of KPI_IDS) {
  perKpi[kpiId] = round(
    await best(() => Promise.all(subjects.map((subject) => computeKpis({ ...QUARTER, subject, kpiIds: [kpiId] })))),
    3,
  );
}
const total = await best(async () => {
  for (const subject of subjects) await computeKpis({ ...QUARTER, subject });
});

// Interleaved, so both see the same machine load.
let engine = Infinity;
let handWritten = Infinity;
for (let i = 0; i < REPEAT; i++) {
  engine = Math.min(
    engine,
    await best(() => computeKpis({ ...QUARTER, subject: "officer", kpiIds: ["P1", "P4", "I1"] })),
  );
  handWritten = Math.min(handWritten, await best(() => pool.query(HAND_WRITTEN, [QUARTER.from, QUARTER.to])));
}
const floor = await best(async () => {
  for (const sql of READ_ONCE) await pool.query(sql, [QUARTER.from, QUARTER.to]);
});
// bench:scale times the catalogue alone at each size; the TRS and mirror tables are timed by bench:kpis.
const analysis = process.argv.includes("--catalogue-only") ? {} : await timeAnalysis();
await pool.end();

writeResult("kpis", {
  benchmark: "kpis",
  date: new Date().toISOString(),
  machine: machine(),
  declarations: DECLARATIONS,
  dataPeriod: PERIOD,
  period: QUARTER,
  subjects: "every officer and every office",
  secondsPerKpi: perKpi,
  totalSeconds: round(total),
  floor: {
    note: "the quarter's declarations and their items, inspections and events read once, counted per officer",
    seconds: round(floor, 3),
  },
  ratioTotalToFloor: round(total / floor),
  p1p4i1: {
    engineSeconds: round(engine, 3),
    handWrittenSeconds: round(handWritten, 3),
    ratio: round(engine / handWritten),
  },
  ...analysis,
  targets: { totalSeconds: 20, p1p4i1Ratio: 1.2, ...ANALYSIS_TARGETS },
});
