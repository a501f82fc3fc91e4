// The manager overview: every scored contract of the user's offices in force in a month, with the month's overall
// score and traffic light per indicator, the trend against the month before and the score over the period so far.
// Reads stored KPI results only (readStoredKpiCells): a contract whose values are not stored yet is listed as
// pending, and the refresh job is queued, so a page load never scans declarations — except for the indicators a
// contract scores on observed/expected, whose O/E is computed on read as on the officer's page (decision 031), one
// statement per period for the officers of those contracts only.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import type { KpiId } from "@/lib/kpis/catalogue";
import type { Actor } from "@/lib/auth/session-user";
import { contractVisibilityWhere } from "@/lib/contracts/access";
import { buildScorecard } from "@/lib/contracts/build-scorecard";
import { loadObservedExpected, oeKey, oeKpisOf } from "@/lib/contracts/load-observed-expected";
import type { ScoringBasis } from "@/lib/contracts/scoring";
import { kpiSubjectOf, type KpiSubject } from "@/lib/contracts/kpi-subject";
import { cellKey, readStoredKpiCells, type CellRequest } from "@/lib/contracts/load-kpi-cells";
import { isoDate, todayIso, type Period } from "@/lib/kernel/calendar";
import { clipPeriod, periodSoFar } from "@/lib/contracts/contract-periods";
import { SCORED_STATUSES } from "@/lib/contracts/refresh-contract-indicators";
import type { IndicatorStatus } from "@/lib/contracts/scoring";
import type { PartyView } from "@/lib/contracts/list-contracts";
import { addMonths, monthPeriod } from "@/lib/kernel/calendar";
import { trendOf, type Trend } from "@/lib/dashboard/trend";
import { quartiles } from "@/lib/dashboard/distribution";
import { OVERVIEW_PAGE_SIZE, type OverviewFilters } from "@/lib/dashboard/overview-filters";

export type OverviewIndicator = {
  kpiId: string;
  status: IndicatorStatus;
  // OE: value, threshold and target are O/E ratios.
  basis: ScoringBasis;
  value: number | null;
  n: number;
  threshold: number;
  target: number;
};

export type OverviewRow = {
  id: number;
  contractNo: number;
  version: number;
  title: string;
  status: string;
  party: PartyView;
  officeCode: string;
  unit: string | null;
  subject: KpiSubject;
  period: Period;
  // The month clipped to the contract (the cell its month-by-month table shows).
  monthPeriod: Period;
  monthScore: number | null;
  indicators: OverviewIndicator[];
  previousScore: number | null;
  trend: { trend: Trend; delta: number } | null;
  soFarScore: number | null;
  pending: boolean;
};

export type ContractOverview = {
  month: string;
  rows: OverviewRow[];
  total: number;
  page: number;
  pageCount: number;
  pending: number;
  // Over every row, not only the page shown.
  summary: { medianScore: number | null; improving: number; worsening: number };
  latestImportId: number | null;
  stale: CellRequest[];
};

function unitWhere(unit: string): Prisma.ContractWhereInput {
  if (!unit) return {};
  return {
    OR: [
      { partyType: "OFFICER", partyOfficer: { unit } },
      { partyType: "UNIT", partyUnit: unit },
    ],
  };
}

const compareScore = (a: number | null, b: number | null, dir: 1 | -1) =>
  a === null && b === null ? 0 : a === null ? 1 : b === null ? -1 : (a - b) * dir;

function sortRows(rows: OverviewRow[], sort: OverviewFilters["sort"]): OverviewRow[] {
  const byParty = (a: OverviewRow, b: OverviewRow) =>
    (a.party.name ?? a.party.unit ?? a.officeCode).localeCompare(b.party.name ?? b.party.unit ?? b.officeCode) ||
    a.id - b.id;
  return rows.toSorted((a, b) => {
    switch (sort) {
      case "score-asc":
        return compareScore(a.monthScore, b.monthScore, 1) || byParty(a, b);
      case "score-desc":
        return compareScore(a.monthScore, b.monthScore, -1) || byParty(a, b);
      case "trend":
        return compareScore(a.trend?.delta ?? null, b.trend?.delta ?? null, 1) || byParty(a, b);
      case "party":
        return byParty(a, b);
    }
  });
}

type OverviewQuery = Omit<OverviewFilters, "page"> & { month: string };

