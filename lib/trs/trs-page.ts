// What every TRS screen starts from: the period asked for (or the latest month with data), its stored table for
// the user's offices, whether later imports have changed the data since, and the offices the user may pick.
import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { monthsWithData } from "@/lib/kpis/queue-recomputation";
import { visibleOffices, type OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import { TrsQuery, trsPeriodOf } from "@/lib/analysis/analysis-query";
import { latestImportId, readStoredTrs, storedTrsPeriods, type StoredTrs } from "@/lib/trs/read-trs";
import type { TrsPeriod } from "@/lib/trs/trs-intervals";

export type TrsPageContext = {
  query: TrsQuery;
  period: TrsPeriod | null;
  months: string[];
  stored: StoredTrs;
  storedPeriods: TrsPeriod[];
  latestImport: number | null;
  offices: OfficeChoice[];
};

export async function trsPageContext(user: SessionUser, searchParams: Record<string, string | string[] | undefined>): Promise<TrsPageContext> {
  const query = TrsQuery.parse(searchParams);
  const [months, storedPeriods, latestImport, offices] = await Promise.all([monthsWithData(), storedTrsPeriods(), latestImportId(), visibleOffices(user)]);
  const period = trsPeriodOf(query, months.at(-1) ?? null);
  const stored = period ? await readStoredTrs(user, period) : null;
  return { query, period, months, stored, storedPeriods, latestImport, offices };
}
