// The overview table as a download: the same rows, filters and order as the page, every indicator's value and n.
import "server-only";
import type { Actor } from "@/lib/auth/session-user";
import { overviewRows } from "@/lib/dashboard/contract-overview";
import { OverviewFilters } from "@/lib/dashboard/overview-filters";
import { dataMonths } from "@/lib/dashboard/subject-dashboard";
import { tableExportResponse, type ExportFormat } from "@/lib/table-export";
import { valueColumn } from "@/lib/kpis/value-unit";
import type { KpiId } from "@/lib/kpis/catalogue";

export async function overviewExportResponse(
  actor: Actor,
  params: URLSearchParams,
  format: ExportFormat,
): Promise<Response> {
  const filters = OverviewFilters.parse(Object.fromEntries(params));
  const month = filters.month || (await dataMonths()).months.at(-1) || "";
  const { rows } = month ? await overviewRows(actor, { ...filters, month }) : { rows: [] };
  const kpis = [...new Set(rows.flatMap((r) => r.indicators.map((i) => i.kpiId)))];
  // A KPI some contract scores on observed/expected gets a basis column: its value is then that contract's O/E
  // ratio. Exports where every indicator is scored raw keep their columns.
  const withBasis = new Set(rows.flatMap((r) => r.indicators.filter((i) => i.basis === "OE").map((i) => i.kpiId)));
  const columns = [
    "contract_id",
    "contract_no",
    "version",
    "status",
    "party_type",
    "officer_id",
    "party_name",
    "unit",
    "office_code",
    "month_from",
    "month_to",
    "month_score",
    "previous_month_score",
    "score_delta",
    "score_so_far",
    ...kpis.flatMap((k) => [
      valueColumn(k as KpiId, `${k}_value`),
      `${k}_n`,
      `${k}_status`,
      ...(withBasis.has(k) ? [`${k}_basis`] : []),
    ]),
  ];
  const table = rows.map((r) => {
    const byKpi = new Map(r.indicators.map((i) => [i.kpiId, i]));
    return [
      r.id,
      r.contractNo,
      r.version,
      r.status,
      r.party.type,
      r.party.officerId,
      r.party.name,
      r.unit,
      r.officeCode,
      r.monthPeriod.from,
      r.monthPeriod.to,
      r.monthScore,
      r.previousScore,
      r.trend?.delta ?? null,
      r.soFarScore,
      ...kpis.flatMap((k) => {
        const i = byKpi.get(k);
        const basis = withBasis.has(k) ? [i?.basis ?? null] : [];
        return i ? [i.value, i.n, i.status, ...basis] : [null, null, null, ...basis];
      }),
    ];
  });
  return tableExportResponse(
    { name: "overview", columns, rows: table },
    format,
    `overview_${month}${filters.office ? `_${filters.office}` : ""}`,
  );
}
