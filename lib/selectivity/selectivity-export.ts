// The selectivity screen's tables as downloads (lib/table-export.ts): the office × month × lane cells and the
// re-routings by officer, with the page's filters and scope, every count beside the rate it makes.
import "server-only";
import { selectivityReport } from "@/lib/selectivity/selectivity-report";
import { SelectivityFilters } from "@/lib/selectivity/selectivity-filters";
import type { SessionUser } from "@/lib/auth/session-user";
import { tableExportResponse, type ExportFormat } from "@/lib/table-export";

export type SelectivityTable = "lanes" | "reroutes";

export async function selectivityExportResponse(
  user: SessionUser,
  params: URLSearchParams,
  table: SelectivityTable,
  format: ExportFormat,
): Promise<Response> {
  const filters = SelectivityFilters.parse(Object.fromEntries(params));
  const report = await selectivityReport(user, filters);
  const stem = `selectivity_${table}_${report.period ? `${report.period.from}_${report.period.to}` : "empty"}${filters.office ? `_${filters.office}` : ""}`;
  if (table === "lanes") {
    return tableExportResponse(
      {
        name: `lanes (${filters.lanes})`,
        columns: [
          "month",
          "office_code",
          "lane_kind",
          "lane",
          "declarations",
          "office_declarations",
          "share",
          "inspections",
          "offences",
          "hit_rate",
          "adjustment_total",
          "yield_per_inspection",
          "tax_delta",
          "tax_delta_n",
        ],
        rows: report.cells.map((c) => [
          c.month,
          c.officeCode,
          filters.lanes,
          c.lane,
          c.declarations,
          c.officeDeclarations,
          c.share,
          c.inspections,
          c.offences,
          c.hitRate,
          c.adjustmentTotal,
          c.yieldPerInspection,
          c.taxDelta,
          c.taxDeltaN,
        ]),
      },
      format,
      stem,
    );
  }
  return tableExportResponse(
    {
      name: "reroutes",
      columns: [
        "office_code",
        "officer_id",
        "officer_name",
        "reroutes",
        "moves",
        "with_offence",
        "inspection_offences",
        "case_findings",
        "offence_rate",
        "adjustment_total",
      ],
      rows: report.reroutes.map((o) => [
        o.officeCode,
        o.officerId,
        o.fullName,
        o.reroutes,
        o.transitions.map((m) => `${m.from}>${m.to}:${m.count}`).join(" "),
        o.withOffence,
        o.inspectionOffences,
        o.caseFindings,
        o.hitRate,
        o.adjustmentTotal,
      ]),
    },
    format,
    stem,
  );
}
