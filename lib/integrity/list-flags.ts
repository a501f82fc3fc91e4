// The flag inbox: the flags the analyst may see (flagVisibilityWhere) filtered by method, KPI, office, stored period,
// state and whether detection still raises them, sorted by score or detection date, one server-side page at a time,
// with the names of the officers they concern. The same rows feed the CSV/XLSX export.
import "server-only";
import type { Flag, Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { flagVisibilityWhere, type FlagViewer } from "@/lib/integrity/flag-evidence";
import { comparePeriods } from "@/lib/integrity/period-kind";
import { assertIntegrityViewer } from "@/lib/integrity/integrity-scope";
import { periodOfKey, type FlagInboxFilters } from "@/lib/integrity/schema";
import { KPI_IDS, kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import type { ExportTable } from "@/lib/table-export";
import { isoDate } from "@/lib/kernel/calendar";

export const INBOX_PAGE_SIZE = 50;
const EXPORT_CAP = 10_000;

export type InboxRow = {
  id: number;
  method: string;
  kpiId: string | null;
  kpiName: string | null;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  relatedId: string | null;
  relatedName: string | null;
  officeCode: string | null;
  periodFrom: string;
  periodTo: string;
  score: number;
  n: number;
  state: Flag["state"];
  active: boolean;
  dismissReason: string | null;
  firstDetectedAt: string;
};

function inboxWhere(viewer: FlagViewer, f: FlagInboxFilters): Prisma.FlagWhereInput {
  const period = periodOfKey(f.period);
  return {
    AND: [
      flagVisibilityWhere(viewer),
      f.method ? { method: f.method } : {},
      f.kpi ? { kpiId: f.kpi } : {},
      f.office ? { officeCode: f.office } : {},
      period ? { periodFrom: new Date(`${period.from}T00:00:00Z`), periodTo: new Date(`${period.to}T00:00:00Z`) } : {},
      f.state ? { state: f.state } : {},
      f.active === "all" ? {} : { active: f.active === "yes" },
    ],
  };
}

const ORDER: Record<FlagInboxFilters["sort"], Prisma.FlagOrderByWithRelationInput[]> = {
  "score-desc": [{ score: "desc" }, { id: "asc" }],
  "score-asc": [{ score: "asc" }, { id: "asc" }],
  "detected-desc": [{ firstDetectedAt: "desc" }, { id: "desc" }],
  "detected-asc": [{ firstDetectedAt: "asc" }, { id: "asc" }],
};

// Flags as the inbox shows them, with the names of the officers they concern.
export async function toRows(flags: Flag[]): Promise<InboxRow[]> {
  const officerIds = [
    ...new Set(
      flags
        .flatMap((f) => [
          f.subjectType === "officer" ? f.subjectId : null,
          f.method === "BROKER_OFFICER_PAIR" ? f.relatedId : null,
        ])
        .filter((x): x is string => !!x),
    ),
  ];
  const officers = officerIds.length
    ? await db.officer.findMany({
        where: { officerId: { in: officerIds } },
        select: { officerId: true, fullName: true },
      })
    : [];
  const name = new Map(officers.map((o) => [o.officerId, o.fullName]));
  return flags.map((f) => ({
    id: f.id,
    method: f.method,
    kpiId: f.kpiId || null,
    kpiName: (KPI_IDS as readonly string[]).includes(f.kpiId) ? kpiDefinition(f.kpiId as KpiId).name : null,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    subjectName: f.subjectType === "officer" ? (name.get(f.subjectId) ?? null) : null,
    relatedId: f.relatedId || null,
    relatedName: f.method === "BROKER_OFFICER_PAIR" ? (name.get(f.relatedId) ?? null) : null,
    officeCode: f.officeCode,
    periodFrom: isoDate(f.periodFrom),
    periodTo: isoDate(f.periodTo),
    score: f.score,
    n: f.n,
    state: f.state,
    active: f.active,
    dismissReason: f.dismissReason,
    firstDetectedAt: f.firstDetectedAt.toISOString(),
  }));
}

// Other roles are refused outright (FORBIDDEN) rather than shown an empty inbox.
export async function flagInbox(viewer: FlagViewer, filters: FlagInboxFilters, pageSize = INBOX_PAGE_SIZE) {
  assertIntegrityViewer(viewer);
  const where = inboxWhere(viewer, filters);
  const total = await db.flag.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pageCount);
  const flags = await db.flag.findMany({
    where,
    orderBy: ORDER[filters.sort],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { rows: await toRows(flags), total, page, pageCount, pageSize };
}

// The distinct periods of the flags the viewer may see, for the period picker: latest year first.
export async function flagPeriods(viewer: FlagViewer): Promise<{ from: string; to: string }[]> {
  assertIntegrityViewer(viewer);
  const rows = await db.flag.findMany({
    where: flagVisibilityWhere(viewer),
    distinct: ["periodFrom", "periodTo"],
    select: { periodFrom: true, periodTo: true },
  });
  return rows.map((r) => ({ from: isoDate(r.periodFrom), to: isoDate(r.periodTo) })).sort(comparePeriods);
}

export const INBOX_EXPORT_COLUMNS = [
  "flag_id",
  "method",
  "kpi_id",
  "kpi_name",
  "subject_type",
  "subject_id",
  "subject_name",
  "related_id",
  "related_name",
  "office_code",
  "period_from",
  "period_to",
  "score",
  "n",
  "state",
  "active",
  "dismiss_reason",
  "first_detected_at",
];

// Every flag of the filtered inbox (not only the page shown), in the same order, with unrounded scores.
export async function inboxExportTable(viewer: FlagViewer, filters: FlagInboxFilters): Promise<ExportTable> {
  assertIntegrityViewer(viewer);
  const flags = await db.flag.findMany({
    where: inboxWhere(viewer, filters),
    orderBy: ORDER[filters.sort],
    take: EXPORT_CAP,
  });
  const rows = await toRows(flags);
  return {
    name: "flags",
    columns: INBOX_EXPORT_COLUMNS,
    rows: rows.map((r) => [
      r.id,
      r.method,
      r.kpiId,
      r.kpiName,
      r.subjectType,
      r.subjectId,
      r.subjectName,
      r.relatedId,
      r.relatedName,
      r.officeCode,
      r.periodFrom,
      r.periodTo,
      r.score,
      r.n,
      r.state,
      r.active,
      r.dismissReason,
      r.firstDetectedAt,
    ]),
  };
}
