// Two databases on one Redis never exchange jobs: a process that is not given QUEUE_PREFIX takes its database's
// name as its prefix, every job carries its database's identity, and a worker attached to another database
// refuses a job that reaches it anyway (a prefix shared by mistake), leaving it in the queue for a worker of its
// own database.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env, queuePrefixFor } from "@/lib/env";
import { pool } from "@/lib/pg";
import { closeQueue, enqueue, getQueue } from "@/lib/queue/enqueue";
import { JOB_NAMES, QUEUE_NAME } from "@/lib/queue/job-names";
import { db } from "@/lib/db";
import { migrateDatabase, projectRoot, recreateDatabase } from "@/tests/support/local-services";
import { startWorker, type WorkerProcess } from "@/tests/support/worker-process";
import { clearQueuedJobs } from "@/tests/support/clear-jobs";

const other = new URL(env.DATABASE_URL);
other.pathname = `${other.pathname}_other`;
const OTHER_URL = other.toString();
const OTHER_PREFIX = queuePrefixFor(OTHER_URL);

describe("queue isolation between databases", () => {
  const workers: WorkerProcess[] = [];
  let otherQueue: Queue;
  let otherConnection: Redis;

  beforeAll(async () => {
    await recreateDatabase(OTHER_URL);
    await migrateDatabase(OTHER_URL);
    otherConnection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    otherQueue = new Queue(QUEUE_NAME, { connection: otherConnection, prefix: OTHER_PREFIX });
    await otherQueue.obliterate({ force: true });
    await clearQueuedJobs();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await otherQueue.obliterate({ force: true });
    await otherQueue.close();
    otherConnection.disconnect();
    await closeQueue();
    await db.$disconnect();
    await recreateDatabase(OTHER_URL, { create: false });
  });

  it("queues the follow-up jobs of `pmc import` under its own database's prefix when QUEUE_PREFIX is not set", async () => {
    expect(OTHER_PREFIX).toBe(path.basename(other.pathname));
    const cliEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: OTHER_URL };
    delete cliEnv.QUEUE_PREFIX;
    await promisify(execFile)(process.execPath, ["bin/pmc.mjs", "import", "--dir", "tests/fixtures/canonical-small"], {
      cwd: projectRoot,
      env: cliEnv,
    });
    const queued = await otherQueue.getJobs(["waiting", "delayed", "prioritized"]);
    expect(queued.filter((j) => j.name === JOB_NAMES.kpisCompute).length).toBeGreaterThan(0);
    // Each carries the identity of the database it was queued for.
    const client = new pg.Client({ connectionString: OTHER_URL });
    await client.connect();
    const { rows } = await client.query<{ id: string }>("SELECT id::text AS id FROM database_identity");
    await client.end();
    expect(new Set(queued.map((j) => j.data.database))).toEqual(new Set([rows[0]!.id]));
    // Nothing reached this test run's own queue.
    expect(
      (await getQueue().getJobs(["waiting", "delayed", "prioritized"])).filter((j) => j.data.database === rows[0]!.id),
    ).toEqual([]);
  });

  it("refuses, with a clear log line, a job queued for another database on a shared prefix", async () => {
    const foreign = await startWorker({ env: { DATABASE_URL: OTHER_URL, QUEUE_PREFIX: env.QUEUE_PREFIX } });
    workers.push(foreign);
    const jobId = await enqueue(
      JOB_NAMES.kpisCompute,
      { from: "2025-03-01", to: "2025-03-31", officers: null, offices: null },
      "isolation",
    );
    const refusal = () =>
      foreign
        .output()
        .split("\n")
        .find(
          (line) => line.includes(`"job":"${jobId}"`) && line.includes("refused a job queued for another database"),
        );
    await expect.poll(refusal, { timeout: 30_000 }).toBeTruthy();
    expect(JSON.parse(refusal()!)).toMatchObject({ workerDatabase: expect.stringMatching(/_other \(/) });
    const job = (await getQueue().getJob(jobId))!;
    expect(await job.getState()).toBe("delayed");
    const row = await pool.query(`SELECT status::text AS status FROM job_runs WHERE job_key = $1`, [jobId]);
    expect(row.rows).toEqual([{ status: "QUEUED" }]);

    // A worker of this test run's database takes it once it is due.
    await foreign.stop();
    workers.push(await startWorker());
    await job.promote();
    await expect
      .poll(
        async () =>
          (await pool.query(`SELECT status::text AS status FROM job_runs WHERE job_key = $1`, [jobId])).rows[0]?.status,
        { timeout: 30_000 },
      )
      .toBe("SUCCEEDED");
  });
});