// Every row, sorted (the exports take them all; the page shows one page of them).
export async function overviewRows(actor: Actor, filters: OverviewQuery, today = todayIso()) {
  const month = monthPeriod(filters.month);
  const contracts = await db.contract.findMany({
    where: {
      AND: [
        contractVisibilityWhere(actor),
        { status: { in: [...SCORED_STATUSES] }, signedAt: { not: null } },
        {
          periodFrom: { lte: new Date(`${month.to}T00:00:00Z`) },
          periodTo: { gte: new Date(`${month.from}T00:00:00Z`) },
        },
        filters.office ? { officeCode: filters.office } : {},
        unitWhere(filters.unit),
      ],
    },
    // Only what a row shows: with every column of every contract and indicator, Prisma's mapping alone took a
    // third of this function's time on the bench data.
    select: {
      id: true,
      contractNo: true,
      version: true,
      title: true,
      status: true,
      partyType: true,
      partyOfficerId: true,
      partyUnit: true,
      officeCode: true,
      periodFrom: true,
      periodTo: true,
      indicators: {
        orderBy: { position: "asc" },
        select: {
          kpiId: true,
          direction: true,
          basis: true,
          threshold: true,
          target: true,
          weight: true,
          minVolume: true,
        },
      },
      partyOfficer: { select: { fullName: true, unit: true } },
    },
  });

  const plans = contracts.flatMap((c) => {
    const period = { from: isoDate(c.periodFrom), to: isoDate(c.periodTo) };
    const current = clipPeriod(month, period);
    if (!current || current.from > today) return [];
    const previous = clipPeriod(monthPeriod(addMonths(filters.month, -1)), period);
    const subject = kpiSubjectOf(c);
    const request = (p: Period): CellRequest => ({ subjectType: subject.type, subjectId: subject.id, ...p });
    return [
      {
        c,
        period,
        subject,
        current: request(current),
        previous: previous ? request(previous) : null,
        soFar: request(periodSoFar(period, today)!),
      },
    ];
  });
  const kpiIds = [...new Set(contracts.flatMap((c) => c.indicators.map((i) => i.kpiId as KpiId)))];
  const stored = await readStoredKpiCells(
    plans.flatMap((p) => [p.current, p.soFar, ...(p.previous ? [p.previous] : [])]),
    kpiIds,
  );

  const oePlans = plans.filter(({ c }) => c.partyOfficerId && oeKpisOf(c.indicators).length);
  const oe = await loadObservedExpected(
    oePlans.flatMap(({ c, current, previous, soFar }) =>
      [current, soFar, previous].flatMap((r) => (r ? [{ officerId: c.partyOfficerId!, from: r.from, to: r.to }] : [])),
    ),
    oePlans.flatMap(({ c }) => oeKpisOf(c.indicators)),
  );

  const rows = plans.map(({ c, period, subject, current, previous, soFar }): OverviewRow => {
    const oeOf = (r: CellRequest) =>
      c.partyOfficerId ? oe.get(oeKey({ officerId: c.partyOfficerId, from: r.from, to: r.to })) : undefined;
    const scorecard = (r: CellRequest | null) =>
      r ? buildScorecard(c.indicators, stored.cells.get(cellKey(r)) ?? new Map(), oeOf(r)) : null;
    const monthCard = scorecard(current)!;
    const previousScore = scorecard(previous)?.overall ?? null;
    return {
      id: c.id,
      contractNo: c.contractNo,
      version: c.version,
      title: c.title,
      status: c.status,
      party: {
        type: c.partyType,
        officerId: c.partyOfficerId,
        name: c.partyOfficer?.fullName ?? null,
        unit: c.partyUnit,
      },
      officeCode: c.officeCode,
      unit: c.partyType === "OFFICER" ? (c.partyOfficer?.unit ?? null) : c.partyUnit,
      subject,
      period,
      monthPeriod: { from: current.from, to: current.to },
      monthScore: monthCard.overall,
      indicators: monthCard.indicators.map((i) => ({
        kpiId: i.kpiId,
        status: i.status,
        basis: i.basis ?? "RAW",
        value: i.value,
        n: i.n,
        threshold: i.threshold,
        target: i.target,
      })),
      previousScore,
      trend: trendOf(monthCard.overall, previousScore),
      soFarScore: scorecard(soFar)!.overall,
      pending: !stored.cells.has(cellKey(current)) || !stored.cells.has(cellKey(soFar)),
    };
  });
  return { rows: sortRows(rows, filters.sort), latestImportId: stored.latestImportId, stale: stored.stale };
}

export async function contractOverview(
  actor: Actor,
  filters: OverviewFilters & { month: string },
  today = todayIso(),
): Promise<ContractOverview> {
  const { rows, latestImportId, stale } = await overviewRows(actor, filters, today);
  const pageCount = Math.max(1, Math.ceil(rows.length / OVERVIEW_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  return {
    month: filters.month,
    rows: rows.slice((page - 1) * OVERVIEW_PAGE_SIZE, page * OVERVIEW_PAGE_SIZE),
    total: rows.length,
    page,
    pageCount,
    pending: rows.filter((r) => r.pending).length,
    summary: {
      medianScore: quartiles(rows.flatMap((r) => (r.monthScore === null ? [] : [r.monthScore])))?.median ?? null,
      improving: rows.filter((r) => r.trend?.trend === "up").length,
      worsening: rows.filter((r) => r.trend?.trend === "down").length,
    },
    latestImportId,
    stale,
  };
}
