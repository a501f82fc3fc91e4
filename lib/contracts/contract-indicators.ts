// A contract's indicators as the pages show them: the scorecard over the period so far, and each month's values.
// Reads kpi_results through loadKpiCells, which computes what is missing, so every number is the catalogue's.
import "server-only";
import type { KpiId } from "@/lib/kpis/catalogue";
import type { Scorecard } from "@/lib/contracts/scoring";
import { buildScorecard, type TermsRow } from "@/lib/contracts/build-scorecard";
import { kpiSubjectOf, type KpiSubject } from "@/lib/contracts/kpi-subject";
import { cellKey, loadKpiCells, type CellValues } from "@/lib/contracts/load-kpi-cells";
import { isoDate, todayIso, type Period } from "@/lib/kernel/calendar";
import { contractMonths, periodSoFar } from "@/lib/contracts/contract-periods";
import type { PartyType } from "@/lib/contracts/lifecycle";

// P13 throughput is "context only" (docs/indicators.md): shown beside the scored indicators, never scored.
export const CONTEXT_KPIS: readonly KpiId[] = ["P13"];

export type IndicatorContract = {
  id: number;
  partyType: PartyType;
  partyOfficerId: string | null;
  partyUnit: string | null;
  officeCode: string;
  periodFrom: Date;
  periodTo: Date;
  indicators: TermsRow[];
};

export type PeriodIndicators = {
  period: Period;
  scorecard: Scorecard;
  values: CellValues;
  // The data the values reflect: the latest import when they were computed, and when.
  lastImportId: number | null;
  computedAt: Date | null;
};

const kpisOf = (c: IndicatorContract) => [...new Set([...c.indicators.map((i) => i.kpiId as KpiId), ...CONTEXT_KPIS])];

function periodIndicators(c: IndicatorContract, period: Period, values: CellValues = new Map()): PeriodIndicators {
  const stamps = [...values.values()];
  return {
    period,
    scorecard: buildScorecard(c.indicators, values),
    values,
    lastImportId: stamps.reduce<number | null>(
      (max, v) => (v.lastImportId !== null && (max === null || v.lastImportId > max) ? v.lastImportId : max),
      null,
    ),
    computedAt: stamps.reduce<Date | null>((max, v) => (max === null || v.computedAt > max ? v.computedAt : max), null),
  };
}

const contractPeriod = (c: IndicatorContract): Period => ({ from: isoDate(c.periodFrom), to: isoDate(c.periodTo) });

// For each contract, its indicators from its first day to today (or its last day); none before it starts.
export async function currentIndicators(
  contracts: IndicatorContract[],
  today = todayIso(),
): Promise<Map<number, PeriodIndicators>> {
  const wanted = contracts.flatMap((c) => {
    const period = periodSoFar(contractPeriod(c), today);
    return period ? [{ c, period, subject: kpiSubjectOf(c) }] : [];
  });
  const kpiIds = [...new Set(wanted.flatMap(({ c }) => kpisOf(c)))];
  const cells = await loadKpiCells(
    wanted.map(({ period, subject }) => ({ subjectType: subject.type, subjectId: subject.id, ...period })),
    kpiIds,
  );
  return new Map(
    wanted.map(({ c, period, subject }) => [
      c.id,
      periodIndicators(c, period, cells.get(cellKey({ subjectType: subject.type, subjectId: subject.id, ...period }))),
    ]),
  );
}

// One entry per month of the contract that has started, each month clipped to the contract period.
export async function monthlyIndicators(
  c: IndicatorContract,
  today = todayIso(),
): Promise<(PeriodIndicators & { month: string })[]> {
  const months = contractMonths(contractPeriod(c), today);
  const subject = kpiSubjectOf(c);
  const cells = await loadKpiCells(
    months.map(({ period }) => ({ subjectType: subject.type, subjectId: subject.id, ...period })),
    kpisOf(c),
  );
  return months.map(({ month, period }) => ({
    month,
    ...periodIndicators(c, period, cells.get(cellKey({ subjectType: subject.type, subjectId: subject.id, ...period }))),
  }));
}

// The indicators of one period (a reviewed month, an evaluated quarter).
export async function indicatorsFor(
  c: IndicatorContract,
  period: Period,
): Promise<PeriodIndicators & { subject: KpiSubject }> {
  const subject = kpiSubjectOf(c);
  const request = { subjectType: subject.type, subjectId: subject.id, ...period };
  const cells = await loadKpiCells([request], kpisOf(c));
  return { ...periodIndicators(c, period, cells.get(cellKey(request))), subject };
}
