// Each indicator month by month: the value with its n, and the month's overall score, so a manager sees the
// trend that the monthly review discusses.
import { getFormatter, getTranslations } from "next-intl/server";
import type { PeriodIndicators } from "@/lib/contracts/contract-indicators";
import { CONTEXT_KPIS } from "@/lib/contracts/contract-indicators";
import { formatKpiValue, formatMonth, formatScore } from "@/components/contracts/kpi-format";

const thBase = "px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 whitespace-nowrap";
const th = `${thBase} text-right`;

export async function MonthlyTable({ months, kpiIds }: { months: (PeriodIndicators & { month: string })[]; kpiIds: string[] }) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  if (!months.length) return <p className="text-sm text-slate-600">{t("detail.noMonths")}</p>;
  const rows = [...kpiIds, ...CONTEXT_KPIS];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm print:shadow-none">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="monthly-table">
        <caption className="sr-only">{t("detail.monthlyCaption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${thBase} text-left`}>{t("detail.columns.kpi")}</th>
            {months.map((m) => (
              <th key={m.month} scope="col" className={th}>{formatMonth(format, m.month)}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((kpiId) => (
            <tr key={kpiId}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-normal">
                <span className="font-medium text-slate-900">{t(`kpis.${kpiId}.name`)}</span>{" "}
                <span className="text-xs text-slate-500">({kpiId})</span>
              </th>
              {months.map((m) => {
                const cell = m.values.get(kpiId);
                return (
                  <td key={m.month} className="px-3 py-2 text-right tabular-nums" data-kpi={kpiId} data-month={m.month} data-value={cell?.value ?? ""} data-n={cell?.denominator ?? 0}>
                    <span className="text-slate-900">{formatKpiValue(format, t, kpiId, cell?.value ?? null)}</span>
                    <span className="block text-xs text-slate-500">n = {format.number(cell?.denominator ?? 0)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-slate-50">
          <tr>
            <th scope="row" className="px-3 py-2.5 text-left text-sm font-semibold text-slate-900">{t("detail.overall")}</th>
            {months.map((m) => (
              <td key={m.month} className="px-3 py-2.5 text-right font-semibold tabular-nums text-slate-900">
                {formatScore(format, m.scorecard.overall, 100)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
