// A table of clearance rows with translated column headers; the declaration id, when present, opens the record.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCell } from "@/components/explore/record-cell";
import { declarationHref } from "@/components/explore/drilldown-href";
import { TableFrame, TableHead } from "@/components/ui/table-frame";
import { MONEY_COLUMNS, moneyHeader } from "@/components/format/kpi-format";

const NUMERIC_COLUMNS = new Set([
  "taxes_initial",
  "taxes_final",
  "value_initial",
  "value_final",
  "adjustment_amount",
  "cif_value",
  "net_kg",
  "gross_kg",
  "supp_qty",
  "taxes",
  "ref_p10",
  "measure",
  "item_no",
]);

export async function RecordTable({
  caption,
  rows,
  columns,
  linkBack,
  testId,
}: {
  caption: string;
  rows: Record<string, unknown>[];
  columns: string[];
  // Where the declaration page's back link returns; no links at all when undefined.
  linkBack?: string;
  testId?: string;
}) {
  const [t, tm] = await Promise.all([getTranslations("explore.columns"), getTranslations("contracts")]);
  const cells = await Promise.all(rows.map((row) => Promise.all(columns.map((c) => formatCell(c, row[c])))));
  const align = (c: string) => (NUMERIC_COLUMNS.has(c) ? "text-right tabular-nums" : "");
  return (
    <TableFrame caption={caption} testId={testId}>
      <TableHead>
        {columns.map((c) => (
          <th key={c} scope="col" className={`whitespace-nowrap px-4 py-3 ${align(c)}`}>
            {MONEY_COLUMNS.has(c) ? moneyHeader(tm, t.has(c) ? t(c) : c) : t.has(c) ? t(c) : c}
          </th>
        ))}
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, i) => (
          <tr
            key={i}
            className={row.in_numerator === true ? "bg-brand-50/40 hover:bg-brand-50" : "hover:bg-slate-50"}
            data-decl={typeof row.decl_id === "string" ? row.decl_id : undefined}
            data-in-numerator={typeof row.in_numerator === "boolean" ? String(row.in_numerator) : undefined}
          >
            {columns.map((c, j) => (
              <td key={c} className={`whitespace-nowrap px-4 py-2.5 ${align(c)}`}>
                {c === "decl_id" && linkBack !== undefined && typeof row.decl_id === "string" ? (
                  <Link
                    href={declarationHref(row.decl_id, linkBack)}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {row.decl_id}
                  </Link>
                ) : c === "in_numerator" && typeof row.in_numerator === "boolean" ? (
                  <span
                    className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${row.in_numerator ? "bg-brand-100 text-brand-800" : "bg-slate-100 text-slate-600"}`}
                  >
                    {cells[i]![j]}
                  </span>
                ) : (
                  cells[i]![j]
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
