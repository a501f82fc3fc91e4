// KPI computation as jobs: an import queues the recomputation of the cells it touched, two worker processes share
// the work, and recomputing writes the same rows again without duplicates.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { closeQueue, getQueue } from "@/lib/queue/enqueue";
import { processKpisRecomputeOpen } from "@/jobs/processors/kpis";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { startWorker, type WorkerProcess } from "@/tests/support/worker-process";
import { clearQueuedJobs } from "@/tests/support/clear-jobs";

const FIXTURE = path.resolve("tests/fixtures/canonical-small");

async function drained(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The nightly scheduler's next run is always "delayed": only work that is due counts.
    const counts = await getQueue().getJobCounts("waiting", "active", "prioritized");
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("KPI jobs", () => {
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM kpi_results");
    await clearQueuedJobs();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await closeQueue();
    await db.$disconnect();
  });

  it("recomputes after an import exactly the cells it touched, shared by two workers", async () => {
    // One job at a time each, so the second worker takes what arrives while the first is busy.
    workers.push(
      ...(await Promise.all([1, 2].map(() => startWorker({ env: { ...process.env, WORKER_CONCURRENCY: "1" } })))),
    );
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: FIXTURE });
    const outcome = await runImportBatch(batchId);
    // Offices and officers are new, so every subject of every month with data (March and April 2025) is touched.
    const jobs = await getQueue().getJobs(["waiting", "active", "completed"]);
    // Detection runs inside each period's KPI job, on the values it has just stored.
    expect(jobs.filter((j) => j.name === "integrity.detect")).toEqual([]);
    // One job per quarter with its touched months, for every officer (with their units) and every office at once.
    expect(
      jobs
        .filter((j) => j.name === "kpis.compute")
        .map((j) => `${j.data.from} ${j.data.to} ${JSON.stringify([j.data.months, j.data.officers, j.data.offices])}`)
        .sort(),
    ).toEqual(['2025-01-01 2025-03-31 [["2025-03"],null,null]', '2025-04-01 2025-06-30 [["2025-04"],null,null]']);
    expect(outcome.affectedCells).toContainEqual(["office", "*", "*"]);
    // The contracts' refresh is queued by the period jobs as they end, once.
    expect(jobs.filter((j) => j.name === "contracts.refresh-indicators")).toEqual([]);

    await drained();
    // The import's TRS and mirror runs (tests/integration/analysis-jobs.test.ts) are not KPI jobs.
    const done = (await getQueue().getJobs(["completed"])).filter(
      (j) => j.name !== "trs.compute" && j.name !== "mirror.compute",
    );
    expect(done).toHaveLength(3);
    const refresh = done.filter((j) => j.name === "contracts.refresh-indicators");
    expect(refresh.map((j) => j.data.reason)).toEqual([`import-${batchId}`]);
    const quarterJobsEnded = Math.min(...done.filter((j) => j.name === "kpis.compute").map((j) => j.finishedOn!));
    expect(refresh[0]!.processedOn!).toBeGreaterThanOrEqual(quarterJobsEnded);
    const processedBy = new Set(done.map((j) => j.processedBy));
    expect(processedBy.size).toBe(2);

    const { rows } = await pool.query(
      `SELECT subject_id, value, numerator, denominator, last_import_id FROM kpi_results
        WHERE subject_type = 'officer' AND period_from = '2025-03-01' AND period_to = '2025-03-31' AND kpi_id = 'P4'
        ORDER BY subject_id`,
    );
    const expected = (
      await computeKpis({ from: "2025-03-01", to: "2025-03-31", subject: "officer", kpiIds: ["P4"] })
    ).map((r) => ({
      subject_id: r.subjectId,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      last_import_id: batchId,
    }));
    expect(rows).toEqual(expected);
    // OF001 assessed D001 after 1.75 h and D002 after 24.5 h: median 13.125 h.
    expect(rows.find((r) => r.subject_id === "OF001")?.value).toBe(13.125);
  });

  it("queues only the touched subjects when one declaration changes, and overwrites its cells", async () => {
    const before = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM kpi_results");
    const fs = await import("node:fs/promises");
    const os = await import("node:os");
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-kpi-"));
    for (const f of await fs.readdir(FIXTURE)) {
      if (!f.endsWith(".csv")) continue;
      let text = await fs.readFile(path.join(FIXTURE, f), "utf8");
      // D003 (OF002, CMDLA1, registered 2025-03-03) is assessed one day earlier.
      if (f === "declarations.csv")
        text = text.replace("2025-03-10 11:00:00,2025-03-11", "2025-03-09 11:00:00,2025-03-11");
      await fs.writeFile(path.join(dir, f), text);
    }
    const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: dir });
    const outcome = await runImportBatch(batchId);
    expect(outcome.affectedCells.sort()).toEqual([
      ["office", "CMDLA1", "2025-03"],
      ["officer", "OF002", "2025-03"],
    ]);
    await drained();
    const { rows } = await pool.query(
      `SELECT value, last_import_id FROM kpi_results WHERE subject_type = 'officer' AND subject_id = 'OF002'
          AND period_from = '2025-03-01' AND period_to = '2025-03-31' AND kpi_id = 'P4'`,
    );
    // 2025-03-03 11:00 → 2025-03-09 11:00 is 144 h.
    expect(rows).toEqual([{ value: 144, last_import_id: batchId }]);
    const after = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM kpi_results");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it("recomputes the months of a declaration's events when it moves to another office", async () => {
    const fs = await import("node:fs/promises");
    const os = await import("node:os");
    // The fixture with an amendment of D001 (CMDLA1, registered and assessed in March) in April, then the same with
    // D001 moved to CMDLA5: the events set counts that April event for the declaration's office.
    const variant = async (office: string) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-kpi-"));
      for (const f of await fs.readdir(FIXTURE)) {
        if (!f.endsWith(".csv")) continue;
        let text = await fs.readFile(path.join(FIXTURE, f), "utf8");
        if (f === "events.csv") text += "D001,2025-04-02 18:00:00,amend,OF001,,\n";
        if (f === "declarations.csv") text = text.replace("D001,CMDLA1,", `D001,${office},`);
        await fs.writeFile(path.join(dir, f), text);
      }
      const outcome = await runImportBatch(await createImportBatch({ kind: "CANONICAL", sourcePath: dir }));
      await drained();
      return outcome;
    };
    await variant("CMDLA1");
    const moved = await variant("CMDLA5");
    expect(moved.affectedCells).toContainEqual(["office", "CMDLA1", "2025-04"]);
    expect(moved.affectedCells).toContainEqual(["office", "CMDLA5", "2025-04"]);

    const april = { from: "2025-04-01", to: "2025-04-30" };
    const { rows } = await pool.query(
      `SELECT subject_id, kpi_id, value, numerator, denominator FROM kpi_results
        WHERE subject_type = 'office' AND period_from = $1 AND period_to = $2 AND kpi_id = 'I8'
        ORDER BY subject_id`,
      [april.from, april.to],
    );
    const expected = (await computeKpis({ ...april, subject: "office", kpiIds: ["I8"] })).map((r) => ({
      subject_id: r.subjectId,
      kpi_id: r.kpiId,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
    }));
    expect(rows).toEqual(expected);
    // The event at 18:00 is off hours at both offices (closed at 15:30 and 16:00), and is now CMDLA5's.
    const n = (office: string, rs: { subject_id: string; denominator: number | null }[]) =>
      rs.find((r) => r.subject_id === office)?.denominator ?? 0;
    expect(n("CMDLA5", rows)).toBeGreaterThan(0);
  });

  it("asks for a new selectivity run in the nightly pass, and only one while it waits", async () => {
    const reason = `nightly-${new Date().toISOString().slice(0, 10)}`;
    const runsOf = () =>
      pool.query<{ id: number }>(
        `SELECT id FROM analysis_runs WHERE kind = 'SELECTIVITY_COMPUTE' AND params ->> 'reason' = $1`,
        [reason],
      );
    await pool.query(`DELETE FROM analysis_runs WHERE kind = 'SELECTIVITY_COMPUTE' AND params ->> 'reason' = $1`, [
      reason,
    ]);
    await getQueue().pause();
    try {
      await processKpisRecomputeOpen(async () => undefined);
      // Paused, the run is still waiting: the second pass of the day finds it and asks for nothing more.
      await processKpisRecomputeOpen(async () => undefined);
      const { rows } = await runsOf();
      expect(rows).toHaveLength(1);
      expect(await getQueue().getJob(`selectivity-compute-${rows[0]!.id}`)).toBeTruthy();
    } finally {
      await getQueue().resume();
    }
  });
});
