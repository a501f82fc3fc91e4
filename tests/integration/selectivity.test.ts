// Selectivity performance (lib/selectivity): the selectivity.compute job through a real worker, the stored tables
// against figures worked out by hand from tests/support/selectivity-fixture.ts, the report's rates and scoping.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { getRunOrThrow, requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import { selectivityReport } from "@/lib/selectivity/selectivity-report";
import { SelectivityFilters } from "@/lib/selectivity/selectivity-filters";
import { closeQueue, getQueue } from "@/lib/queue/enqueue";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { insertConfirmedCase, insertSelectivityData } from "@/tests/support/selectivity-fixture";
import { startWorker, type WorkerProcess } from "@/tests/support/worker-process";
import { clearQueuedJobs } from "@/tests/support/clear-jobs";

async function finished(runId: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await getRunOrThrow(runId);
    if (run.status === "SUCCEEDED" || run.status === "FAILED") return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const ADMIN = { role: "ADMIN" as const, officeCode: null, officerId: null };
const MANAGER_SB = { role: "MANAGER" as const, officeCode: "SB", officerId: null };

describe("selectivity.compute", () => {
  let worker: WorkerProcess;
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM selectivity_lanes");
    await pool.query("DELETE FROM selectivity_reroutes");
    await clearQueuedJobs();
    await insertSelectivityData();
    await insertConfirmedCase(["SEL-9"], "SB", { declId: "SEL-9", amount: 25 });
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.stop();
    await closeQueue();
    await db.$disconnect();
  });

  it("stores declarations, inspections, offences and revenue per office, month and lane", async () => {
    const { runId } = await requestAnalysisRun("SELECTIVITY_COMPUTE", { reason: "test" });
    const run = await finished(runId);
    expect(run).toMatchObject({ status: "SUCCEEDED", progress: 100 });
    const job = await getQueue().getJob(`selectivity-compute-${runId}`);
    expect(job?.progress).toBe(100);

    const { rows } = await pool.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, office_code, lane_kind, lane, declarations, office_declarations, inspections,
              offences, adjustment_total::float8 AS adj, tax_delta::float8 AS tax, tax_delta_n
         FROM selectivity_lanes WHERE office_code IN ('SA', 'SB') ORDER BY month, office_code, lane_kind, lane`,
    );
    const r = (
      month: string,
      office: string,
      kind: string,
      lane: string,
      d: number,
      od: number,
      i: number,
      o: number,
      adj: number,
      tax: number,
      n: number,
    ) => ({
      month,
      office_code: office,
      lane_kind: kind,
      lane,
      declarations: d,
      office_declarations: od,
      inspections: i,
      offences: o,
      adj,
      tax,
      tax_delta_n: n,
    });
    expect(rows).toEqual([
      // SA June, initial lanes: B = SEL-1..5, 7, 8 (SEL-6 cancelled); E = SEL-2, 4, 6, 7 examined in June.
      r("2025-06", "SA", "initial", "G", 1, 7, 0, 0, 0, 0, 0),
      r("2025-06", "SA", "initial", "Y", 3, 7, 2, 1, 5, 0, 2),
      r("2025-06", "SA", "initial", "R", 3, 7, 2, 2, 50, 110, 3),
      // Final lanes: SEL-2, 3, 5, 7 end in G; SEL-6 (cancelled, B) only brings its inspection.
      r("2025-06", "SA", "final", "G", 4, 7, 2, 2, 45, 0, 2),
      r("2025-06", "SA", "final", "B", 0, 7, 1, 1, 10, 0, 0),
      r("2025-06", "SA", "final", "Y", 1, 7, 1, 0, 0, 0, 1),
      r("2025-06", "SA", "final", "R", 2, 7, 0, 0, 0, 110, 2),
      r("2025-06", "SB", "initial", "R", 1, 1, 0, 0, 0, 0, 1),
      r("2025-06", "SB", "final", "Y", 1, 1, 0, 0, 0, 0, 1),
      // SEL-8 was registered in June and examined in July: E of July, B of June.
      r("2025-07", "SA", "initial", "R", 0, 0, 1, 1, 70, 0, 0),
      r("2025-07", "SA", "final", "R", 0, 0, 1, 1, 70, 0, 0),
      r("2025-07", "SB", "initial", "G", 1, 1, 0, 0, 0, 0, 1),
      r("2025-07", "SB", "final", "G", 1, 1, 0, 0, 0, 0, 1),
    ]);
  });

  it("counts re-routings out of yellow and red by officer, with offences found after them", async () => {
    const { rows } = await pool.query(
      `SELECT office_code, officer_id, lane_initial, lane_final, reroutes, with_offence, inspection_offences, case_findings,
              adjustment_total::float8 AS adj
         FROM selectivity_reroutes WHERE office_code IN ('SA', 'SB') ORDER BY office_code, officer_id, lane_initial, lane_final`,
    );
    expect(rows).toEqual([
      // SEL-3: its reroute event names no officer, so its assessing officer P1; nothing found.
      {
        office_code: "SA",
        officer_id: "P1",
        lane_initial: "Y",
        lane_final: "G",
        reroutes: 1,
        with_offence: 0,
        inspection_offences: 0,
        case_findings: 0,
        adj: 0,
      },
      // SEL-7: its offence was found before the reroute, so not after it.
      {
        office_code: "SA",
        officer_id: "P2",
        lane_initial: "Y",
        lane_final: "G",
        reroutes: 1,
        with_offence: 0,
        inspection_offences: 0,
        case_findings: 0,
        adj: 0,
      },
      // SEL-2: a post-clearance inspection found an offence (adjustment 40) after P2 moved it to green.
      {
        office_code: "SA",
        officer_id: "P2",
        lane_initial: "R",
        lane_final: "G",
        reroutes: 1,
        with_offence: 1,
        inspection_offences: 1,
        case_findings: 0,
        adj: 40,
      },
      // SEL-9: a closed case confirmed it.
      {
        office_code: "SB",
        officer_id: "Q1",
        lane_initial: "R",
        lane_final: "Y",
        reroutes: 1,
        with_offence: 1,
        inspection_offences: 0,
        case_findings: 1,
        adj: 0,
      },
    ]);
  });

  it("reports shares, hit rates and yields with their counts, for the offices in the user's scope", async () => {
    const report = await selectivityReport(
      ADMIN,
      SelectivityFilters.parse({ office: "SA", from: "2025-06", to: "2025-06" }),
    );
    expect(report.period).toEqual({ from: "2025-06", to: "2025-06" });
    expect(
      report.lanes.map((l) => [
        l.lane,
        l.declarations,
        l.share,
        l.inspections,
        l.hitRate,
        l.yieldPerInspection,
        l.taxDelta,
      ]),
    ).toEqual([
      ["G", 1, 1 / 7, 0, null, null, 0],
      ["Y", 3, 3 / 7, 2, 0.5, 2.5, 0],
      ["R", 3, 3 / 7, 2, 1, 25, 110],
    ]);
    expect(
      report.reroutes.map((o) => [o.officerId, o.fullName, o.reroutes, o.withOffence, o.hitRate, o.transitions]),
    ).toEqual([
      [
        "P2",
        "Pierre Two",
        2,
        1,
        0.5,
        [
          { from: "R", to: "G", count: 1 },
          { from: "Y", to: "G", count: 1 },
        ],
      ],
      ["P1", "Paula One", 1, 0, 0, [{ from: "Y", to: "G", count: 1 }]],
    ]);
    // I1 over SA in June: 3 re-routed of the 6 that entered in yellow or red.
    expect(report.reroutedShare).toEqual({ reroutes: 3, base: 6, value: 0.5 });

    const finalLanes = await selectivityReport(
      ADMIN,
      SelectivityFilters.parse({ office: "SA", from: "2025-06", to: "2025-06", lanes: "final" }),
    );
    expect(finalLanes.lanes.map((l) => [l.lane, l.declarations, l.inspections, l.offences])).toEqual([
      ["G", 4, 2, 2],
      ["B", 0, 1, 1],
      ["Y", 1, 1, 0],
      ["R", 2, 0, 0],
    ]);

    // An office's manager sees that office only; another office does not exist for them.
    const own = await selectivityReport(MANAGER_SB, SelectivityFilters.parse({ from: "2025-06", to: "2025-07" }));
    expect(new Set(own.cells.map((c) => c.officeCode))).toEqual(new Set(["SB"]));
    await expect(selectivityReport(MANAGER_SB, SelectivityFilters.parse({ office: "SA" }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      selectivityReport({ role: "OFFICER", officeCode: null, officerId: "P1" }, SelectivityFilters.parse({})),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("writes the same rows when computed again, and asks once while a run is pending", async () => {
    const before = await pool.query(
      "SELECT month, office_code, lane_kind, lane, declarations, inspections FROM selectivity_lanes ORDER BY 1, 2, 3, 4",
    );
    // The queue paused, so the first request is surely still pending when the second comes.
    await getQueue().pause();
    const first = await requestAnalysisRun("SELECTIVITY_COMPUTE", { reason: "again" });
    const second = await requestAnalysisRun("SELECTIVITY_COMPUTE", { reason: "again" });
    expect(second).toEqual({ runId: first.runId, created: false });
    await getQueue().resume();
    await finished(first.runId);
    const after = await pool.query(
      "SELECT month, office_code, lane_kind, lane, declarations, inspections FROM selectivity_lanes ORDER BY 1, 2, 3, 4",
    );
    expect(after.rows).toEqual(before.rows);
  });
});
