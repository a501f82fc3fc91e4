// The selectivity screen's filters as a plain GET form (a filtered view is a link to share): office, months, and
// whether lanes are those the risk engine chose or those after re-routing.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import type { SelectivityFilters } from "@/lib/selectivity/selectivity-filters";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { formatMonth } from "@/components/format/kpi-format";

export async function SelectivityFiltersForm({
  filters,
  period,
  months,
  offices,
}: {
  filters: SelectivityFilters;
  period: { from: string; to: string };
  months: string[];
  offices: OfficeChoice[];
}) {
  const [t, format] = await Promise.all([getTranslations("risk.selectivity.filters"), getFormatter()]);
  const field = "flex flex-col gap-1.5";
  const label = "text-sm font-medium text-slate-800";
  const filtered = filters.office !== "" || filters.from !== "" || filters.to !== "" || filters.lanes !== "initial";
  const monthOptions = months.toReversed().map((m) => (
    <option key={m} value={m}>
      {formatMonth(format, m)}
    </option>
  ));
  return (
    <form
      method="get"
      role="search"
      aria-label={t("label")}
      className="mb-6 flex flex-wrap items-end gap-4"
      data-testid="selectivity-filters"
    >
      {offices.length > 1 ? (
        <div className={field}>
          <label htmlFor="sel-office" className={label}>
            {t("office")}
          </label>
          <select id="sel-office" name="office" defaultValue={filters.office} className={inputClasses}>
            <option value="">{t("allOffices")}</option>
            {offices.map((o) => (
              <option key={o.officeCode} value={o.officeCode}>{`${o.officeCode} · ${o.name}`}</option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={field}>
        <label htmlFor="sel-from" className={label}>
          {t("from")}
        </label>
        <select id="sel-from" name="from" defaultValue={period.from} className={inputClasses}>
          {monthOptions}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="sel-to" className={label}>
          {t("to")}
        </label>
        <select id="sel-to" name="to" defaultValue={period.to} className={inputClasses}>
          {monthOptions}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="sel-lanes" className={label}>
          {t("lanes")}
        </label>
        <select id="sel-lanes" name="lanes" defaultValue={filters.lanes} className={inputClasses}>
          <option value="initial">{t("initial")}</option>
          <option value="final">{t("final")}</option>
        </select>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("apply")}
      </button>
      {filtered ? (
        <Link href="/analysis/selectivity" className="py-2 text-sm font-medium text-brand-700 hover:underline">
          {t("reset")}
        </Link>
      ) : null}
    </form>
  );
}
