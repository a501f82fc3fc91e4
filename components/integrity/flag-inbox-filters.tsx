// The inbox's filters as a plain GET form: a filtered inbox is a link an analyst can bookmark or send.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  FLAG_METHODS,
  FLAG_SORTS,
  FLAG_STATES,
  RATE_KPIS,
  periodKey,
  type FlagInboxFilters,
} from "@/lib/integrity/schema";
import type { OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { formatPeriod } from "@/components/integrity/period-label";

const FLAG_KPIS = [...RATE_KPIS, "P4", "P8", "I5"] as const;

export async function FlagInboxFiltersForm({
  filters,
  offices,
  periods,
}: {
  filters: FlagInboxFilters;
  offices: OfficeChoice[];
  periods: { from: string; to: string }[];
}) {
  const [t, ti, te, tp, format] = await Promise.all([
    getTranslations("integrity.inbox.filters"),
    getTranslations("integrity"),
    getTranslations("explore"),
    getTranslations("integrity.period"),
    getFormatter(),
  ]);
  const field = "flex flex-col gap-1.5";
  const label = "text-sm font-medium text-slate-800";
  const filtered =
    filters.method ||
    filters.kpi ||
    filters.office ||
    filters.period ||
    filters.state !== "NEW" ||
    filters.active !== "yes" ||
    filters.sort !== "score-desc";
  return (
    <form
      method="get"
      role="search"
      aria-label={t("label")}
      className="mb-6 flex flex-wrap items-end gap-4"
      data-testid="inbox-filters"
    >
      <div className={field}>
        <label htmlFor="f-method" className={label}>
          {t("method")}
        </label>
        <select id="f-method" name="method" defaultValue={filters.method} className={inputClasses}>
          <option value="">{t("anyMethod")}</option>
          {FLAG_METHODS.map((m) => (
            <option key={m} value={m}>
              {ti(`methods.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="f-kpi" className={label}>
          {t("kpi")}
        </label>
        <select id="f-kpi" name="kpi" defaultValue={filters.kpi} className={inputClasses}>
          <option value="">{t("anyKpi")}</option>
          {FLAG_KPIS.map((k) => (
            <option key={k} value={k}>{`${k} · ${te(`names.${k}`)}`}</option>
          ))}
        </select>
      </div>
      {offices.length > 1 ? (
        <div className={field}>
          <label htmlFor="f-office" className={label}>
            {t("office")}
          </label>
          <select id="f-office" name="office" defaultValue={filters.office} className={inputClasses}>
            <option value="">{t("allOffices")}</option>
            {offices.map((o) => (
              <option key={o.officeCode} value={o.officeCode}>{`${o.officeCode} · ${o.name}`}</option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={field}>
        <label htmlFor="f-period" className={label}>
          {t("period")}
        </label>
        <select id="f-period" name="period" defaultValue={filters.period} className={inputClasses}>
          <option value="">{t("anyPeriod")}</option>
          {periods.map((p) => (
            <option key={periodKey(p)} value={periodKey(p)}>
              {formatPeriod(format, tp, p.from, p.to)}
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="f-state" className={label}>
          {t("state")}
        </label>
        <select id="f-state" name="state" defaultValue={filters.state || "all"} className={inputClasses}>
          {FLAG_STATES.map((s) => (
            <option key={s} value={s}>
              {ti(`states.${s}`)}
            </option>
          ))}
          <option value="all">{t("anyState")}</option>
        </select>
      </div>
      <div className={field}>
        <label htmlFor="f-active" className={label}>
          {t("active")}
        </label>
        <select id="f-active" name="active" defaultValue={filters.active} className={inputClasses}>
          {(["yes", "no", "all"] as const).map((a) => (
            <option key={a} value={a}>
              {t(`activeOptions.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="f-sort" className={label}>
          {t("sort")}
        </label>
        <select id="f-sort" name="sort" defaultValue={filters.sort} className={inputClasses}>
          {FLAG_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("apply")}
      </button>
      {filtered ? (
        <Link href="/integrity/flags" className="py-2 text-sm font-medium text-brand-700 hover:underline">
          {t("reset")}
        </Link>
      ) : null}
    </form>
  );
}
