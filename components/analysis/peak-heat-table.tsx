// Registrations by ISO weekday (rows) × hour (columns) as a heat table: each cell's shade is its volume, its text the
// count, its title the median registration → release. A real table, so it reads cell by cell without the colours.
import { getFormatter, getTranslations } from "next-intl/server";
import type { PeakCell } from "@/lib/trs/trs-peaks";
import { heatLevel } from "@/lib/trs/heat-level";
import { analysisFormat } from "@/components/analysis/analysis-format";

const SHADES = [
  "bg-white text-slate-400",
  "bg-brand-50 text-slate-800",
  "bg-brand-100 text-slate-900",
  "bg-[#9db5f0] text-slate-900",
  "bg-[#4f74d6] text-white",
  "bg-brand-800 text-white",
];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = [1, 2, 3, 4, 5, 6, 7];

export async function PeakHeatTable({ cells, caption }: { cells: PeakCell[]; caption: string }) {
  const [t, ta, format] = await Promise.all([
    getTranslations("analysis.trs.peaks"),
    getTranslations("analysis"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const byKey = new Map(cells.map((c) => [`${c.weekday}|${c.hour}`, c]));
  const max = Math.max(0, ...cells.map((c) => c.declarations));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <table className="w-full border-separate border-spacing-0.5 text-[11px]" data-testid="peak-heat-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-12 px-1 text-left font-semibold text-slate-600">
              {t("weekday")}
            </th>
            {HOURS.map((h) => (
              <th key={h} scope="col" className="px-0.5 text-center font-medium text-slate-600">
                {String(h).padStart(2, "0")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map((d) => (
            <tr key={d}>
              <th scope="row" className="px-1 text-left font-semibold text-slate-700">
                {t(`weekdays.${d}` as "weekdays.1")}
              </th>
              {HOURS.map((h) => {
                const c = byKey.get(`${d}|${h}`);
                const n = c?.declarations ?? 0;
                const title = c
                  ? c.medianH !== null
                    ? t("cell", { count: n, median: f.hours(c.medianH) })
                    : t("cellNoMedian", { count: n })
                  : undefined;
                return (
                  <td
                    key={h}
                    title={title}
                    data-weekday={d}
                    data-hour={h}
                    data-count={n}
                    className={`h-8 rounded text-center tabular-nums ${SHADES[heatLevel(n, max)]}`}
                  >
                    {n ? f.count(n) : ""}
                    {title ? <span className="sr-only">{` (${title})`}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600">{t("legend")}</p>
    </div>
  );
}
