// npm run bench:daily — the daily update on a large database, end to end: one day's declarations (with their items,
// inspections and events) imported by the product's pipeline into the bench database holding the rest of the year,
// then every KPI, flag and contract cell that import calls for stored by the real worker (kpis.compute,
// integrity.detect and contracts.refresh-indicators jobs, timed until the last of them is done). Beside it, in the
// same run, the floor: psql \copy of the same day's files into a copy of the same database.
//
// The day is cut out of the generated data: the busiest of the last ten days of November 2025 (D). A base
// database is made once from the bench database: D's rows are written to CSV files (data/bench-N-day/) and
// deleted, the KPI results and flags of D's quarter and its months are stored, and the demo contracts seeded, as a
// portal that has run until the day before would have them. Each run works on a fresh copy of that base. Writes bench/results/daily.json.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { CANONICAL_FILES } from "@/lib/clearance/canonical-files";
import {
  BENCH_DATABASE,
  BENCH_QUEUE_PREFIX,
  DATA,
  DECLARATIONS,
  PERIOD,
  ROOT,
  databaseUrl,
  ensureImportedBenchDatabase,
  importWithPipeline,
  machine,
  migrateDatabase,
  psql,
  round,
  writeResult,
} from "./support";

const BASE = `${BENCH_DATABASE}_daily_base`;
const RUN = `${BENCH_DATABASE}_daily_run`;
const FLOOR = `${BENCH_DATABASE}_daily_copy`;
const DAY_DIR = `${DATA}-day`;
const QUEUE_PREFIX = `${BENCH_QUEUE_PREFIX}daily`;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const DAY_FILES = ["declarations", "items", "inspections", "events"] as const;
// The jobs whose results the dashboards, flags and contracts read; TRS and mirror runs are reported apart.
const DAILY_JOBS = new Set(["kpis.compute", "integrity.detect", "contracts.refresh-indicators"]);
// A month before the end of the demo contracts' period (DEMO_CONTRACT_PERIOD, not imported: that module needs a
// database URL).
const LAST_DAY = "2025-11-30";

const log = (message: string) => process.stderr.write(`bench:daily: ${message}\n`);
const since = (started: number) => round((performance.now() - started) / 1000);
const exists = (db: string) => psql("postgres", `SELECT 1 FROM pg_database WHERE datname = '${db}'`).trim() === "1";

function copyDatabase(from: string, to: string) {
  psql("postgres", `DROP DATABASE IF EXISTS ${to} WITH (FORCE)`);
  psql("postgres", `CREATE DATABASE ${to} TEMPLATE ${from} STRATEGY FILE_COPY`);
}

