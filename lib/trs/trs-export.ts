// The TRS screens' tables as CSV/XLSX (lib/table-export.ts): the stored table of a period, and the comparison of two
// periods, with the same unrounded values the pages show, narrowed to the user's offices.
import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import { tableExportResponse, type ExportFormat } from "@/lib/table-export";
import { TrsQuery, previousPeriod } from "@/lib/analysis/analysis-query";
import { readStoredTrs } from "@/lib/trs/read-trs";
import { compareTrs } from "@/lib/trs/trs-summary";
import { TRS_INTERVAL_IDS, type TrsPeriod } from "@/lib/trs/trs-intervals";

function periodOrThrow(from: string | undefined, to: string | undefined): TrsPeriod {
  if (!from || !to || from > to) throw new AppError("INVALID", "from and to (YYYY-MM-DD, from ≤ to) are required");
  return { from, to };
}

export async function trsTableExport(
  user: SessionUser,
  params: URLSearchParams,
  format: ExportFormat,
): Promise<Response> {
  const query = TrsQuery.parse(Object.fromEntries(params));
  const period = periodOrThrow(query.from, query.to);
  const stored = await readStoredTrs(user, period);
  if (!stored) throw new AppError("NOT_FOUND", "The TRS table of this period has not been computed");
  return tableExportResponse(
    {
      name: "TRS",
      columns: [
        "period_from",
        "period_to",
        "office_code",
        "lane",
        "interval",
        "count",
        "mean_h",
        "median_h",
        "p90_h",
        "censored",
      ],
      rows: stored.rows.map((r) => [
        period.from,
        period.to,
        r.officeCode,
        r.lane,
        r.interval,
        r.count,
        r.meanH,
        r.medianH,
        r.p90H,
        r.censored,
      ]),
    },
    format,
    `trs-${period.from}-${period.to}`,
  );
}

export async function trsComparisonExport(
  user: SessionUser,
  params: URLSearchParams,
  format: ExportFormat,
): Promise<Response> {
  const query = TrsQuery.parse(Object.fromEntries(params));
  const after = periodOrThrow(query.from, query.to);
  const before = query.baseFrom && query.baseTo ? periodOrThrow(query.baseFrom, query.baseTo) : previousPeriod(after);
  const [b, a] = await Promise.all([readStoredTrs(user, before), readStoredTrs(user, after)]);
  if (!b || !a) throw new AppError("NOT_FOUND", "Both periods must have been computed");
  const rows = compareTrs(b.rows, a.rows, TRS_INTERVAL_IDS);
  return tableExportResponse(
    {
      name: "TRS comparison",
      columns: [
        "office_code",
        "lane",
        "interval",
        "before_from",
        "before_to",
        "after_from",
        "after_to",
        "before_count",
        "after_count",
        "before_median_h",
        "after_median_h",
        "median_delta_h",
        "median_change",
        "before_mean_h",
        "after_mean_h",
        "mean_delta_h",
        "before_p90_h",
        "after_p90_h",
        "p90_delta_h",
        "before_censored",
        "after_censored",
      ],
      rows: rows.map((r) => [
        r.officeCode,
        r.lane,
        r.interval,
        before.from,
        before.to,
        after.from,
        after.to,
        r.before?.count ?? null,
        r.after?.count ?? null,
        r.before?.medianH ?? null,
        r.after?.medianH ?? null,
        r.medianDelta,
        r.medianChange,
        r.before?.meanH ?? null,
        r.after?.meanH ?? null,
        r.meanDelta,
        r.before?.p90H ?? null,
        r.after?.p90H ?? null,
        r.p90Delta,
        r.before?.censored ?? null,
        r.after?.censored ?? null,
      ]),
    },
    format,
    `trs-comparison-${before.from}-${before.to}-${after.from}-${after.to}`,
  );
}
