// Fault suite: an import of a generated data set through real worker processes and a Redis server of this test's
// own (a free port, started and stopped here), while the test breaks things: kill -9 of the worker twice, Redis
// restarted empty, Redis gone for 10 s with its data, SIGTERM to the worker's process group, two imports at once.
// Each ends as a clean import does: the same table digests, no batch left RUNNING, exactly one "import.succeeded"
// in the audit log per batch, and the repeatable schedules registered in Redis.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnGroup } from "@/tests/support/child-group";
import { projectRoot } from "@/tests/support/local-services";
import { startRedisServer, type RedisServer } from "@/tests/support/redis-server";
import { isReadyLine, startWorker, type WorkerProcess } from "@/tests/support/worker-process";

// Large enough for an import to take a few seconds in a worker, small enough for the suite to stay within minutes.
const DECLARATIONS = 8_000;
const SCENARIO_TIMEOUT_MS = 240_000;

// lib/env reads REDIS_URL once, when first imported: every module that reaches it is loaded after this test's
// Redis has started (see beforeAll).
type Lib = {
  pool: typeof import("@/lib/pg").pool;
  db: typeof import("@/lib/db").db;
  createImportBatch: typeof import("@/lib/clearance/create-import-batch").createImportBatch;
  runImportBatch: typeof import("@/lib/clearance/run-import-batch").runImportBatch;
  enqueue: typeof import("@/lib/queue/enqueue").enqueue;
  getQueue: typeof import("@/lib/queue/enqueue").getQueue;
  closeQueue: typeof import("@/lib/queue/enqueue").closeQueue;
  JOB_NAMES: typeof import("@/lib/queue/job-names").JOB_NAMES;
  SCHEDULES: typeof import("@/lib/queue/job-schedules").SCHEDULES;
  clearClearanceData: typeof import("@/tests/support/clearance-db").clearClearanceData;
  clearanceDigest: typeof import("@/tests/support/clearance-db").clearanceDigest;
};

