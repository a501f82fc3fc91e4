#!/usr/bin/env node
// `npm start`: the production build served by `next start` in several processes sharing one port (node:cluster),
// because a Node process renders one page at a time on one core: with one process, twenty managers opening their
// dashboards queue behind each other while the other cores idle. Every process keeps its own page cache; what they
// must share (sessions, the sign-in throttle, jobs) lives in PostgreSQL and Redis. PMC_WEB_WORKERS sets the number
// of processes; by default one per core but one, left to PostgreSQL and the job worker, which share the machine in
// the demo (on 2 cores, a second web process made the cached pages slower and the rendered ones no faster:
// docs/decisions/035-one-web-process-per-core.md). Arguments are `next start`'s (-p PORT -H HOST).
import cluster from "node:cluster";
import os from "node:os";
import { createRequire } from "node:module";

// A worker that dies this soon after it started is not restarted: the server cannot start (port taken, no build),
// and restarting it forever would hide that.
const STARTUP_MS = 15_000;

function workerCount(value) {
  if (value === undefined || value === "") return Math.max(1, os.availableParallelism() - 1);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`PMC_WEB_WORKERS must be a whole number from 1 to 64, not "${value}"`);
    process.exit(2);
  }
  return n;
}

const workers = workerCount(process.env.PMC_WEB_WORKERS);
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
cluster.setupPrimary({ exec: nextBin, args: ["start", ...process.argv.slice(2)] });

const startedAt = new Map();
const fork = () => startedAt.set(cluster.fork().id, Date.now());
const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
// Set once stopping: the code the server exits with when its last process is gone.
let exitCode = null;

cluster.on("exit", (worker, code, signal) => {
  if (exitCode !== null) {
    if (alive().length === 0) process.exit(exitCode);
    return;
  }
  if (Date.now() - (startedAt.get(worker.id) ?? 0) < STARTUP_MS) {
    console.error(`serve: a web process exited while starting (${signal ?? `code ${code}`}); stopping`);
    stopAll("SIGTERM", code || 1);
    return;
  }
  console.error(`serve: web process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
  fork();
});

function stopAll(signal, code = 0) {
  exitCode = code;
  if (alive().length === 0) process.exit(code);
  for (const worker of alive()) worker.process.kill(signal);
  setTimeout(() => process.exit(code), 10_000).unref();
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stopAll(signal));

console.log(`serve: ${workers} web process${workers === 1 ? "" : "es"} (PMC_WEB_WORKERS)`);
for (let i = 0; i < workers; i++) fork();
