// The cases a user may see (caseVisibilityWhere), filtered by status, overdue and investigator, overdue ones first,
// then by due date; the overdue cases and the latest digest for the integrity home page; and the investigators a
// case may be assigned to.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { assigneeRefusal, type CaseActor, type CaseStatus } from "@/lib/cases/case-rules";
import { caseVisibilityWhere, requireCaseRole } from "@/lib/cases/case-access";
import type { CaseListFilters } from "@/lib/cases/schema";

export const CASES_PAGE_SIZE = 50;

const select = {
  id: true,
  title: true,
  officeCode: true,
  status: true,
  openedAt: true,
  assigneeId: true,
  dueDate: true,
  overdue: true,
  finding: true,
  reopenedCount: true,
  closedAt: true,
  _count: { select: { flags: true } },
} as const satisfies Prisma.CaseSelect;

async function withAssigneeNames<T extends { assigneeId: string | null }>(rows: T[]) {
  const ids = [...new Set(rows.map((r) => r.assigneeId).filter((v): v is string => v !== null))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return rows.map((r) => ({ ...r, assigneeName: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null }));
}

export async function listCases(actor: CaseActor, filters: CaseListFilters) {
  requireCaseRole(actor);
  const where: Prisma.CaseWhereInput = {
    AND: [
      caseVisibilityWhere(actor),
      filters.status ? { status: filters.status as CaseStatus } : {},
      filters.overdue ? { overdue: true } : {},
      filters.assignee === "none"
        ? { assigneeId: null }
        : filters.assignee
          ? { assigneeId: filters.assignee === "me" ? actor.id : filters.assignee }
          : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      select,
      orderBy: [{ overdue: "desc" }, { dueDate: { sort: "asc", nulls: "last" } }, { id: "desc" }],
      skip: (filters.page - 1) * CASES_PAGE_SIZE,
      take: CASES_PAGE_SIZE,
    }),
  ]);
  return {
    rows: await withAssigneeNames(rows),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / CASES_PAGE_SIZE)),
  };
}

export type CaseListRow = Awaited<ReturnType<typeof listCases>>["rows"][number];

// The overdue cases the user may see, the longest overdue first.
export async function listOverdueCases(actor: CaseActor, take = 10) {
  requireCaseRole(actor);
  const where: Prisma.CaseWhereInput = { AND: [caseVisibilityWhere(actor), { overdue: true }] };
  const [total, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({ where, select, orderBy: [{ dueDate: "asc" }, { id: "asc" }], take }),
  ]);
  return { total, rows: await withAssigneeNames(rows) };
}

// The latest daily digest, narrowed to the cases this user may see (a digest covers every office).
export async function latestDigest(actor: CaseActor) {
  requireCaseRole(actor);
  const digest = await db.integrityDigest.findFirst({ orderBy: { digestDate: "desc" } });
  if (!digest) return null;
  const visible = await db.case.findMany({
    where: { AND: [caseVisibilityWhere(actor), { id: { in: digest.overdueCaseIds } }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return { digestDate: digest.digestDate, createdAt: digest.createdAt, overdueCaseIds: visible.map((c) => c.id) };
}

// Active integrity analysts who may investigate this case (case-rules.assigneeRefusal), by name.
export async function assigneeOptions(c: { officeCode: string | null; subjectOfficerIds: string[] }) {
  const users = await db.user.findMany({
    where: {
      role: "INTEGRITY",
      active: true,
      OR: [{ officeCode: null }, ...(c.officeCode ? [{ officeCode: c.officeCode }] : [])],
    },
    select: { id: true, name: true, email: true, role: true, officeCode: true, officerId: true, active: true },
    orderBy: { name: "asc" },
  });
  return users
    .filter((u) => assigneeRefusal(c, u) === null)
    .map((u) => ({ id: u.id, name: u.name, email: u.email, officeCode: u.officeCode }));
}

// The case each of these flags is in, among the cases the user may see (for a flag page or the inbox to link to it).
export async function casesOfFlags(flagIds: number[], actor: CaseActor): Promise<Map<number, number>> {
  if (!flagIds.length) return new Map();
  requireCaseRole(actor);
  const links = await db.caseFlag.findMany({
    where: { flagId: { in: flagIds }, case: { AND: [caseVisibilityWhere(actor)] } },
    select: { flagId: true, caseId: true },
  });
  return new Map(links.map((l) => [l.flagId, l.caseId]));
}
