// trs.compute and mirror.compute as jobs on analysis_runs rows: an import queues the periods it touched, a real
// worker stores the tables (equal to computing them directly), re-running replaces rather than duplicates, a
// request for what is already waiting is that run, and a year without an exchange rate fails once, for good.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import { computeTrs } from "@/lib/trs/compute-trs";
import { computeMirror } from "@/lib/mirror/compute-mirror";
import { closeQueue, getQueue } from "@/lib/queue/enqueue";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { startWorker, type WorkerProcess } from "@/tests/support/worker-process";
import { clearQueuedJobs } from "@/tests/support/clear-jobs";

const FIXTURE = path.resolve("tests/fixtures/canonical-small");

async function drained(timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await getQueue().getJobCounts("waiting", "active", "prioritized");
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const storedTrs = async (from: string, to: string) =>
  (
    await pool.query(
      `SELECT office_code AS "officeCode", lane::text AS lane, interval, count, mean_h AS "meanH", median_h AS "medianH",
              p90_h AS "p90H", censored, last_import_id
         FROM trs_results WHERE period_from = $1::date AND period_to = $2::date
        ORDER BY trs_results.office_code, trs_results.lane, array_position(ARRAY['arrival_reg','reg_asmt','asmt_pay','pay_release','reg_release','arrival_release'], interval)`,
      [from, to],
    )
  ).rows;

describe("TRS and mirror jobs", () => {
  let worker: WorkerProcess;
  let batchId: number;
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM analysis_runs WHERE kind IN ('TRS_COMPUTE', 'MIRROR_COMPUTE')");
    await clearQueuedJobs();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.stop();
    await closeQueue();
    await db.$disconnect();
  });

  it("are queued by an import for the months, quarters and years it touched, and store what computing directly gives", async () => {
    batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE });
    await runImportBatch(batchId);
    const runs = await db.analysisRun.findMany({
      where: { kind: { in: ["TRS_COMPUTE", "MIRROR_COMPUTE"] } },
      orderBy: { id: "asc" },
    });
    // canonical-small's declarations are registered in March and April 2025.
    expect(runs.filter((r) => r.kind === "TRS_COMPUTE").map((r) => r.params)).toEqual([
      { from: "2025-01-01", to: "2025-03-31" },
      { from: "2025-01-01", to: "2025-12-31" },
      { from: "2025-03-01", to: "2025-03-31" },
      { from: "2025-04-01", to: "2025-04-30" },
      { from: "2025-04-01", to: "2025-06-30" },
    ]);
    expect(runs.filter((r) => r.kind === "MIRROR_COMPUTE").map((r) => r.params)).toEqual([{ year: 2025 }]);
    // Queued by the contracts' refresh that the import's KPI jobs queue as they end, so that the dashboards' figures
    // come first and each job has the worker's cores to itself.
    const queuedAtOnce = await getQueue().getJobs(["waiting", "active", "completed"]);
    expect(queuedAtOnce.filter((j) => j.name === "trs.compute" || j.name === "mirror.compute")).toEqual([]);

    await drained();
    const jobs = await getQueue().getJobs(["completed"]);
    expect(jobs.filter((j) => j.name === "trs.compute")).toHaveLength(5);
    expect(jobs.filter((j) => j.name === "mirror.compute").map((j) => j.id)).toEqual([
      `mirror-compute-${runs.at(-1)!.id}`,
    ]);
    // The refresh carries the runs to queue when it ends.
    const refreshes = jobs.filter((j) => j.name === "contracts.refresh-indicators");
    expect(refreshes.map((j) => [j.data.reason, j.data.analysisRuns])).toEqual([
      [`import-${batchId}`, runs.map((r) => r.id)],
    ]);
    for (const j of jobs.filter((j) => j.name === "trs.compute" || j.name === "mirror.compute")) {
      expect(j.processedOn!).toBeGreaterThan(refreshes[0]!.processedOn!);
    }
    const done = await db.analysisRun.findMany({ where: { id: { in: runs.map((r) => r.id) } } });
    expect(done.map((r) => [r.status, r.progress])).toEqual(runs.map(() => ["SUCCEEDED", 100]));
    const completed = (await getQueue().getJobs(["completed"])).filter(
      (j) => j.name === "trs.compute" || j.name === "mirror.compute",
    );
    expect(completed.map((j) => j.progress)).toEqual(completed.map(() => 100));

    const march = await computeTrs({ from: "2025-03-01", to: "2025-03-31" });
    expect(march.length).toBeGreaterThan(0);
    expect(await storedTrs("2025-03-01", "2025-03-31")).toEqual(march.map((r) => ({ ...r, last_import_id: batchId })));
    const { rows: mirror } = await pool.query(
      `SELECT partner_country AS "partnerCountry", hs6, flagged, value_gap_usd AS "valueGapUsd", revenue_at_stake AS "revenueAtStake"
         FROM mirror_results WHERE year = 2025 ORDER BY partner_country, hs6`,
    );
    expect(mirror).toEqual(
      (await computeMirror({ year: 2025 })).map((r) => ({
        partnerCountry: r.partnerCountry,
        hs6: r.hs6,
        flagged: r.flagged,
        valueGapUsd: r.valueGapUsd,
        revenueAtStake: r.revenueAtStake,
      })),
    );
  });

  it("computes on demand once per request, however often it is asked while waiting, and replaces the stored rows", async () => {
    const before = await storedTrs("2025-03-01", "2025-03-31");
    await worker.stop();
    const first = await requestAnalysisRun(
      "TRS_COMPUTE",
      { from: "2025-03-01", to: "2025-03-31" },
      { requestedById: null },
    );
    const second = await requestAnalysisRun(
      "TRS_COMPUTE",
      { from: "2025-03-01", to: "2025-03-31" },
      { requestedById: null },
    );
    expect(first.created).toBe(true);
    expect(second).toEqual({ runId: first.runId, created: false });
    worker = await startWorker();
    await drained();
    expect((await db.analysisRun.findUniqueOrThrow({ where: { id: first.runId } })).status).toBe("SUCCEEDED");
    expect(await storedTrs("2025-03-01", "2025-03-31")).toEqual(before);
  });

  it("fails a mirror year without an exchange rate once, with the reason, and does not retry it", async () => {
    const { runId } = await requestAnalysisRun("MIRROR_COMPUTE", { year: 2019 }, { requestedById: null });
    await drained();
    const deadline = Date.now() + 30_000;
    let run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
    while (run.status !== "FAILED" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
    }
    expect(run).toMatchObject({ status: "FAILED", error: "no exchange rate for 2019 in exchange_rates" });
    const job = await getQueue().getJob(`mirror-compute-${runId}`);
    expect(await job!.getState()).toBe("failed");
    expect(job!.attemptsMade).toBe(1);
  });
});
