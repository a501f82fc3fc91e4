// Who may see which flags, and the declarations behind one flag (docs/indicators.md "Flags": "a flag names … the
// evidence").
// Flags are for integrity analysts and administrators only: an officer never sees a flag, not even one about
// themselves, and the other roles see none until a grant says otherwise. Within those roles, the scope of
// scopeForUser narrows the `where` clause: an office analyst sees the flags of their office, a national one all
// flags, including those with no office (a broker's Benford test spans offices). An analyst who is also an officer
// (linked to an officer record) never sees a flag naming them, as the subject or as the officer of a pair: nobody
// triages their own flags (the cases follow the same rule, lib/cases/case-rules.ts).
//
// The evidence of each method is one set-based query, with the B convention of detect-flags.ts (registered in the
// period, not cancelled):
//   RATE_OUTLIER        the officer's rows of the KPI counted in its numerator (kpiEvidence, only: "numerator")
//   VALUE_OUTLIER       the officer's rows of the KPI's set, by measure, worst first
//   BROKER_OFFICER_PAIR the office's declarations of the period with that broker and that assessing officer
//   BENFORD             the broker's declarations of the period with value_initial > 0, with their first digit
//   UNIT_VALUE          the flagged item's declaration and item, with its unit value
// Once a flag is visible, its evidence is shown whole (as a KPI drill-down of a visible subject is), so its rows
// add up to the flag's n.
import "server-only";
import { isoDate } from "@/lib/kernel/calendar";
import type { Flag, Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { scopeForUser } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import { kpiDefinition, KPI_IDS, type KpiId } from "@/lib/kpis/catalogue";
import { kpiEvidence } from "@/lib/kpis/kpi-evidence";

export type FlagViewer = Pick<SessionUser, "role" | "officeCode" | "officerId" | "integrityAccess">;

// Matches no row: Prisma reads `in: []` as false.
const NOTHING: Prisma.FlagWhereInput = { id: { in: [] } };

// The one place that says which roles may see flags at all (a grant to managers would be decided here).
export function canSeeFlags(viewer: Pick<FlagViewer, "role" | "integrityAccess">): boolean {
  return (
    viewer.role === "INTEGRITY" ||
    viewer.role === "ADMIN" ||
    (viewer.role === "MANAGER" && viewer.integrityAccess === true)
  );
}

// Roles the flag routes let through to the services, which make the real decision (canSeeFlags and the scope).
export const FLAG_ROUTE_ROLES = ["INTEGRITY", "ADMIN", "MANAGER"] as const;

export function flagVisibilityWhere(viewer: FlagViewer): Prisma.FlagWhereInput {
  if (!canSeeFlags(viewer)) return NOTHING;
  const scope = scopeForUser(viewer);
  const notAboutThemselves: Prisma.FlagWhereInput =
    viewer.officerId === null
      ? {}
      : {
          NOT: [
            { subjectType: "officer", subjectId: viewer.officerId },
            { method: "BROKER_OFFICER_PAIR", relatedId: viewer.officerId },
          ],
        };
  switch (scope.kind) {
    case "all":
      return notAboutThemselves;
    case "office":
      return { officeCode: scope.officeCode, ...notAboutThemselves };
    default:
      return NOTHING;
  }
}

export async function getFlagForViewerOrThrow(flagId: number, viewer: FlagViewer): Promise<Flag> {
  const flag = Number.isSafeInteger(flagId)
    ? await db.flag.findFirst({ where: { AND: [{ id: flagId }, flagVisibilityWhere(viewer)] } })
    : null;
  if (!flag) throw new AppError("NOT_FOUND", "Flag not found");
  return flag;
}

export type FlagEvidence = { flag: Flag; declarations: Record<string, unknown>[]; total: number };

const MAX_PAGE_SIZE = 500;

// The columns every evidence row starts with.
const DECLARATION_COLUMNS = `d.decl_id, d.office_code, d.assessing_officer_id, d.broker_id, d.reg_ts, d.asmt_ts,
  d.lane_initial, d.lane_final, d.status, d.value_initial, d.taxes_initial, d.taxes_final`;

// docs/indicators.md's B over $1 = from, $2 = to.
const PERIOD_B = `d.reg_ts >= $1::date::timestamp AND d.reg_ts < ($2::date + 1)::timestamp AND d.status <> 'cancelled'`;

type Page = { page: number; pageSize: number };

async function rowsWithCount(sql: string, args: unknown[], { page, pageSize }: Page) {
  const { rows } = await pool.query(
    `SELECT *, count(*) OVER ()::int AS total FROM (${sql}) evidence LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    args,
  );
  const total = (rows[0]?.total as number | undefined) ?? 0;
  return { declarations: rows.map(({ total: _t, ...row }) => row as Record<string, unknown>), total };
}

// A KPI's rows (declarations, inspections or events) with the declaration columns in front.
async function withDeclarationColumns(rows: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  if (!rows.length) return rows;
  const ids = [...new Set(rows.map((r) => String(r.decl_id)))];
  const { rows: declarations } = await pool.query(
    `SELECT ${DECLARATION_COLUMNS} FROM declarations d WHERE d.decl_id = ANY ($1::text[])`,
    [ids],
  );
  const byId = new Map(declarations.map((d) => [d.decl_id as string, d as Record<string, unknown>]));
  return rows.map((r) => ({ ...byId.get(String(r.decl_id)), ...r }));
}

function flagKpi(flag: Flag): KpiId {
  if (!(KPI_IDS as readonly string[]).includes(flag.kpiId))
    throw new AppError("INVALID", `Flag ${flag.id} has no known KPI`);
  return flag.kpiId as KpiId;
}

async function evidencePage(
  flag: Flag,
  page: Page,
): Promise<{ declarations: Record<string, unknown>[]; total: number }> {
  const from = isoDate(flag.periodFrom);
  const to = isoDate(flag.periodTo);
  switch (flag.method) {
    case "RATE_OUTLIER":
    case "VALUE_OUTLIER": {
      const kpiId = flagKpi(flag);
      // A value outlier is a level, not a count: every row of the set, the worst measures first.
      const worstFirst = kpiDefinition(kpiId).direction === "higher" ? "measure_asc" : "measure_desc";
      const evidence = await kpiEvidence({
        kpiId,
        subjectType: "officer",
        subjectId: flag.subjectId,
        from,
        to,
        page: page.page,
        pageSize: page.pageSize,
        ...(flag.method === "RATE_OUTLIER"
          ? { only: "numerator" as const }
          : { only: "all" as const, sort: worstFirst }),
      });
      return { declarations: await withDeclarationColumns(evidence.rows), total: evidence.total };
    }
    case "GAMING": {
      // The guard's rows since the contract started: the cancellations and amendments (or backlog) that rose.
      const stats = (flag.stats ?? {}) as Record<string, unknown>;
      const inspections = flag.relatedId === "INSPECTIONS";
      const evidence = await kpiEvidence({
        kpiId: inspections ? "P11" : (flag.relatedId as KpiId),
        subjectType: "officer",
        subjectId: flag.subjectId,
        from: typeof stats.afterFrom === "string" ? stats.afterFrom : from,
        to: typeof stats.afterTo === "string" ? stats.afterTo : to,
        page: page.page,
        pageSize: page.pageSize,
        only: inspections ? ("all" as const) : ("numerator" as const),
      });
      return { declarations: await withDeclarationColumns(evidence.rows), total: evidence.total };
    }
    case "BROKER_OFFICER_PAIR": {
      const officeCode = flag.officeCode ?? (flag.stats as Record<string, unknown> | null)?.officeCode ?? null;
      return rowsWithCount(
        `SELECT ${DECLARATION_COLUMNS} FROM declarations d
          WHERE ${PERIOD_B} AND d.office_code = $3 AND d.broker_id = $4 AND d.assessing_officer_id = $5
          ORDER BY d.reg_ts, d.decl_id`,
        [from, to, officeCode, flag.subjectId, flag.relatedId],
        page,
      );
    }
    case "BENFORD":
      // The first significant digit exactly as detect-flags.ts takes it.
      return rowsWithCount(
        `SELECT ${DECLARATION_COLUMNS}, left(ltrim(replace(d.value_initial::text, '.', ''), '0'), 1)::int AS first_digit
           FROM declarations d
          WHERE ${PERIOD_B} AND d.broker_id = $3 AND d.value_initial > 0
          ORDER BY d.reg_ts, d.decl_id`,
        [from, to, flag.subjectId],
        page,
      );
    case "UNIT_VALUE":
      return rowsWithCount(
        `SELECT ${DECLARATION_COLUMNS}, i.item_no, i.hs6, i.origin_country, i.cif_value, i.net_kg,
                CASE WHEN i.net_kg > 0 THEN i.cif_value::float8 / i.net_kg::float8 END AS unit_value
           FROM declarations d JOIN items i USING (decl_id)
          WHERE d.decl_id = $1 AND i.item_no::text = $2
          ORDER BY i.item_no`,
        [flag.subjectId, flag.relatedId],
        page,
      );
    case "RISK_DRIFT":
      // About the risk model, not about declarations: the figures are on the risk page's drift panel.
      return { declarations: [], total: 0 };
    default:
      throw new AppError("INVALID", `Unknown detection method ${flag.method}`);
  }
}

export async function flagEvidence(
  flagId: number,
  viewer: FlagViewer,
  opts: { page?: number; pageSize?: number } = {},
): Promise<FlagEvidence> {
  const flag = await getFlagForViewerOrThrow(flagId, viewer);
  const pageSize = Math.min(Math.max(Math.trunc(opts.pageSize ?? 50), 1), MAX_PAGE_SIZE);
  const page = Math.max(Math.trunc(opts.page ?? 1), 1);
  return { flag, ...(await evidencePage(flag, { page, pageSize })) };
}

// Every evidence row of a flag (for exports and case files), up to `cap`, read page by page.
export async function allFlagEvidenceDeclarations(
  flagId: number,
  viewer: FlagViewer,
  cap = 5000,
): Promise<Record<string, unknown>[]> {
  const flag = await getFlagForViewerOrThrow(flagId, viewer);
  const out: Record<string, unknown>[] = [];
  for (let page = 1; out.length < cap; page++) {
    const { declarations, total } = await evidencePage(flag, { page, pageSize: MAX_PAGE_SIZE });
    out.push(...declarations);
    if (declarations.length === 0 || page * MAX_PAGE_SIZE >= total) break;
  }
  return out.slice(0, cap);
}
