// Precision per office on the evaluation window: each office's declarations ranked among themselves (how well the
// model ranks within the office), and the office's part of the overall top n % (whether one office fills the list),
// with a warning when it fills the top because of its own factor (selection-metrics.ts officeDominance).
import { getFormatter, getTranslations } from "next-intl/server";
import type { OfficeSelection } from "@/lib/risk/selection-metrics";
import { selectivityFormat } from "@/components/selectivity/selectivity-format";
import { TableFrame } from "@/components/ui/table-frame";
import { Notice } from "@/components/ui/notice";

const cellHead = "px-3 py-2 text-xs font-semibold text-slate-600";
const th = `${cellHead} text-right`;
const cell = "px-3 py-2 text-sm tabular-nums text-slate-800";
const td = `${cell} text-right`;

export async function OfficePrecisionTable({ offices, n }: { offices: OfficeSelection[]; n: number }) {
  const [t, format] = await Promise.all([getTranslations("risk.offices"), getFormatter()]);
  const f = selectivityFormat(format, await getTranslations("contracts"));
  // One warning per office: its figures at n % when it dominates there, else at the first share where it does.
  const dominant = offices.flatMap((o) => {
    const rows = o.perN.filter((r) => r.dominates);
    const shown = rows.find((r) => r.n === n) ?? rows[0];
    if (!shown) return [];
    const others = rows.filter((r) => r !== shown).map((r) => r.n);
    return [{ office: o.office, shareOfRows: o.shareOfRows, others, ...shown }];
  });
  return (
    <div className="space-y-3">
      {dominant.map((d) => (
        <Notice key={`${d.office}-${d.n}`} tone="warning">
          <span data-testid="office-warning" data-office={d.office}>
            {t("warning", {
              office: d.office,
              n: d.n,
              share: f.percent(d.shareOfTop),
              rows: f.percent(d.shareOfRows),
              first: f.count(d.officeFactorFirst),
              selected: f.count(d.selected),
            })}
            {d.others.length ? ` ${t("alsoAt", { shares: d.others.map((x) => `${x} %`).join(", ") })}` : null}
          </span>
        </Notice>
      ))}
      <TableFrame caption={t("caption", { n })} testId="office-precision" smallText={false}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" rowSpan={2} className={`${cellHead} text-left`}>
              {t("office")}
            </th>
            <th scope="col" rowSpan={2} className={th}>
              {t("rows")}
            </th>
            <th scope="col" rowSpan={2} className={th}>
              {t("fraudShare")}
            </th>
            <th scope="colgroup" colSpan={2} className={`${cellHead} text-center`}>
              {t("ownTop", { n })}
            </th>
            <th scope="colgroup" colSpan={3} className={`${cellHead} text-center`}>
              {t("overallTop", { n })}
            </th>
          </tr>
          <tr>
            <th scope="col" className={th}>
              {t("k")}
            </th>
            <th scope="col" className={th}>
              {t("precision")}
            </th>
            <th scope="col" className={th}>
              {t("selected")}
            </th>
            <th scope="col" className={th}>
              {t("selectedPrecision")}
            </th>
            <th scope="col" className={th}>
              {t("officeFirst")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {offices.map((o) => {
            const r = o.perN.find((x) => x.n === n);
            if (!r) return null;
            return (
              <tr key={o.office} data-office={o.office} className={r.dominates ? "bg-amber-50" : undefined}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {o.office || "—"}
                </th>
                <td className={td}>{f.count(o.rows)}</td>
                <td className={td}>{f.rate(o.rows ? o.illicit / o.rows : null, o.illicit, o.rows)}</td>
                <td className={td}>{f.count(r.k)}</td>
                <td className={`${td} font-semibold`} data-testid="office-precision-value">
                  {f.percent(r.precision)}
                </td>
                <td className={td}>
                  {f.count(r.selected)} <span className="text-xs text-slate-500">({f.percent(r.shareOfTop)})</span>
                </td>
                <td className={td}>
                  {f.rate(r.selected ? r.selectedIllicit / r.selected : null, r.selectedIllicit, r.selected)}
                </td>
                <td className={td}>{f.count(r.officeFactorFirst)}</td>
              </tr>
            );
          })}
        </tbody>
      </TableFrame>
      <p className="text-xs leading-relaxed text-slate-600">{t("legend", { n })}</p>
    </div>
  );
}
