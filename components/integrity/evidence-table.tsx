// The declarations behind a flag, one server-side page: the declaration columns first, then what the method adds
// (a KPI row's measure or event, a first digit, an item's unit value). Each declaration opens its record (items,
// events timeline, inspections) with a way back to the flag.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatCell } from "@/components/explore/record-cell";
import { declarationHref } from "@/components/explore/drilldown-href";
import { TableFrame, TableHead } from "@/components/ui/table-frame";
import { MONEY_COLUMNS, moneyHeader } from "@/components/format/kpi-format";

const NUMERIC = new Set([
  "taxes_initial",
  "taxes_final",
  "value_initial",
  "value_final",
  "adjustment_amount",
  "cif_value",
  "net_kg",
  "measure",
  "item_no",
  "unit_value",
  "first_digit",
]);
const DECLARATION_COLUMNS = new Set([
  "office_code",
  "assessing_officer_id",
  "broker_id",
  "reg_ts",
  "asmt_ts",
  "release_ts",
  "lane_initial",
  "lane_final",
  "status",
  "value_initial",
  "value_final",
  "taxes_initial",
  "taxes_final",
]);
// Explore's subject column repeats the officer of every row of a KPI set: not shown.
const HIDDEN = new Set(["subject_id"]);

export async function EvidenceTable({
  rows,
  caption,
  back,
}: {
  rows: Record<string, unknown>[];
  caption: string;
  back: string;
}) {
  const [tc, ti, tm] = await Promise.all([
    getTranslations("explore.columns"),
    getTranslations("integrity.flag.columns"),
    getTranslations("contracts"),
  ]);
  // What the method adds (measure, event, first digit, item…) right after the declaration id, then the declaration.
  const all = Object.keys(rows[0] ?? {}).filter((c) => !HIDDEN.has(c));
  const columns = [
    "decl_id",
    ...all.filter((c) => c !== "decl_id" && !DECLARATION_COLUMNS.has(c)),
    ...all.filter((c) => c !== "decl_id" && DECLARATION_COLUMNS.has(c)),
  ].filter((c) => all.includes(c));
  const cells = await Promise.all(rows.map((row) => Promise.all(columns.map((c) => formatCell(c, row[c])))));
  const label = (c: string) => (ti.has(c as never) ? ti(c as never) : tc.has(c as never) ? tc(c as never) : c);
  const header = (c: string) => (MONEY_COLUMNS.has(c) ? moneyHeader(tm, label(c)) : label(c));
  const align = (c: string) => (NUMERIC.has(c) ? "text-right tabular-nums" : "");
  return (
    <TableFrame caption={caption} testId="evidence-table">
      <TableHead>
        {columns.map((c) => (
          <th key={c} scope="col" className={`whitespace-nowrap px-3 py-3 ${align(c)}`}>
            {header(c)}
          </th>
        ))}
      </TableHead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, i) => (
          <tr key={i} className="hover:bg-slate-50" data-decl={String(row.decl_id)}>
            {columns.map((c, j) => (
              <td key={c} className={`whitespace-nowrap px-3 py-2 ${align(c)}`}>
                {c === "decl_id" ? (
                  <Link
                    href={declarationHref(String(row.decl_id), back)}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {String(row.decl_id)}
                  </Link>
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
