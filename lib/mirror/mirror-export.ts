// The mirror ranking as CSV/XLSX (lib/table-export.ts): every stored row of the year in the ranking's order, the
// columns of `pmc mirror` (docs/cli.md) plus the masses and the tax rate the screen shows.
import "server-only";
import { AppError } from "@/lib/kernel/app-error";
import { tableExportResponse, type ExportFormat } from "@/lib/table-export";
import { MirrorQuery } from "@/lib/analysis/analysis-query";
import { allMirrorRows } from "@/lib/mirror/read-mirror";

export async function mirrorTableExport(params: URLSearchParams, format: ExportFormat): Promise<Response> {
  const { year } = MirrorQuery.parse(Object.fromEntries(params));
  if (!year) throw new AppError("INVALID", "year (YYYY) is required");
  const rows = await allMirrorRows(year);
  if (!rows.length) throw new AppError("NOT_FOUND", "The mirror table of this year has not been computed");
  return tableExportResponse(
    {
      name: `Mirror ${year}`,
      columns: [
        "partner_country",
        "hs6",
        "year",
        "x_fob_usd",
        "m_fob_usd",
        "value_gap_usd",
        "rel_gap",
        "qty_gap",
        "unit_value_ratio",
        "flagged",
        "revenue_at_stake",
        "x_kg",
        "m_kg",
        "tax_rate",
      ],
      rows: rows.map((r) => [
        r.partnerCountry,
        r.hs6,
        r.year,
        r.xFobUsd,
        r.mFobUsd,
        r.valueGapUsd,
        r.relGap,
        r.qtyGap,
        r.unitValueRatio,
        r.flagged,
        r.revenueAtStake,
        r.xKg,
        r.mKg,
        r.taxRate,
      ]),
    },
    format,
    `mirror-${year}`,
  );
}
