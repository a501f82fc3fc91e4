// The pickers above an integrity chart as a plain GET form (a chart view is a link): rate KPI, office, stored period
// and HS6 code, whichever the chart takes.
import { getFormatter, getTranslations } from "next-intl/server";
import type { OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import { RATE_KPIS, periodKey } from "@/lib/integrity/schema";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { formatPeriod } from "@/components/integrity/period-label";

type Props = {
  kpi?: string;
  office?: { value: string; choices: OfficeChoice[] };
  period: { value: string; choices: { from: string; to: string }[] };
  hs6?: string;
};

export async function ChartFilters({ kpi, office, period, hs6 }: Props) {
  const [t, te, tp, format] = await Promise.all([
    getTranslations("integrity.charts"),
    getTranslations("explore"),
    getTranslations("integrity.period"),
    getFormatter(),
  ]);
  const field = "flex flex-col gap-1.5";
  const label = "text-sm font-medium text-slate-800";
  return (
    <form
      method="get"
      aria-label={t("pickers")}
      className="mb-6 flex flex-wrap items-end gap-4"
      data-testid="chart-filters"
    >
      {kpi !== undefined ? (
        <div className={field}>
          <label htmlFor="c-kpi" className={label}>
            {t("kpi")}
          </label>
          <select id="c-kpi" name="kpi" defaultValue={kpi} className={inputClasses}>
            {RATE_KPIS.map((k) => (
              <option key={k} value={k}>{`${k} · ${te(`names.${k}`)}`}</option>
            ))}
          </select>
        </div>
      ) : null}
      {office ? (
        <div className={field}>
          <label htmlFor="c-office" className={label}>
            {t("office")}
          </label>
          <select id="c-office" name="office" defaultValue={office.value} className={inputClasses}>
            {office.choices.map((o) => (
              <option key={o.officeCode} value={o.officeCode}>{`${o.officeCode} · ${o.name}`}</option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={field}>
        <label htmlFor="c-period" className={label}>
          {t("period")}
        </label>
        <select id="c-period" name="period" defaultValue={period.value} className={inputClasses}>
          {period.choices.map((p) => (
            <option key={periodKey(p)} value={periodKey(p)}>
              {formatPeriod(format, tp, p.from, p.to)}
            </option>
          ))}
        </select>
      </div>
      {hs6 !== undefined ? (
        <div className={field}>
          <label htmlFor="c-hs6" className={label}>
            {t("hs6")}
          </label>
          <input
            id="c-hs6"
            name="hs6"
            defaultValue={hs6}
            inputMode="numeric"
            pattern="[0-9]{6}"
            maxLength={6}
            placeholder={t("hs6Placeholder")}
            className={`${inputClasses} w-40`}
          />
        </div>
      ) : null}
      <button type="submit" className={buttonClasses("secondary")}>
        {t("show")}
      </button>
    </form>
  );
}
