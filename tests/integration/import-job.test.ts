// The import job end to end through real Redis and a real worker process: queued by the same service the upload
// route uses, processed by `npm run worker`, idempotent when queued twice.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { enqueue, closeQueue, getQueue } from "@/lib/queue/enqueue";
import { JOB_NAMES } from "@/lib/queue/job-names";
import { clearClearanceData, tableCounts } from "@/tests/support/clearance-db";
import { startWorker, type WorkerProcess } from "@/tests/support/worker-process";
import { zipFolder } from "@/tests/support/zip-folder";

async function waitForBatch(id: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id } });
    if (batch.status === "SUCCEEDED" || batch.status === "FAILED") return batch;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${batch.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("import.run job", () => {
  let worker: WorkerProcess;
  beforeAll(async () => {
    await clearClearanceData();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.stop();
    await closeQueue();
    await db.$disconnect();
  });

  it("imports an uploaded zip in the worker and records the outcome", async () => {
    const zip = await zipFolder(path.resolve("tests/fixtures/canonical-small"));
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: zip });
    const jobId = await enqueue(JOB_NAMES.importRun, { batchId });
    const batch = await waitForBatch(batchId);
    expect(batch.status).toBe("SUCCEEDED");
    expect((await tableCounts()).declarations).toBe(6);
    // The batch row is final before the job is: the processor still queues the KPI recomputation.
    const job = (await getQueue().getJob(jobId))!;
    await expect.poll(() => job.getState(), { timeout: 30_000 }).toBe("completed");
    expect((await getQueue().getJob(jobId))?.progress).toBe(100);
  });

  it("queues one job per batch however often it is asked", async () => {
    const batchId = await createImportBatch({
      kind: "CANONICAL",
      sourcePath: path.resolve("tests/fixtures/canonical-small"),
    });
    const [a, b] = await Promise.all([
      enqueue(JOB_NAMES.importRun, { batchId }),
      enqueue(JOB_NAMES.importRun, { batchId }),
    ]);
    expect(a).toBe(b);
    expect((await waitForBatch(batchId)).status).toBe("SUCCEEDED");
  });

  it("fails without retrying when the upload is not usable", async () => {
    const batchId = await createImportBatch({
      kind: "CANONICAL",
      sourcePath: path.resolve("tests/fixtures/kcs-small"),
    });
    const jobId = await enqueue(JOB_NAMES.importRun, { batchId });
    const batch = await waitForBatch(batchId);
    expect(batch.status).toBe("FAILED");
    expect(batch.error).toMatch(/required file\(s\) missing: offices.csv/);
    // A retriable failure would leave the job "delayed" for its next attempt; this one goes straight to "failed".
    const job = (await getQueue().getJob(jobId))!;
    let state = await job.getState();
    for (let i = 0; state === "active" && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await job.getState();
    }
    expect(state).toBe("failed");
  });

  it("rejects a payload that is not a batch id when it is queued", async () => {
    await expect(enqueue(JOB_NAMES.importRun, { batchId: -1 })).rejects.toThrow();
  });
});
