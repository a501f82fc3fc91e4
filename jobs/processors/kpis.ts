// kpis.compute: one period's catalogue for the officers or offices named (all when null), stored in kpi_results.
// kpis.recompute-open: the nightly pass over the periods that can still change, KPIs and flags, then contracts, and
// a new selectivity run.
import "server-only";
import { computeAndStoreKpis } from "@/lib/kpis/store-kpis";
import { openPeriods } from "@/lib/kpis/open-periods";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import { requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import type { ProgressReporter } from "@/lib/queue/job-payloads";
import { todayIso } from "@/lib/kernel/calendar";

export async function processKpisCompute(
  p: { from: string; to: string; subjectType: "officer" | "unit" | "office"; subjectIds: string[] | null },
  report: ProgressReporter,
): Promise<{ rows: number }> {
  const rows = await computeAndStoreKpis({
    from: p.from,
    to: p.to,
    subject: p.subjectType,
    subjectIds: p.subjectIds ?? undefined,
  });
  await report(100);
  return { rows };
}

export async function processKpisRecomputeOpen(report: ProgressReporter): Promise<{ periods: number; rows: number }> {
  const periods = await openPeriods();
  let rows = 0;
  for (const [i, period] of periods.entries()) {
    for (const subject of ["officer", "unit", "office"] as const)
      rows += await computeAndStoreKpis({ ...period, subject });
    await detectAndStoreFlags(period);
    await report(((i + 1) / periods.length) * 95);
  }
  // "The period so far" of the contracts in force moves every day.
  await refreshContractIndicators();
  // The re-routings found out later come from inspections and case findings, which change without any import.
  await requestAnalysisRun("SELECTIVITY_COMPUTE", { reason: `nightly-${todayIso()}` });
  await report(100);
  return { periods: periods.length, rows };
}
