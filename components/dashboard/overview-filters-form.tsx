// The overview's filters as a plain GET form: a filtered view is a link a manager can bookmark or send.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OverviewFilters } from "@/lib/dashboard/overview-filters";
import { OVERVIEW_SORTS } from "@/lib/dashboard/overview-filters";
import type { OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { formatMonth } from "@/components/format/kpi-format";

export async function OverviewFiltersForm({
  filters,
  month,
  months,
  offices,
}: {
  filters: OverviewFilters;
  month: string;
  months: string[];
  offices: OfficeChoice[];
}) {
  const [t, format] = await Promise.all([getTranslations("dashboard.overview.filters"), getFormatter()]);
  const units = offices.flatMap((o) =>
    filters.office && o.officeCode !== filters.office ? [] : o.units.map((u) => ({ office: o.officeCode, unit: u })),
  );
  const unitNames = [...new Set(units.map((u) => u.unit))];
  const filtered = filters.office !== "" || filters.unit !== "" || filters.month !== "" || filters.sort !== "score-asc";
  const field = "flex flex-col gap-1.5";
  const label = "text-sm font-medium text-slate-800";
  return (
    <form
      method="get"
      role="search"
      aria-label={t("label")}
      className="mb-6 flex flex-wrap items-end gap-4"
      data-testid="overview-filters"
    >
      <div className={field}>
        <label htmlFor="filter-month" className={label}>
          {t("month")}
        </label>
        <select id="filter-month" name="month" defaultValue={month} className={inputClasses}>
          {months.toReversed().map((m) => (
            <option key={m} value={m}>
              {formatMonth(format, m)}
            </option>
          ))}
        </select>
      </div>
      {offices.length > 1 ? (
        <div className={field}>
          <label htmlFor="filter-office" className={label}>
            {t("office")}
          </label>
          <select id="filter-office" name="office" defaultValue={filters.office} className={inputClasses}>
            <option value="">{t("allOffices")}</option>
            {offices.map((o) => (
              <option key={o.officeCode} value={o.officeCode}>{`${o.officeCode} · ${o.name}`}</option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={field}>
        <label htmlFor="filter-unit" className={label}>
          {t("unit")}
        </label>
        <select id="filter-unit" name="unit" defaultValue={filters.unit} className={inputClasses}>
          <option value="">{t("allUnits")}</option>
          {unitNames.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="filter-sort" className={label}>
          {t("sort")}
        </label>
        <select id="filter-sort" name="sort" defaultValue={filters.sort} className={inputClasses}>
          {OVERVIEW_SORTS.map((s) => (
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
        <Link href="/dashboard" className="py-2 text-sm font-medium text-brand-700 hover:underline">
          {t("reset")}
        </Link>
      ) : null}
    </form>
  );
}