describe("fault suite: imports that survive crashes, Redis outages and shutdowns", () => {
  let redis: RedisServer;
  let lib: Lib;
  let dataset: string;
  let cleanDigest: string;
  const workers: WorkerProcess[] = [];
  const timings: Record<string, number> = {};

  const workerEnv = (extra: Record<string, string> = {}) => ({
    REDIS_URL: redis.url,
    // A dead worker's batch is queued again within seconds instead of a minute.
    JOB_LEASE_SECONDS: "3",
    JOB_RECONCILE_SECONDS: "1",
    WORKER_SHUTDOWN_GRACE_SECONDS: "1",
    ...extra,
  });

  const start = async (extra?: Record<string, string>) => {
    const worker = await startWorker({ env: workerEnv(extra) });
    workers.push(worker);
    return worker;
  };

  const stopWorkers = () => Promise.all(workers.splice(0).map((w) => w.stop(20_000)));

  async function batchState(id: number) {
    const { rows } = await lib.pool.query<{ status: string; progress: number; attempts: number; phase: string }>(
      `SELECT status::text AS status, progress, attempts, phase FROM import_batches WHERE id = $1`,
      [id],
    );
    return rows[0]!;
  }

  async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 150_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // Mid-import: reading the files, a fifth of the way in, by the given attempt.
  const midImport = (id: number, attempt = 1) =>
    waitFor(
      `import ${id} under way`,
      () => batchState(id),
      (b) => b.status === "RUNNING" && b.attempts === attempt && b.progress >= 20,
    );

  const finished = (id: number) =>
    waitFor(
      `import ${id} finished`,
      () => batchState(id),
      (b) => b.status === "SUCCEEDED" || b.status === "FAILED",
    );

  async function newBatch(): Promise<number> {
    const id = await lib.createImportBatch({ kind: "CANONICAL", sourcePath: dataset });
    await lib.enqueue(lib.JOB_NAMES.importRun, { batchId: id });
    return id;
  }

  // What every scenario must end with.
  async function expectCleanOutcome(batchIds: number[]) {
    for (const id of batchIds) expect((await batchState(id)).status).toBe("SUCCEEDED");
    expect(await lib.clearanceDigest({ ignore: ["import_batch_id"] })).toBe(cleanDigest);
    const running = await lib.pool.query(`SELECT id FROM import_batches WHERE status IN ('RUNNING', 'QUEUED')`);
    expect(running.rows).toEqual([]);
    const { rows } = await lib.pool.query<{ entity_id: string; n: number }>(
      `SELECT entity_id, count(*)::int AS n FROM audit_log
        WHERE action = 'import.succeeded' AND entity_id = ANY($1) GROUP BY entity_id ORDER BY entity_id`,
      [batchIds.map(String)],
    );
    expect(rows).toEqual(
      batchIds.map((id) => ({ entity_id: String(id), n: 1 })).sort((a, b) => a.entity_id.localeCompare(b.entity_id)),
    );
    await expect
      .poll(async () => (await lib.getQueue().getJobSchedulers()).map((s) => s.key).sort(), { timeout: 30_000 })
      .toEqual(lib.SCHEDULES.map((s) => s.id).sort());
    for (const worker of workers) expect(worker.output()).not.toMatch(/unhandled rejection|uncaught exception/);
  }

  async function scenario(name: string, run: () => Promise<number[]>) {
    const started = Date.now();
    await lib.clearClearanceData();
    await lib.pool.query("DELETE FROM job_runs; DELETE FROM analysis_runs");
    try {
      await expectCleanOutcome(await run());
    } finally {
      await stopWorkers();
      await lib.getQueue().obliterate({ force: true });
      timings[name] = (Date.now() - started) / 1000;
    }
  }

  beforeAll(async () => {
    const started = Date.now();
    redis = await startRedisServer();
    process.env.REDIS_URL = redis.url;
    const [pg, db, create, run, queue, names, schedules, clearance, generator] = await Promise.all([
      import("@/lib/pg"),
      import("@/lib/db"),
      import("@/lib/clearance/create-import-batch"),
      import("@/lib/clearance/run-import-batch"),
      import("@/lib/queue/enqueue"),
      import("@/lib/queue/job-names"),
      import("@/lib/queue/job-schedules"),
      import("@/tests/support/clearance-db"),
      import("@/tools/generator/generate-dataset"),
    ]);
    lib = {
      pool: pg.pool,
      db: db.db,
      createImportBatch: create.createImportBatch,
      runImportBatch: run.runImportBatch,
      enqueue: queue.enqueue,
      getQueue: queue.getQueue,
      closeQueue: queue.closeQueue,
      JOB_NAMES: names.JOB_NAMES,
      SCHEDULES: schedules.SCHEDULES,
      clearClearanceData: clearance.clearClearanceData,
      clearanceDigest: clearance.clearanceDigest,
    };
    dataset = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-faults-"));
    await generator.generateDataset({
      outDir: dataset,
      declarations: DECLARATIONS,
      seed: 18,
      from: "2025-01-01",
      to: "2025-06-30",
    });
    // The reference: the same files imported once with nothing breaking.
    await lib.clearClearanceData();
    await lib.runImportBatch(await lib.createImportBatch({ kind: "CANONICAL", sourcePath: dataset }));
    cleanDigest = await lib.clearanceDigest({ ignore: ["import_batch_id"] });
    await lib.getQueue().obliterate({ force: true });
    timings.setup = (Date.now() - started) / 1000;
  }, SCENARIO_TIMEOUT_MS);

  afterAll(async () => {
    await stopWorkers();
    await lib?.closeQueue();
    await lib?.db.$disconnect();
    await redis?.dispose();
    if (dataset) await fs.rm(dataset, { recursive: true, force: true });
    console.log(`[faults] seconds: ${JSON.stringify(timings)}`);
  });

  it(
    "kill -9 of the worker twice during the same import: queued again each time, then imported once",
    () =>
      scenario("kill-9-twice", async () => {
        const id = await newBatch();
        for (const attempt of [1, 2]) {
          const worker = await start();
          await midImport(id, attempt);
          await worker.kill("SIGKILL");
        }
        await start();
        expect((await finished(id)).status).toBe("SUCCEEDED");
        expect((await batchState(id)).attempts).toBe(3);
        return [id];
      }),
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "Redis restarted empty mid-import: the worker lives on, finishes the import and registers the schedules again",
    () =>
      scenario("redis-restarted-empty", async () => {
        const id = await newBatch();
        const worker = await start();
        await midImport(id);
        await redis.stop();
        await redis.start();
        expect((await finished(id)).status).toBe("SUCCEEDED");
        expect(worker.exitCode()).toBeUndefined();
        await expect.poll(() => worker.output(), { timeout: 30_000 }).toMatch(/Redis connection back/);
        return [id];
      }),
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "Redis gone for 10 s with its data kept: the import is committed once and its job ends completed",
    () =>
      scenario("redis-down-10s", async () => {
        const id = await newBatch();
        const worker = await start();
        await midImport(id);
        await redis.stop({ keepData: true });
        await new Promise((r) => setTimeout(r, 10_000));
        await redis.start();
        expect((await finished(id)).status).toBe("SUCCEEDED");
        expect(worker.exitCode()).toBeUndefined();
        await expect.poll(() => worker.output(), { timeout: 30_000 }).toMatch(/Redis connection back/);
        await expect
          .poll(async () => (await lib.getQueue().getJob(`import-${id}`))?.getState(), { timeout: 60_000 })
          .toBe("completed");
        return [id];
      }),
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "SIGTERM to the worker's group mid-job hands the import back and exits 0; Ctrl-C to the demo's supervisor lets `npm run worker` finish it",
    () =>
      scenario("sigterm-and-ctrl-c", async () => {
        const id = await newBatch();
        // A grace period shorter than what is left of the import (a second can be enough to finish these files).
        const worker = await start({ WORKER_SHUTDOWN_GRACE_SECONDS: "0.2" });
        await midImport(id);
        const stopped = Date.now();
        expect(await worker.stop(20_000)).toBe(0);
        // The grace period and the hand-back, not the 20 s after which the harness would kill it.
        expect(Date.now() - stopped).toBeLessThan(10_000);
        expect(worker.output()).toMatch(/running jobs handed back/);
        expect(await batchState(id)).toMatchObject({ status: "QUEUED", attempts: 0 });

        // As `npm run demo` runs the worker; Ctrl-C signals the supervisor's process group, as a terminal does.
        const supervisor = spawnGroup(
          "bash",
          [
            "-c",
            "source scripts/lib/services.sh; source scripts/lib/supervise.sh; start_child npm run --silent worker; supervise_children",
          ],
          {
            cwd: projectRoot,
            env: { ...process.env, LOG_LEVEL: "debug", ...workerEnv({ WORKER_SHUTDOWN_GRACE_SECONDS: "120" }) },
          },
        );
        await supervisor.waitForLine(isReadyLine, 60_000, "the supervisor's worker");
        await midImport(id);
        expect(await supervisor.kill("SIGINT")).toBe(0);
        // The worker finished the import within its grace period instead of being killed.
        expect((await batchState(id)).status).toBe("SUCCEEDED");
        expect(supervisor.output()).toMatch(/"msg":"worker stopped"/);
        expect(supervisor.output()).not.toMatch(/handed back|killed/);
        return [id];
      }),
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "two imports of the same files at once, on two workers: both succeed, one after the other",
    () =>
      scenario("two-imports", async () => {
        await Promise.all([1, 2].map(() => start({ WORKER_CONCURRENCY: "1" })));
        const ids = await Promise.all([newBatch(), newBatch()]);
        for (const id of ids) expect((await finished(id)).status).toBe("SUCCEEDED");
        return ids;
      }),
    SCENARIO_TIMEOUT_MS,
  );
});
