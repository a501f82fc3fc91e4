// Shared by the benchmarks: the generated data set, fresh databases, psql, result files.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateDataset } from "@/tools/generator/generate-dataset";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const DECLARATIONS = Number(process.env.BENCH_DECLARATIONS ?? 1_000_000);
// The generated period: 2025 unless BENCH_TO_YEAR extends it (bench:scale generates 5 M over 2025–2029, the same
// yearly volume as 1 M over 2025). A longer period gets a folder of its own.
export const PERIOD = { from: "2025-01-01", to: `${process.env.BENCH_TO_YEAR ?? "2025"}-12-31` } as const;
export const DATA = path.join(
  ROOT,
  "data",
  PERIOD.to === "2025-12-31" ? `bench-${DECLARATIONS}` : `bench-${DECLARATIONS}-2025-${PERIOD.to.slice(0, 4)}`,
);
// PMC_BENCH_DATABASE names the bench database (and prefixes the others a benchmark creates), so that several
// checkouts can benchmark on one server; PMC_BENCH_QUEUE_PREFIX likewise prefixes their queues.
export const BENCH_DATABASE = process.env.PMC_BENCH_DATABASE || "pmc_bench";
export const BENCH_QUEUE_PREFIX = process.env.PMC_BENCH_QUEUE_PREFIX || "pmcbench";
const PG = { host: "127.0.0.1", user: "postgres" };

export function databaseUrl(name: string): string {
  return `postgresql://${PG.user}@${PG.host}:5432/${name}`;
}

export function psql(database: string, sql: string): string {
  return execFileSync("psql", ["-h", PG.host, "-U", PG.user, "-d", database, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], {
    encoding: "utf8",
  });
}

// Applies the migrations not applied yet (all of them to a new database).
export function migrateDatabase(name: string): string {
  const url = databaseUrl(name);
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  if (migrate.status !== 0) throw new Error(`migrating ${name} failed`);
  return url;
}

export function freshDatabase(name: string): string {
  psql("postgres", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  psql("postgres", `CREATE DATABASE ${name}`);
  return migrateDatabase(name);
}

export async function ensureData(): Promise<void> {
  if (fs.existsSync(path.join(DATA, "manifest.json"))) return;
  process.stderr.write(`generating ${DECLARATIONS} declarations into ${DATA}\n`);
  await generateDataset({ outDir: DATA, declarations: DECLARATIONS, seed: 7, ...PERIOD });
}

export type PipelineImport = {
  batchId: number;
  seconds: number;
  peakRssMb: number;
  files: Record<string, { accepted: number; rejected: number; seconds: number }>;
  profile?: Record<string, number>;
};

// Imports the bench data into `database` in a child process (the product's pipeline, as the worker runs it).
export function importWithPipeline(database: string, dir = DATA, queuePrefix = BENCH_QUEUE_PREFIX): PipelineImport {
  const child = spawnSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--require", "./lib/runtime/allow-server-only.cjs", "bench/run-import.ts", dir],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl(database),
        QUEUE_PREFIX: queuePrefix,
        LOG_LEVEL: "warn",
        // The young generation the worker and `pmc` run with (package.json, bin/pmc.mjs; decision 037).
        NODE_OPTIONS: "--max-semi-space-size=64",
      },
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    },
  );
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as PipelineImport;
}

// The bench database holding the whole data set, imported once and reused by later benchmarks.
export async function ensureImportedBenchDatabase(): Promise<void> {
  await ensureData();
  const exists = psql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${BENCH_DATABASE}'`).trim() === "1";
  const count = exists ? Number(psql(BENCH_DATABASE, "SELECT count(*) FROM declarations").trim() || 0) : 0;
  if (count >= DECLARATIONS * 0.9) return;
  freshDatabase(BENCH_DATABASE);
  importWithPipeline(BENCH_DATABASE);
}

export function machine() {
  return { cpus: os.cpus().length, memoryGb: round(os.totalmem() / 2 ** 30), node: process.version };
}

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

// BENCH_RESULTS_DIR sends a run's results elsewhere (bench:scale keeps each size's daily and kpis results apart).
export const RESULTS_DIR = path.resolve(ROOT, process.env.BENCH_RESULTS_DIR ?? "bench/results");

export function writeResult(name: string, result: object): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), JSON.stringify(result, null, 2) + "\n");
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
}
