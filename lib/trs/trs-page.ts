// What every TRS screen starts from: the period asked for (or the latest month with data), whether later imports
// have changed the data since, and the offices the user may pick; the screens built on the period's stored table
// (the table, the comparison, the report) read it as well (trsTableContext).
import "server-only";
import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session-user";
import { monthsWithData } from "@/lib/kpis/queue-recomputation";
import { visibleOffices, type OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import { TrsQuery, trsPeriodOf } from "@/lib/analysis/analysis-query";
import { readStoredTrs, storedTrsPeriods, type StoredTrs } from "@/lib/trs/read-trs";
import { latestImportId } from "@/lib/clearance/import-batches";
import type { TrsPeriod } from "@/lib/trs/trs-intervals";

export type TrsPageContext = {
  query: TrsQuery;
  period: TrsPeriod | null;
  months: string[];
  storedPeriods: TrsPeriod[];
  latestImport: number | null;
  offices: OfficeChoice[];
};

export async function trsPageContext(
  user: SessionUser,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<TrsPageContext> {
  const query = TrsQuery.parse(searchParams);
  const [months, storedPeriods, latestImport, offices] = await Promise.all([
    monthsWithData(),
    storedTrsPeriods(),
    latestImportId(),
    visibleOffices(user),
  ]);
  return { query, period: trsPeriodOf(query, months.at(-1) ?? null), months, storedPeriods, latestImport, offices };
}

export type TrsTableContext = TrsPageContext & { stored: StoredTrs };

export async function trsTableContext(
  user: SessionUser,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<TrsTableContext> {
  const ctx = await trsPageContext(user, searchParams);
  return { ...ctx, stored: ctx.period ? await readStoredTrs(user, ctx.period) : null };
}

// The office a per-office screen shows: the one asked for, else the user's first. One outside the user's reach does
// not exist for them (404). Only for a context with offices.
export function chosenOffice(ctx: TrsPageContext): string {
  const office = ctx.query.office ?? ctx.offices[0]!.officeCode;
  if (!ctx.offices.some((o) => o.officeCode === office)) notFound();
  return office;
}
