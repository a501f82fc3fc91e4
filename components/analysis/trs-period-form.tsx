// The period picker of the TRS screens: a plain GET form (a view is a link one can bookmark or send), the other
// choices of the page carried along, and the periods already computed as shortcuts.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TrsPeriod } from "@/lib/trs/trs-intervals";
import { queryString } from "@/lib/analysis/analysis-query";
import { analysisFormat } from "@/components/analysis/analysis-format";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";

export async function TrsPeriodForm({
  action,
  period,
  keep = {},
  storedPeriods = [],
  children,
}: {
  action: string;
  period: TrsPeriod;
  keep?: Record<string, string | undefined>;
  storedPeriods?: TrsPeriod[];
  children?: React.ReactNode;
}) {
  const [t, ta, format] = await Promise.all([
    getTranslations("analysis.trs.period"),
    getTranslations("analysis"),
    getFormatter(),
  ]);
  const f = analysisFormat(format, ta);
  const label = "text-sm font-medium text-slate-800";
  return (
    <div className="mb-6 space-y-3">
      <form
        method="get"
        action={action}
        aria-label={t("label")}
        className="flex flex-wrap items-end gap-4"
        data-testid="trs-period-form"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor="period-from" className={label}>
            {t("from")}
          </label>
          <input
            id="period-from"
            name="from"
            type="date"
            defaultValue={period.from}
            required
            className={inputClasses}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="period-to" className={label}>
            {t("to")}
          </label>
          <input id="period-to" name="to" type="date" defaultValue={period.to} required className={inputClasses} />
        </div>
        {children}
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <button type="submit" className={buttonClasses("secondary")}>
          {t("show")}
        </button>
      </form>
      {storedPeriods.length ? (
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <span>{t("stored")}</span>
          {storedPeriods.map((p) => (
            <Link
              key={`${p.from}/${p.to}`}
              href={`${action}?${queryString({ ...keep, from: p.from, to: p.to })}`}
              aria-current={p.from === period.from && p.to === period.to ? "true" : undefined}
              className="rounded-full bg-white px-2.5 py-0.5 font-medium text-brand-700 ring-1 ring-inset ring-slate-200 hover:underline aria-[current=true]:bg-brand-50"
            >
              {t("range", { from: f.day(p.from), to: f.day(p.to) })}
            </Link>
          ))}
        </p>
      ) : null}
    </div>
  );
}
