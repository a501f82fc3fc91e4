// Selectivity figures per lane, as the totals of the filters (one row per lane) or per office and month: every
// rate with the counts it is made of.
import { getFormatter, getTranslations } from "next-intl/server";
import type { LaneCell, LaneTotal } from "@/lib/selectivity/selectivity-report";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { formatMonth } from "@/components/format/kpi-format";
import { TableFrame } from "@/components/ui/table-frame";

const th = "px-3 py-2 text-left text-xs font-semibold text-slate-600";
const thNum = `${th} text-right`;
const td = "px-3 py-2 text-sm text-slate-800";
const tdNum = `${td} text-right tabular-nums`;

export async function LaneTable({
  rows,
  caption,
  testId,
}: {
  rows: (LaneTotal | LaneCell)[];
  caption: string;
  testId: string;
}) {
  const [t, tl, format] = await Promise.all([
    getTranslations("risk.selectivity.table"),
    getTranslations("risk.lanes"),
    getFormatter(),
  ]);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  const perCell = rows.some((r) => "month" in r);
  return (
    <TableFrame caption={caption} testId={testId} smallText={false}>
      <thead className="bg-slate-50">
        <tr>
          {perCell ? (
            <th scope="col" className={th}>
              {t("month")}
            </th>
          ) : null}
          {perCell ? (
            <th scope="col" className={th}>
              {t("office")}
            </th>
          ) : null}
          <th scope="col" className={th}>
            {t("lane")}
          </th>
          <th scope="col" className={thNum}>
            {t("declarations")}
          </th>
          <th scope="col" className={thNum}>
            {t("share")}
          </th>
          <th scope="col" className={thNum}>
            {t("inspections")}
          </th>
          <th scope="col" className={thNum}>
            {t("hitRate")}
          </th>
          <th scope="col" className={thNum}>
            {t("yield")}
          </th>
          <th scope="col" className={thNum}>
            {t("adjustments")}
          </th>
          <th scope="col" className={thNum}>
            {t("taxDelta")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={"month" in r ? `${r.month}|${r.officeCode}|${r.lane}` : r.lane} data-lane={r.lane}>
            {"month" in r ? <td className={td}>{formatMonth(format, r.month)}</td> : null}
            {"month" in r ? <td className={td}>{r.officeCode}</td> : null}
            <th scope="row" className={`${td} text-left font-medium`}>
              {tl(r.lane)}
            </th>
            <td className={tdNum}>{f.count(r.declarations)}</td>
            <td className={tdNum}>{f.percent(r.share)}</td>
            <td className={tdNum}>{f.count(r.inspections)}</td>
            <td className={tdNum} data-testid="hit-rate">
              {f.rate(r.hitRate, r.offences, r.inspections)}
            </td>
            <td className={tdNum}>{f.amount(r.yieldPerInspection)}</td>
            <td className={tdNum}>{f.amount(r.adjustmentTotal)}</td>
            <td className={tdNum}>
              {r.taxDeltaN ? t("taxDeltaValue", { value: f.amount(r.taxDelta), n: f.count(r.taxDeltaN) }) : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
