// The audit page's filters: a plain GET form, so a filtered view is a link that can be shared and reloaded.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditFilters } from "@/lib/audit-log/audit-filters";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";

type Option = { value: string; label: string };

export async function AuditFiltersForm({
  filters,
  actions,
  entityTypes,
}: {
  filters: AuditFilters;
  actions: Option[];
  entityTypes: Option[];
}) {
  const t = await getTranslations("admin.audit.filters");
  const label = "block text-xs font-medium text-slate-700";
  return (
    <form
      method="get"
      action="/admin/audit"
      className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      aria-label={t("label")}
    >
      <label className={label}>
        {t("who")}
        <input name="who" defaultValue={filters.who ?? ""} placeholder={t("whoHint")} className={inputClasses} />
      </label>
      <label className={label}>
        {t("action")}
        <Choice name="action" value={filters.action} options={actions} any={t("any")} />
      </label>
      <label className={label}>
        {t("entityType")}
        <Choice name="entityType" value={filters.entityType} options={entityTypes} any={t("any")} />
      </label>
      <label className={label}>
        {t("entityId")}
        <input name="entityId" defaultValue={filters.entityId ?? ""} className={inputClasses} />
      </label>
      <label className={label}>
        {t("from")}
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={inputClasses} />
      </label>
      <label className={label}>
        {t("to")}
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={inputClasses} />
      </label>
      <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className={buttonClasses("primary")}>
          {t("apply")}
        </button>
        <Link href="/admin/audit" className={buttonClasses("secondary")}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}

function Choice({ name, value, options, any }: { name: string; value?: string; options: Option[]; any: string }) {
  return (
    <select name={name} defaultValue={value ?? ""} className={inputClasses}>
      <option value="">{any}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
