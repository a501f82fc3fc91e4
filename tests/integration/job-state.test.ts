// PostgreSQL owns the jobs' state (lib/queue/job-state.ts, job-lease.ts, reconcile-jobs.ts), through real worker
// processes and a real Redis: a batch left RUNNING by a worker that died is queued again and imported once, one
// interrupted too often fails with its reason and is retried at once, a job delivered twice runs once, a finished
// one never runs again, and work the queue lost is queued again from the database with the schedules.
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { retryImportBatch } from "@/lib/clearance/retry-import";
import { closeQueue, enqueue, getQueue } from "@/lib/queue/enqueue";
import { JOB_NAMES } from "@/lib/queue/job-names";
import { SCHEDULES } from "@/lib/queue/job-schedules";
import { clearClearanceData, clearanceDigest } from "@/tests/support/clearance-db";
import { startWorker, type WorkerProcess } from "@/tests/support/worker-process";
import { clearQueuedJobs } from "@/tests/support/clear-jobs";

const FIXTURE = path.resolve("tests/fixtures/canonical-small");
// Short lease and reconcile period, so that an interruption is noticed within seconds.
const FAST = { JOB_LEASE_SECONDS: "2", JOB_RECONCILE_SECONDS: "1" };

async function waitForBatch(id: number, statuses = ["SUCCEEDED", "FAILED"], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id } });
    if (statuses.includes(batch.status)) return batch;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${batch.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function importAudit(id: number): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ action: string; n: number }>(
    `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_type = 'import' AND entity_id = $1 GROUP BY action`,
    [String(id)],
  );
  return Object.fromEntries(rows.map((r) => [r.action, r.n]));
}

// As a worker that died mid-import leaves it (kill -9, a machine lost).
async function leaveRunning(id: number, attempts: number) {
  await pool.query(
    `UPDATE import_batches SET status = 'RUNNING', owner = 'worker gone:1', attempts = $2, progress = 45.9,
            started_at = now() - interval '2 minutes', heartbeat_at = now() - interval '1 minute'
      WHERE id = $1`,
    [id, attempts],
  );
}

describe("jobs whose state PostgreSQL owns", () => {
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    await clearClearanceData();
    await clearQueuedJobs();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    await closeQueue();
    await db.$disconnect();
  });

  it("queues again an import left RUNNING by a worker that died, and imports it once", async () => {
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE });
    await leaveRunning(batchId, 1);
    workers.push(await startWorker({ env: FAST }));
    const batch = await waitForBatch(batchId, ["SUCCEEDED"]);
    expect(batch).toMatchObject({ attempts: 2, generation: 1, progress: 100 });
    expect(await importAudit(batchId)).toEqual({ "import.interrupted": 1, "import.succeeded": 1 });
    expect(await getQueue().getJob(`import-${batchId}-r1`)).toBeTruthy();
  });

  it("fails an import interrupted JOB_MAX_ATTEMPTS times with the reason, and a retry runs it at once", async () => {
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE });
    await leaveRunning(batchId, 3);
    // The queue still holds the batch's first job id, as a job it gave up on would.
    await getQueue().add(JOB_NAMES.importRun, { batchId }, { jobId: `import-${batchId}` });
    workers.push(await startWorker({ env: FAST }));
    const failed = await waitForBatch(batchId);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/^interrupted 3 times \(last heartbeat .* from worker gone:1\)/);
    // Queuing it again does nothing: the row says it is finished.
    expect(await enqueue(JOB_NAMES.importRun, { batchId })).toBe(`import-${batchId}`);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).status).toBe("FAILED");

    await retryImportBatch(batchId, null);
    const retried = await waitForBatch(batchId);
    expect(retried).toMatchObject({ status: "SUCCEEDED", attempts: 1, generation: 1, error: null });
    expect(await getQueue().getJob(`import-${batchId}-r1`)).toBeTruthy();
    expect(await importAudit(batchId)).toEqual({
      "import.failed": 1,
      "import.retried": 1,
      "import.succeeded": 1,
    });
    await expect(retryImportBatch(batchId, null)).rejects.toMatchObject({ code: "CONFLICT", message: "notFailed" });
  });

  it("runs an import delivered twice at once only once, and never runs a finished one again", async () => {
    workers.push(...(await Promise.all([1, 2].map(() => startWorker({ env: { ...FAST, WORKER_CONCURRENCY: "1" } })))));
    const before = await clearanceDigest();
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE });
    // The same batch under two job ids, as a queue that lost a job's lock hands it out a second time.
    await Promise.all(
      ["a", "b"].map((copy) => getQueue().add(JOB_NAMES.importRun, { batchId }, { jobId: `twice-${copy}-${batchId}` })),
    );
    const batch = await waitForBatch(batchId);
    expect(batch.status).toBe("SUCCEEDED");
    const jobs = await Promise.all(["a", "b"].map((copy) => getQueue().getJob(`twice-${copy}-${batchId}`)));
    await expect
      .poll(async () => Promise.all(jobs.map((j) => j!.getState())), { timeout: 30_000 })
      .toEqual(["completed", "completed"]);

    const finishedAt = batch.finishedAt;
    await getQueue().add(JOB_NAMES.importRun, { batchId }, { jobId: `again-${batchId}` });
    const again = (await getQueue().getJob(`again-${batchId}`))!;
    await expect.poll(() => again.getState(), { timeout: 30_000 }).toBe("completed");
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).finishedAt).toEqual(finishedAt);
    expect(await importAudit(batchId)).toEqual({ "import.succeeded": 1 });
    // The fixture was stored by the first test: importing it again changed nothing.
    expect(await clearanceDigest()).toBe(before);
  });

  it("queues again from the database the work and the schedules a Redis that restarted empty lost", async () => {
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE });
    await enqueue(JOB_NAMES.importRun, { batchId });
    const kpiJob = await enqueue(
      JOB_NAMES.kpisCompute,
      { from: "2025-03-01", to: "2025-03-31", officers: null, offices: null },
      "lost",
    );
    // Everything this test run had in Redis is gone, as after a restart of a Redis that keeps nothing on disk.
    await getQueue().obliterate({ force: true });
    expect(await getQueue().getJob(`import-${batchId}`)).toBeUndefined();

    workers.push(await startWorker({ env: FAST }));
    expect((await waitForBatch(batchId)).status).toBe("SUCCEEDED");
    await expect
      .poll(
        async () =>
          (await pool.query(`SELECT status::text FROM job_runs WHERE job_key = $1`, [kpiJob])).rows[0]?.status,
        { timeout: 30_000 },
      )
      .toBe("SUCCEEDED");
    const schedulers = await getQueue().getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(SCHEDULES.map((s) => s.id).sort());
    expect(SCHEDULES.length).toBe(5);
  });
});
