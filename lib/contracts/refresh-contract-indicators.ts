// Brings every signed contract's stored indicators up to date: the period so far and each month begun, clipped to
// the contract as its pages show them. Run by the contracts.refresh-indicators job after each import's
// recomputation and nightly, so the dashboards only ever read stored values (loadKpiCells computes what is
// missing or older than the latest import, in one set-based query per subject type and period).
import "server-only";
import { db } from "@/lib/db";
import type { KpiId } from "@/lib/kpis/catalogue";
import { CONTEXT_KPIS } from "@/lib/contracts/contract-indicators";
import { kpiSubjectOf } from "@/lib/contracts/kpi-subject";
import { loadKpiCells, type CellRequest } from "@/lib/contracts/load-kpi-cells";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { contractMonths, periodSoFar } from "@/lib/contracts/contract-periods";
import { activateDueContracts } from "@/lib/contracts/activate-due-contracts";

export const SCORED_STATUSES = ["SIGNED", "ACKNOWLEDGED", "ACTIVE", "CLOSED"] as const;

export async function refreshContractIndicators(today = todayIso()): Promise<{ contracts: number; cells: number }> {
  await activateDueContracts(today);
  const contracts = await db.contract.findMany({
    where: { status: { in: [...SCORED_STATUSES] }, signedAt: { not: null } },
    include: { indicators: { select: { kpiId: true } } },
  });
  const requests: CellRequest[] = [];
  const kpiIds = new Set<KpiId>(CONTEXT_KPIS);
  for (const c of contracts) {
    const subject = kpiSubjectOf(c);
    const period = { from: isoDate(c.periodFrom), to: isoDate(c.periodTo) };
    const soFar = periodSoFar(period, today);
    for (const p of [...(soFar ? [soFar] : []), ...contractMonths(period, today).map((m) => m.period)]) {
      requests.push({ subjectType: subject.type, subjectId: subject.id, ...p });
    }
    for (const i of c.indicators) kpiIds.add(i.kpiId as KpiId);
  }
  const cells = await loadKpiCells(requests, [...kpiIds]);
  return { contracts: contracts.length, cells: cells.size };
}
