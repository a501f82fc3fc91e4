// kpis.compute: one period's catalogue for the officers, their units and the offices named (all when null), stored
// in kpi_results, then the period's integrity detection on those stored values. A quarter that names its touched
// months recomputes those months first and itself from its months, then detects over each.
// kpis.recompute-open: the nightly pass over the periods that can still change, KPIs and flags, then contracts, and
// a new selectivity run.
import "server-only";
import { EVERY_SUBJECT, recomputeTouchedKpis, withTheirUnits } from "@/lib/kpis/recompute-touched";
import { recomputeFromMonths } from "@/lib/kpis/recompute-from-months";
import { openPeriods } from "@/lib/kpis/open-periods";
import { queueFollowUps } from "@/lib/kpis/queue-recomputation";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import { requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import type { ParsedJobPayload, ProgressReporter } from "@/lib/queue/job-payloads";
import { JOB_NAMES } from "@/lib/queue/job-names";
import { monthPeriod, todayIso } from "@/lib/kernel/calendar";

export async function processKpisCompute(
  p: ParsedJobPayload<typeof JOB_NAMES.kpisCompute>,
  report: ProgressReporter,
): Promise<{ rows: number }> {
  const touched = await withTheirUnits(p.officers, p.offices);
  const rows = p.months ? await recomputeFromMonths(p, p.months, touched) : await recomputeTouchedKpis(p, touched);
  await report(70);
  // Detection compares each officer with their office over the whole period, from the values just stored. The
  // period first, then its months side by side: the gaming watch's window that ends with the period is then read,
  // not computed again, by its last month.
  await detectAndStoreFlags(p, "stored");
  await Promise.all((p.months ?? []).map((m) => detectAndStoreFlags(monthPeriod(m), "stored")));
  if (p.then) await queueFollowUps(p.then);
  await report(100);
  return { rows };
}

export async function processKpisRecomputeOpen(report: ProgressReporter): Promise<{ periods: number; rows: number }> {
  const periods = await openPeriods();
  let rows = 0;
  for (const [i, period] of periods.entries()) {
    rows += await recomputeTouchedKpis(period, EVERY_SUBJECT);
    await detectAndStoreFlags(period, "stored");
    await report(((i + 1) / periods.length) * 95);
  }
  // "The period so far" of the contracts in force moves every day.
  await refreshContractIndicators();
  // The re-routings found out later come from inspections and case findings, which change without any import.
  await requestAnalysisRun("SELECTIVITY_COMPUTE", { reason: `nightly-${todayIso()}` });
  await report(100);
  return { periods: periods.length, rows };
}
