// The TRS table of a period: one row per office × lane × interval, as stored. Each number cell carries its
// unrounded value (data-value) for tests and screen readers' exactness; the text is rounded for reading.
import { getFormatter, getTranslations } from "next-intl/server";
import type { TrsRow } from "@/lib/trs/trs-intervals";
import { analysisFormat } from "@/components/analysis/analysis-format";

export async function TrsTable({
  rows,
  caption,
  printable = false,
}: {
  rows: TrsRow[];
  caption: string;
  printable?: boolean;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("analysis.trs.table"),
    getTranslations("analysis"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const th = printable ? "px-2 py-1" : "px-3 py-2";
  const cell = printable ? "px-2 py-0.5" : "px-3 py-1.5";
  const num = (field: string, value: number | null, text: string) => (
    <td className={`${cell} whitespace-nowrap text-right tabular-nums`} data-field={field} data-value={value ?? ""}>
      {text}
    </td>
  );
  return (
    <div
      className={
        printable
          ? "rounded border border-slate-300"
          : "max-h-[36rem] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      }
    >
      <table
        className={`min-w-full divide-y divide-slate-200 ${printable ? "text-xs" : "text-sm"}`}
        data-testid="trs-table"
      >
        <caption className="sr-only">{caption}</caption>
        <thead
          className={`${printable ? "" : "sticky top-0 "}bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600`}
        >
          <tr>
            <th scope="col" className={th}>
              {t("office")}
            </th>
            <th scope="col" className={th}>
              {t("lane")}
            </th>
            <th scope="col" className={th}>
              {t("interval")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("count")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("mean")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("median")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("p90")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("censored")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => {
            const firstOfGroup = i === 0 || rows[i - 1]!.officeCode !== r.officeCode || rows[i - 1]!.lane !== r.lane;
            return (
              <tr
                key={`${r.officeCode}|${r.lane}|${r.interval}`}
                data-row={`${r.officeCode}|${r.lane}|${r.interval}`}
                className={firstOfGroup ? "border-t-2 border-slate-200" : undefined}
              >
                <td className={`${cell} font-medium text-slate-900`}>{firstOfGroup ? r.officeCode : ""}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  {firstOfGroup ? ta("laneLabel", { lane: ta(`lanes.${r.lane}` as "lanes.G"), code: r.lane }) : ""}
                </td>
                <td className={`${cell} whitespace-nowrap text-slate-700`}>{ta(`intervals.${r.interval}`)}</td>
                {num("count", r.count, f.count(r.count))}
                {num("meanH", r.meanH, f.hours(r.meanH))}
                {num("medianH", r.medianH, f.hours(r.medianH))}
                {num("p90H", r.p90H, f.hours(r.p90H))}
                {num("censored", r.censored, f.count(r.censored))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
