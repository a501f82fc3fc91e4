// The choice of indicator, subject and period: a plain GET form, so every drill-down is a URL one can share.
import { getTranslations } from "next-intl/server";
import { KPI_CATALOGUE } from "@/lib/kpis/catalogue";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";

export async function KpiPickerForm({ values }: { values: Record<string, string> }) {
  const t = await getTranslations("explore");
  const label = "flex flex-col gap-1.5 text-sm font-medium text-slate-800";
  return (
    <form
      method="get"
      action="/explore/kpi"
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
    >
      <label className={`${label} lg:col-span-2`}>
        {t("kpi.form.kpi")}
        <select name="kpi" defaultValue={values.kpi ?? "P1"} className={inputClasses}>
          {KPI_CATALOGUE.map((k) => (
            <option key={k.id} value={k.id}>{`${k.id} · ${t(`names.${k.id}`)}`}</option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("kpi.form.type")}
        <select name="type" defaultValue={values.type ?? "officer"} className={inputClasses}>
          {(["officer", "unit", "office"] as const).map((type) => (
            <option key={type} value={type}>
              {t(`kpi.types.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("kpi.form.id")}
        <input
          name="id"
          defaultValue={values.id ?? ""}
          required
          placeholder="OF001"
          title={t("kpi.form.idHint")}
          className={inputClasses}
        />
      </label>
      <label className={label}>
        {t("kpi.form.from")}
        <input type="date" name="from" defaultValue={values.from ?? ""} required className={inputClasses} />
      </label>
      <label className={label}>
        {t("kpi.form.to")}
        <input type="date" name="to" defaultValue={values.to ?? ""} required className={inputClasses} />
      </label>
      <div className="sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClasses("primary")}>
          {t("kpi.form.submit")}
        </button>
      </div>
    </form>
  );
}
