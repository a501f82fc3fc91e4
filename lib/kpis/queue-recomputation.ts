// Queues the KPI recomputation a change calls for (an import, an amended contract period): one kpis.compute job
// per period (the touched cells, then the period's integrity detection) and one contracts.refresh-indicators job. Job
// ids are derived from the reason and the request, so queuing twice is one job. After an import, also the stored
// TRS and mirror tables it changed (queueAnalysisRecomputation: one trs.compute run per month, quarter and year
// touched, one mirror.compute run per year).
import "server-only";
import crypto from "node:crypto";
import { pool } from "@/lib/pg";
import { enqueue } from "@/lib/queue/enqueue";
import { JOB_NAMES } from "@/lib/queue/job-names";
import { addMonths, monthOf, type Period } from "@/lib/kernel/calendar";
import { recomputeRequests, type Cell } from "@/lib/kpis/recomputation";
import { analysisRequests } from "@/lib/analysis/analysis-recomputation";
import { requestAnalysisRun } from "@/lib/analysis/analysis-runs";

export async function monthsWithData(): Promise<string[]> {
  const { rows } = await pool.query<{ first: string | null; last: string | null }>(
    `SELECT min(reg_ts)::date::text AS first, max(reg_ts)::date::text AS last FROM declarations`,
  );
  const { first, last } = rows[0]!;
  if (!first || !last) return [];
  const months: string[] = [];
  for (let m = monthOf(first); m <= monthOf(last); m = addMonths(m, 1)) months.push(m);
  return months;
}

export async function queueKpiRecomputation(
  reason: string,
  cells: Cell[],
  extraPeriods: Period[] = [],
): Promise<number> {
  if (!cells.length) return 0;
  const requests = recomputeRequests(cells, await monthsWithData(), extraPeriods);
  for (const r of requests) {
    const digest = crypto.createHash("sha1").update(JSON.stringify(r)).digest("hex").slice(0, 12);
    await enqueue(JOB_NAMES.kpisCompute, r, `${reason}-${digest}`);
  }
  // Contract indicators are clipped to each contract's own period: brought up to date in their own job.
  await enqueue(JOB_NAMES.contractsRefreshIndicators, { reason });
  return requests.length;
}

// changedFiles: the import's files with rows inserted or updated. Runs are requested as the system (no user), and
// always anew: a run of the same period already running may have read the data before this import.
export async function queueAnalysisRecomputation(cells: Cell[], changedFiles: string[]): Promise<number> {
  const { rows } = await pool.query<{ year: number }>(
    `SELECT DISTINCT x.year FROM mirror_exports x JOIN exchange_rates r ON r.year = x.year ORDER BY x.year`,
  );
  const { trsPeriods, mirrorYears } = analysisRequests(
    cells,
    changedFiles,
    rows.map((r) => r.year),
  );
  for (const period of trsPeriods) await requestAnalysisRun("TRS_COMPUTE", period, { force: true });
  for (const year of mirrorYears) await requestAnalysisRun("MIRROR_COMPUTE", { year }, { force: true });
  return trsPeriods.length + mirrorYears.length;
}