// Runs a script of this folder against `database` in a child process, where lib/env.ts reads its DATABASE_URL.
function runScript(script: string, database: string, args: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--require", "./lib/runtime/allow-server-only.cjs", script, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl(database), QUEUE_PREFIX, LOG_LEVEL: "warn" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

function baseIsReady(): { day: string } | null {
  if (!exists(BASE) || !fs.existsSync(path.join(DAY_DIR, "day.json"))) return null;
  return JSON.parse(fs.readFileSync(path.join(DAY_DIR, "day.json"), "utf8")) as { day: string };
}

async function prepareBase(): Promise<{ day: string }> {
  const ready = baseIsReady();
  if (ready) return ready;
  await ensureImportedBenchDatabase();
  log(`making ${BASE} from ${BENCH_DATABASE}`);
  copyDatabase(BENCH_DATABASE, BASE);
  migrateDatabase(BASE);
  // The busiest of the last ten days of November 2025: inside the demo contracts' period (2025 H2), and with a
  // month of data after it in every data set, so that the day's later events fall in a month every size holds
  // (the 1 M set ends on 31 December, where the generator cuts events short) and the day calls for the same KPI
  // periods and contract cells whatever the years the data set covers.
  const day = psql(
    BASE,
    `SELECT d FROM (SELECT reg_ts::date AS d, count(*) AS n FROM declarations
                     WHERE reg_ts >= (SELECT max(reg_ts)::date - 10 FROM declarations WHERE reg_ts < '${LAST_DAY}'::date + 1)
                       AND reg_ts < '${LAST_DAY}'::date + 1
                     GROUP BY 1) x
      ORDER BY n DESC, d DESC LIMIT 1`,
  ).trim();
  fs.rmSync(DAY_DIR, { recursive: true, force: true });
  fs.mkdirSync(DAY_DIR, { recursive: true });
  for (const name of ["offices.csv", "officers.csv"]) fs.copyFileSync(path.join(DATA, name), path.join(DAY_DIR, name));
  const ofDay = `decl_id IN (SELECT decl_id FROM declarations WHERE reg_ts >= '${day}' AND reg_ts < '${day}'::date + 1)`;
  for (const name of DAY_FILES) {
    const spec = CANONICAL_FILES.find((f) => f.name === name)!;
    const columns = spec.columns.map((c) => c.name).join(", ");
    const file = path.join(DAY_DIR, spec.fileName);
    psql(
      BASE,
      `\\copy (SELECT ${columns} FROM ${spec.table} WHERE ${ofDay} ORDER BY ${spec.key.join(", ")}) TO '${file}' WITH (FORMAT csv, HEADER true)`,
    );
  }
  psql(
    BASE,
    ["events", "inspections", "items", "declarations"].map((t) => `DELETE FROM ${t} WHERE ${ofDay}`).join("; "),
  );
  psql(BASE, "VACUUM ANALYZE");
  log(`storing the KPI results and flags of ${day}'s quarter and its months, seeding the demo contracts`);
  const started = performance.now();
  await runScript("bench/daily-base.ts", BASE, [day]);
  log(`base ready in ${since(started)} s`);
  fs.writeFileSync(path.join(DAY_DIR, "day.json"), JSON.stringify({ day }) + "\n");
  return { day };
}

type Worker = { stop: () => Promise<void> };

function startWorker(database: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--require", "./lib/runtime/allow-server-only.cjs", "jobs/worker.ts"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl(database), QUEUE_PREFIX, LOG_LEVEL: "info" },
        stdio: ["ignore", "pipe", "inherit"],
        detached: true,
      },
    );
    const stop = () =>
      new Promise<void>((done) => {
        child.once("exit", () => done());
        process.kill(-child.pid!, "SIGTERM");
      });
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      if (buffered.includes('"worker ready"')) resolve({ stop });
      buffered = buffered.slice(-200);
    });
    child.on("exit", (code) => reject(new Error(`the worker exited with ${code}`)));
  });
}

