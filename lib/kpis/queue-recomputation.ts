// Records the KPI recomputation an import calls for: one kpis.compute job per quarter touched (its touched months,
// then the quarter from its months, then the integrity detection of each), each queueing the import's
// contracts.refresh-indicators job when it ends, which queues the import's analysis runs when it ends.
// Job keys are derived from the reason and the request, so asking twice is one job. After an import, also the stored
// TRS and mirror tables it changed (queueAnalysisRecomputation: one trs.compute run per month, quarter and year
// touched, one mirror.compute run per year). Both write their rows with the caller's client, inside its
// transaction, and return them: the caller queues them (dispatchJobRows) once it has committed.
import "server-only";
import crypto from "node:crypto";
import { pool } from "@/lib/pg";
import { jobContracts } from "@/lib/queue/job-payloads";
import { JOB_NAMES } from "@/lib/queue/job-names";
import { dispatchJobRows, readJobRows, recordJobRun, type JobRow, type Queryable } from "@/lib/queue/job-state";
import { monthsOf } from "@/lib/kernel/calendar";
import { recomputeRequests, type Cell } from "@/lib/kpis/recomputation";
import { analysisRequests } from "@/lib/analysis/analysis-recomputation";
import { recordAnalysisRun } from "@/lib/analysis/analysis-runs";

export async function monthsWithData(client: Queryable = pool): Promise<string[]> {
  const { rows } = await client.query<{ first: string | null; last: string | null }>(
    `SELECT min(reg_ts)::date::text AS first, max(reg_ts)::date::text AS last FROM declarations`,
  );
  const { first, last } = rows[0]!;
  return first && last ? monthsOf({ from: first, to: last }) : [];
}

// `analysisRuns`: the import's analysis runs (queueAnalysisRecomputation), queued by the contracts' refresh that the
// period jobs queue as they end, so that the figures of the dashboards come first on the worker's cores.
export async function queueKpiRecomputation(
  client: Queryable,
  reason: string,
  cells: Cell[],
  analysisRuns: JobRow[] = [],
): Promise<{ requests: number; rows: JobRow[] }> {
  if (!cells.length) return { requests: 0, rows: analysisRuns };
  const requests = recomputeRequests(cells, await monthsWithData(client));
  if (!requests.length)
    return { requests: 0, rows: [await queueContractsRefresh(reason, [], client), ...analysisRuns] };
  const then = { refresh: reason, analysisRuns: analysisRuns.map((r) => r.id) };
  const rows: JobRow[] = [];
  for (const r of requests) {
    const digest = crypto.createHash("sha1").update(JSON.stringify(r)).digest("hex").slice(0, 12);
    const key = `${jobContracts[JOB_NAMES.kpisCompute].jobId(r)}-${reason}-${digest}`;
    rows.push(await recordJobRun(JOB_NAMES.kpisCompute, { ...r, then }, key, client));
  }
  return { requests: requests.length, rows };
}

// Contract indicators are clipped to each contract's own period: brought up to date in their own job, one per
// reason (queued again, it is not run twice), which then queues `analysisRuns`.
function queueContractsRefresh(reason: string, analysisRuns: number[], client: Queryable = pool): Promise<JobRow> {
  const refresh = { reason, analysisRuns };
  return recordJobRun(
    JOB_NAMES.contractsRefreshIndicators,
    refresh,
    jobContracts[JOB_NAMES.contractsRefreshIndicators].jobId(refresh),
    client,
  );
}

// Run by each period job of an import as it ends. The months it has just stored are then up to date, so the
// refresh computes only the contracts' own periods instead of the same months alongside the job. The refresh then
// queues the import's analysis runs (dispatchAnalysisRuns), so that each job has the worker's cores to itself.
export async function queueFollowUps(then: { refresh: string; analysisRuns: number[] }): Promise<void> {
  await dispatchJobRows([await queueContractsRefresh(then.refresh, then.analysisRuns)]);
}

// Jobs that are not queued any more (an analysis run already done) are left alone; rows that no one dispatches (a
// job that failed for good) are queued by the workers' reconcile pass.
export async function dispatchAnalysisRuns(ids: number[]): Promise<void> {
  if (ids.length) await dispatchJobRows(await readJobRows("analysis_runs", "id = ANY ($1::int[])", [ids]));
}

// changedFiles: the import's files with rows inserted or updated. Runs are requested as the system (no user), and
// always anew: a run of the same period already running may have read the data before this import.
export async function queueAnalysisRecomputation(
  client: Queryable,
  cells: Cell[],
  changedFiles: string[],
): Promise<JobRow[]> {
  const { rows } = await client.query<{ year: number }>(
    `SELECT DISTINCT x.year FROM mirror_exports x JOIN exchange_rates r ON r.year = x.year ORDER BY x.year`,
  );
  const { trsPeriods, mirrorYears } = analysisRequests(
    cells,
    changedFiles,
    rows.map((r) => r.year),
  );
  const runs: JobRow[] = [];
  for (const period of trsPeriods)
    runs.push((await recordAnalysisRun(client, "TRS_COMPUTE", period, { force: true })).row);
  for (const year of mirrorYears)
    runs.push((await recordAnalysisRun(client, "MIRROR_COMPUTE", { year }, { force: true })).row);
  return runs;
}
