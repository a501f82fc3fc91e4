// Re-routings out of yellow and red by officer (docs/indicators.md I1's numerator), with the offences found after them.
import { getFormatter, getTranslations } from "next-intl/server";
import type { OfficerReroutes } from "@/lib/selectivity/selectivity-report";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { TableFrame } from "@/components/ui/table-frame";

const th = "px-3 py-2 text-left text-xs font-semibold text-slate-600";
const thNum = `${th} text-right`;
const td = "px-3 py-2 text-sm text-slate-800";
const tdNum = `${td} text-right tabular-nums`;

export async function ReroutesTable({ rows, caption }: { rows: OfficerReroutes[]; caption: string }) {
  const [t, format] = await Promise.all([getTranslations("risk.selectivity.reroutes"), getFormatter()]);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  return (
    <TableFrame caption={caption} testId="reroutes-table" smallText={false}>
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={th}>
            {t("officer")}
          </th>
          <th scope="col" className={th}>
            {t("office")}
          </th>
          <th scope="col" className={thNum}>
            {t("reroutes")}
          </th>
          <th scope="col" className={th}>
            {t("moves")}
          </th>
          <th scope="col" className={thNum}>
            {t("withOffence")}
          </th>
          <th scope="col" className={thNum}>
            {t("byInspection")}
          </th>
          <th scope="col" className={thNum}>
            {t("byCase")}
          </th>
          <th scope="col" className={thNum}>
            {t("adjustments")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={`${r.officeCode}|${r.officerId}`} data-officer={r.officerId}>
            <th scope="row" className={`${td} text-left font-medium`}>
              {r.officerId ? (r.fullName ? `${r.fullName} (${r.officerId})` : r.officerId) : t("unknownOfficer")}
            </th>
            <td className={td}>{r.officeCode}</td>
            <td className={tdNum}>{f.count(r.reroutes)}</td>
            <td className={td}>
              {r.transitions.map((m) => t("move", { from: m.from, to: m.to, count: m.count })).join(", ")}
            </td>
            <td className={tdNum}>{f.rate(r.hitRate, r.withOffence, r.reroutes)}</td>
            <td className={tdNum}>{f.count(r.inspectionOffences)}</td>
            <td className={tdNum}>{f.count(r.caseFindings)}</td>
            <td className={tdNum}>{f.amount(r.adjustmentTotal)}</td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
