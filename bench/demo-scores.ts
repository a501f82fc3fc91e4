// The demo's figures (docs/indicators.md, "Calibration rule"): generates the demo data set (DEMO_DECLARATIONS,
// default 200,000, seed 42, calendar 2025, as `npm run demo`), imports it into its own database, seeds the demo
// users and the calibrated demo contracts, and prints the overview's median score and interquartile range for the
// last month, with the contracts' score spread and the gaming flags against the planted gaming officer.
// Reuses the data folder and the imported database when they are already there.
// Run: DEMO_SCORES_DATABASE=name QUEUE_PREFIX=prefix npm run bench:demo
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { generateDataset } from "@/tools/generator/generate-dataset";
import { databaseUrl, freshDatabase, machine, psql, ROOT, writeResult } from "@/bench/support";

const DECLARATIONS = Number(process.env.DEMO_DECLARATIONS ?? 200_000);
const DATABASE = process.env.DEMO_SCORES_DATABASE ?? "pmc_demo_scores";
const QUEUE_PREFIX = process.env.QUEUE_PREFIX ?? "pmcdemoscores";
const DATA = path.join(ROOT, "data", `demo-scores-${DECLARATIONS}`);

const tsx = (script: string, args: string[]) =>
  spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--require", "./lib/runtime/allow-server-only.cjs", script, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(DATABASE), QUEUE_PREFIX, LOG_LEVEL: "warn" },
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );

if (!fs.existsSync(path.join(DATA, "manifest.json"))) {
  process.stderr.write(`generating ${DECLARATIONS} declarations (seed 42) into ${DATA}\n`);
  await generateDataset({ outDir: DATA, declarations: DECLARATIONS, seed: 42, from: "2025-01-01", to: "2025-12-31" });
}
const exists = psql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`).trim() === "1";
const count = exists ? Number(psql(DATABASE, "SELECT count(*) FROM declarations").trim() || 0) : 0;
if (count < DECLARATIONS * 0.9) {
  process.stderr.write(`importing into ${DATABASE}\n`);
  freshDatabase(DATABASE);
  const imported = tsx("bench/run-import.ts", [DATA]);
  if (imported.status !== 0) throw new Error("import failed");
}
process.stderr.write("seeding the demo contracts and scoring the last month\n");
const measured = tsx("bench/demo-scores-measure.ts", [DATA]);
if (measured.status !== 0) throw new Error("measuring failed");
const result = JSON.parse(measured.stdout.trim().split("\n").pop()!) as Record<string, unknown>;
writeResult("demo-scores", { machine: machine(), declarations: DECLARATIONS, seed: 42, ...result });
console.log(JSON.stringify(result, null, 2));