async function clearQueue(redis: Redis) {
  const keys = await redis.keys(`${QUEUE_PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
}

type JobTiming = { name: string; id: string; seconds: number; waitedSeconds: number };

// Waits until no job of the import is left waiting or running; returns when the daily jobs and all jobs finished.
async function waitForJobs(queue: Queue, importEnded: number) {
  let dailyDone: number | null = null;
  for (;;) {
    const pending = await queue.getJobs(["active", "waiting", "delayed", "prioritized", "waiting-children"]);
    const recomputing = pending.filter((job) => !job.repeatJobKey);
    if (dailyDone === null && !recomputing.some((job) => DAILY_JOBS.has(job.name))) dailyDone = performance.now();
    if (!recomputing.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const completed = await queue.getJobs(["completed", "failed"]);
  const jobs: JobTiming[] = completed
    .filter((job) => job.processedOn && job.finishedOn)
    .map((job) => ({
      name: job.name,
      id: job.id!,
      seconds: round((job.finishedOn! - job.processedOn!) / 1000),
      waitedSeconds: round((job.processedOn! - job.timestamp) / 1000),
    }));
  const failed = await queue.getJobs(["failed"]);
  if (failed.length) throw new Error(`jobs failed: ${failed.map((j) => `${j.name}: ${j.failedReason}`).join("; ")}`);
  return {
    dailySeconds: round((dailyDone! - importEnded) / 1000),
    allSeconds: round((performance.now() - importEnded) / 1000),
    jobs,
  };
}

// One psql session for the four files, timed by psql itself (\timing), so process start-up is not counted.
function plainCopy(database: string) {
  const script = path.join(DAY_DIR, "floor.sql");
  const lines = ["\\timing on"];
  for (const name of DAY_FILES) {
    const file = path.join(DAY_DIR, `${name}.csv`);
    const header = fs.readFileSync(file, "utf8").slice(0, 4096).split("\n")[0]!.trim();
    lines.push(`\\copy ${name} (${header}) FROM '${file}' WITH (FORMAT csv, HEADER true)`);
  }
  fs.writeFileSync(script, lines.join("\n") + "\n");
  const out = execFileSync(
    "psql",
    ["-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-f", script],
    {
      encoding: "utf8",
    },
  );
  const times = [...out.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]) / 1000);
  if (times.length !== DAY_FILES.length) throw new Error(`psql printed ${times.length} timings: ${out}`);
  const tables = Object.fromEntries(DAY_FILES.map((name, i) => [name, { seconds: round(times[i]!, 3) }]));
  return {
    seconds: round(
      times.reduce((a, b) => a + b, 0),
      3,
    ),
    tables,
  };
}

const { day } = await prepareBase();
const rows = Object.fromEntries(
  DAY_FILES.map((name) => [
    name,
    fs
      .readFileSync(path.join(DAY_DIR, `${name}.csv`), "utf8")
      .split("\n")
      .filter(Boolean).length - 1,
  ]),
);
log(`day ${day}: ${JSON.stringify(rows)}`);

// The floor first: a copy of the base, the day's files loaded by psql \copy into the real (indexed) tables. Items
// get their derived hs6 column from the file's hs_code, as the import fills it.
copyDatabase(BASE, FLOOR);
psql(FLOOR, "ALTER TABLE items ALTER COLUMN hs6 DROP NOT NULL");
const floor = plainCopy(FLOOR);
psql("postgres", `DROP DATABASE IF EXISTS ${FLOOR} WITH (FORCE)`);

copyDatabase(BASE, RUN);
// The bench database's first load left its recomputation of every period queued in job_runs and its TRS and mirror
// runs in analysis_runs (no worker ran them); the worker's reconcile pass would queue them again and the run would
// time a year's backlog beside the day. The base stands for a portal that has run until the day before, so nothing
// is left over from before the day.
psql(
  RUN,
  "DELETE FROM job_runs WHERE status IN ('QUEUED', 'RUNNING'); DELETE FROM analysis_runs WHERE status IN ('QUEUED', 'RUNNING')",
);
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
await clearQueue(redis);
const queue = new Queue("pmc", { connection: redis, prefix: QUEUE_PREFIX });
const worker = await startWorker(RUN);
let result;
try {
  const started = performance.now();
  const imported = importWithPipeline(RUN, DAY_DIR, QUEUE_PREFIX);
  const importEnded = performance.now();
  const recomputation = await waitForJobs(queue, importEnded);
  const byName = new Map<string, { jobs: number; seconds: number }>();
  for (const job of recomputation.jobs) {
    const entry = byName.get(job.name) ?? { jobs: 0, seconds: 0 };
    byName.set(job.name, { jobs: entry.jobs + 1, seconds: round(entry.seconds + job.seconds) });
  }
  const cells = psql(
    RUN,
    `SELECT json_build_object('kpiResults', (SELECT count(*) FROM kpi_results WHERE computed_at >= now() - interval '1 hour'),
                              'flags', (SELECT count(*) FROM flags))`,
  ).trim();
  result = {
    day,
    rows,
    importSeconds: round(imported.seconds),
    importPeakRssMb: round(imported.peakRssMb),
    importFiles: imported.files,
    importProfile: imported.profile,
    recomputeSeconds: recomputation.dailySeconds,
    endToEndSeconds: round(since(started)),
    endToEndToDailyJobsSeconds: round(imported.seconds + recomputation.dailySeconds),
    untilQueueIdleSeconds: round(imported.seconds + recomputation.allSeconds),
    jobsByName: Object.fromEntries(byName),
    jobs: recomputation.jobs.sort((a, b) => b.seconds - a.seconds),
    stored: JSON.parse(cells) as object,
  };
} finally {
  await worker.stop();
  await queue.close();
  await clearQueue(redis);
  await redis.quit();
}
psql("postgres", `DROP DATABASE IF EXISTS ${RUN} WITH (FORCE)`);

writeResult("daily", {
  benchmark: "daily",
  date: new Date().toISOString(),
  machine: machine(),
  declarationsInDatabase: DECLARATIONS,
  dataPeriod: PERIOD,
  ...result,
  floor: {
    note: "psql \\copy of the day's declarations, items, inspections and events into a copy of the same database",
    ...floor,
  },
  ratioImportToFloor: round(result.importSeconds / floor.seconds),
  ratioEndToEndToFloor: round(result.endToEndToDailyJobsSeconds / floor.seconds),
  targets: { endToEndSeconds: 5 },
});
