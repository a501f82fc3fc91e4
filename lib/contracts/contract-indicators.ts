// A contract's indicators as the pages show them: the scorecard over the period so far, and each month's values.
// Reads kpi_results through loadKpiCells, which computes what is missing, so every number is the catalogue's; the
// indicators scored on observed/expected read the officer's O/E of the same period (load-observed-expected.ts).
import "server-only";
import type { KpiId } from "@/lib/kpis/catalogue";
import type { Scorecard } from "@/lib/contracts/scoring";
import { buildScorecard, type OeValue, type TermsRow } from "@/lib/contracts/build-scorecard";
import { loadObservedExpected, oeKey, oeKpisOf, type OeRequest } from "@/lib/contracts/load-observed-expected";
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
  // The officer's O/E per KPI scored on it (empty for a contract scoring raw values only).
  oe: Map<string, OeValue>;
  // The data the values reflect: the latest import when they were computed, and when.
  lastImportId: number | null;
  computedAt: Date | null;
};

const kpisOf = (c: IndicatorContract) => [...new Set([...c.indicators.map((i) => i.kpiId as KpiId), ...CONTEXT_KPIS])];

function periodIndicators(
  c: IndicatorContract,
  period: Period,
  values: CellValues = new Map(),
  oe: Map<string, OeValue> = new Map(),
): PeriodIndicators {
  const stamps = [...values.values()];
  return {
    period,
    scorecard: buildScorecard(c.indicators, values, oe),
    values,
    oe,
    lastImportId: stamps.reduce<number | null>(
      (max, v) => (v.lastImportId !== null && (max === null || v.lastImportId > max) ? v.lastImportId : max),
      null,
    ),
    computedAt: stamps.reduce<Date | null>((max, v) => (max === null || v.computedAt > max ? v.computedAt : max), null),
  };
}

const contractPeriod = (c: IndicatorContract): Period => ({ from: isoDate(c.periodFrom), to: isoDate(c.periodTo) });

// The O/E requests of a contract's periods: only an officer's contract with an indicator scored on O/E has any.
const oeRequests = (c: IndicatorContract, periods: Period[]): OeRequest[] =>
  c.partyType === "OFFICER" && c.partyOfficerId && oeKpisOf(c.indicators).length
    ? periods.map((p) => ({ officerId: c.partyOfficerId!, ...p }))
    : [];

const oeOf = (all: Map<string, Map<string, OeValue>>, c: IndicatorContract, period: Period) =>
  c.partyOfficerId ? all.get(oeKey({ officerId: c.partyOfficerId, ...period })) : undefined;

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
  const [cells, oe] = await Promise.all([
    loadKpiCells(
      wanted.map(({ period, subject }) => ({ subjectType: subject.type, subjectId: subject.id, ...period })),
      kpiIds,
    ),
    loadObservedExpected(
      wanted.flatMap(({ c, period }) => oeRequests(c, [period])),
      wanted.flatMap(({ c }) => oeKpisOf(c.indicators)),
    ),
  ]);
  return new Map(
    wanted.map(({ c, period, subject }) => [
      c.id,
      periodIndicators(
        c,
        period,
        cells.get(cellKey({ subjectType: subject.type, subjectId: subject.id, ...period })),
        oeOf(oe, c, period),
      ),
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
  const [cells, oe] = await Promise.all([
    loadKpiCells(
      months.map(({ period }) => ({ subjectType: subject.type, subjectId: subject.id, ...period })),
      kpisOf(c),
    ),
    loadObservedExpected(
      oeRequests(
        c,
        months.map((m) => m.period),
      ),
      oeKpisOf(c.indicators),
    ),
  ]);
  return months.map(({ month, period }) => ({
    month,
    ...periodIndicators(
      c,
      period,
      cells.get(cellKey({ subjectType: subject.type, subjectId: subject.id, ...period })),
      oeOf(oe, c, period),
    ),
  }));
}

// The indicators of one period (a reviewed month, an evaluated quarter).
export async function indicatorsFor(
  c: IndicatorContract,
  period: Period,
): Promise<PeriodIndicators & { subject: KpiSubject }> {
  const subject = kpiSubjectOf(c);
  const request = { subjectType: subject.type, subjectId: subject.id, ...period };
  const [cells, oe] = await Promise.all([
    loadKpiCells([request], kpisOf(c)),
    loadObservedExpected(oeRequests(c, [period]), oeKpisOf(c.indicators)),
  ]);
  return { ...periodIndicators(c, period, cells.get(cellKey(request)), oeOf(oe, c, period)), subject };
}
