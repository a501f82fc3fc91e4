// npm run bench:import — generates 1,000,000 declarations (with items, events and inspections), imports them with
// the product's import pipeline in a child process (time, rows per second per table, peak RSS), then loads the
// same CSV files with plain COPY from psql into an identical empty schema in the same run, and reports the ratio.
// Writes bench/results/import.json.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDataset } from "@/lib/generator/generate-dataset";

const DECLARATIONS = Number(process.env.BENCH_DECLARATIONS ?? 1_000_000);
const SEED = 7;
const ROOT = path.resolve(import.meta.dirname, "..");
const DATA = path.join(ROOT, "data", `bench-${DECLARATIONS}`);
const PG = { host: "127.0.0.1", user: "postgres" };
const BIG_FILES = ["declarations", "items", "inspections", "events"] as const;

function psql(database: string, sql: string): string {
  return execFileSync("psql", ["-h", PG.host, "-U", PG.user, "-d", database, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], {
    encoding: "utf8",
  });
}

function freshDatabase(name: string): string {
  psql("postgres", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  psql("postgres", `CREATE DATABASE ${name}`);
  const url = `postgresql://${PG.user}@${PG.host}:5432/${name}`;
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  if (migrate.status !== 0) throw new Error(`migrating ${name} failed`);
  return url;
}

async function ensureData(): Promise<void> {
  const marker = path.join(DATA, "manifest.json");
  if (fs.existsSync(marker)) return;
  process.stderr.write(`generating ${DECLARATIONS} declarations into ${DATA}\n`);
  await generateDataset({ outDir: DATA, declarations: DECLARATIONS, seed: SEED, from: "2025-01-01", to: "2025-12-31" });
}

function importWithPipeline(url: string) {
  const child = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--require", "./lib/runtime/allow-server-only.cjs", "bench/run-import.ts", DATA],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" }, encoding: "utf8", maxBuffer: 64 * 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as {
    seconds: number;
    peakRssMb: number;
    files: Record<string, { accepted: number; rejected: number; seconds: number }>;
  };
}

// Plain COPY of the same big files into the same (empty, indexed) tables, without any checking: the floor.
function importWithPlainCopy(database: string) {
  psql(database, "ALTER TABLE items ALTER COLUMN hs6 DROP NOT NULL; ALTER TABLE declarations DROP CONSTRAINT declarations_office_code_fkey");
  const tables: Record<string, { rows: number; seconds: number }> = {};
  let total = 0;
  for (const name of BIG_FILES) {
    const file = path.join(DATA, `${name}.csv`);
    const header = fs.readFileSync(file, "utf8").slice(0, 4096).split("\n")[0]!.trim();
    const started = performance.now();
    psql(database, `\\copy ${name} (${header}) FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    const seconds = (performance.now() - started) / 1000;
    total += seconds;
    tables[name] = { rows: Number(psql(database, `SELECT count(*) FROM ${name}`).trim()), seconds };
  }
  return { seconds: total, tables };
}

await ensureData();
const ours = importWithPipeline(freshDatabase("pmc_bench"));
const baseline = importWithPlainCopy((freshDatabase("pmc_bench_copy"), "pmc_bench_copy"));
const oursBigSeconds = BIG_FILES.reduce((s, f) => s + (ours.files[`${f}.csv`]?.seconds ?? 0), 0);
const tables = Object.fromEntries(
  Object.entries(ours.files).map(([file, c]) => [
    file.replace(".csv", ""),
    { rows: c.accepted, rejected: c.rejected, seconds: round(c.seconds), rowsPerSecond: Math.round(c.accepted / Math.max(c.seconds, 1e-3)) },
  ]),
);
const result = {
  benchmark: "import",
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGb: round(os.totalmem() / 2 ** 30), node: process.version },
  declarations: DECLARATIONS,
  totalSeconds: round(ours.seconds),
  peakRssMb: round(ours.peakRssMb),
  tables,
  plainCopy: {
    note: "psql \\copy of declarations, items, inspections and events into the same empty indexed tables, no checks",
    seconds: round(baseline.seconds),
    tables: baseline.tables,
  },
  ratioToPlainCopy: round(oursBigSeconds / baseline.seconds),
  ratioTotalToPlainCopy: round(ours.seconds / baseline.seconds),
  targets: { totalSeconds: 90, peakRssMb: 600, ratioToPlainCopy: 1.5 },
};
fs.mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(ROOT, "bench/results/import.json"), JSON.stringify(result, null, 2) + "\n");
process.stdout.write(JSON.stringify(result, null, 2) + "\n");

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
