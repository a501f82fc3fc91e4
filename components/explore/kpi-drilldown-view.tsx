// The drill-down of one KPI value: what it measures, the value with n and numerator, the filter, the exports and one
// page of the rows behind it. Rendered inside a Suspense boundary once the page has checked the subject's scope.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { kpiDrilldown } from "@/lib/explore/kpi-drilldown";
import type { KpiDrilldownInput } from "@/lib/explore/schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { buttonClasses } from "@/components/ui/button";
import { RecordTable } from "@/components/explore/record-table";
import { drilldownHref, drilldownQuery } from "@/components/explore/drilldown-href";
import { formatKpiValue, formatMoney } from "@/components/format/kpi-format";
import { DRILLDOWN_SORTS } from "@/lib/explore/schema";
import { inputClasses } from "@/components/ui/field";

export async function KpiDrilldownView({ user, input }: { user: SessionUser; input: KpiDrilldownInput }) {
  const [t, tc, format, d] = await Promise.all([
    getTranslations("explore"),
    getTranslations("contracts"),
    getFormatter(),
    kpiDrilldown(user, input),
  ]);
  const v = d.value;
  const only = d.filterable ? input.only : "all";
  const here = drilldownHref(input);
  // in_numerator is empty for percentiles and sums, measure for counted ratios: no column that is empty throughout.
  // Whether a row counts, and its measure, come right after its id so they are seen without scrolling.
  const columns = d.rows[0]
    ? [
        "decl_id",
        "in_numerator",
        "measure",
        ...Object.keys(d.rows[0]).filter((c) => !["decl_id", "in_numerator", "measure"].includes(c)),
      ].filter((c) => !["measure", "in_numerator"].includes(c) || d.rows.some((r) => r[c] !== null))
    : [];
  const filterLink = (value: "all" | "numerator") => (
    <Link
      href={drilldownHref(input, { only: value, page: 1 })}
      aria-current={only === value ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${only === value ? "bg-brand-600 text-white" : "text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"}`}
    >
      {t(`kpi.filter.${value}`)}
    </Link>
  );
  return (
    <div className="space-y-6">
      <section
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-4"
        data-testid="kpi-summary"
      >
        <div className="lg:col-span-2">
          <h2 className="text-sm font-semibold text-slate-600">{t("kpi.formula")}</h2>
          <p className="mt-1 text-sm leading-relaxed text-slate-800">{t(`formulas.${d.kpi.id}`)}</p>
        </div>
        <dl className="grid grid-cols-3 gap-4 text-sm lg:col-span-2">
          <div>
            <dt className="text-slate-600">{t("kpi.value")}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="kpi-value">
              {v?.value !== null && v?.value !== undefined ? (
                formatKpiValue(format, tc, d.kpi.id, v.value)
              ) : (
                <span className="text-sm font-normal text-slate-600">{t("kpi.noValue")}</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("kpi.n")}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="kpi-n">
              {format.number(v?.denominator ?? 0)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("kpi.numerator")}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="kpi-numerator">
              {v?.numerator !== null && v?.numerator !== undefined
                ? d.kpi.unit === "amount"
                  ? formatMoney(format, tc, v.numerator)
                  : format.number(v.numerator, { maximumFractionDigits: 2 })
                : "—"}
            </dd>
          </div>
        </dl>
      </section>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex flex-wrap items-center gap-2">
          {d.filterable ? (
            <nav aria-label={t("kpi.filter.label")} className="flex gap-2">
              {filterLink("all")}
              {filterLink("numerator")}
            </nav>
          ) : null}
          <span className="text-sm text-slate-600" data-testid="row-count">
            {t("kpi.rows", { total: d.total })}
          </span>
        </div>
        <form
          method="get"
          action="/explore/kpi"
          aria-label={t("kpi.sort.form")}
          className="flex flex-wrap items-end gap-2"
          data-testid="drilldown-sort"
        >
          {(["kpi", "type", "id", "from", "to"] as const).map((k) => (
            <input key={k} type="hidden" name={k} value={input[k]} />
          ))}
          {only === "numerator" ? <input type="hidden" name="only" value="numerator" /> : null}
          <div className="flex flex-col gap-1">
            <label htmlFor="drill-q" className="text-xs font-medium text-slate-700">
              {t("kpi.sort.search")}
            </label>
            <input
              id="drill-q"
              name="q"
              type="search"
              defaultValue={input.q}
              placeholder={t("kpi.sort.searchPlaceholder")}
              className={`${inputClasses} w-40`}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="drill-sort" className="text-xs font-medium text-slate-700">
              {t("kpi.sort.label")}
            </label>
            <select id="drill-sort" name="sort" defaultValue={input.sort} className={inputClasses}>
              {DRILLDOWN_SORTS.filter((s) => !s.startsWith("measure") || columns.includes("measure")).map((s) => (
                <option key={s} value={s}>
                  {t(`kpi.sort.options.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClasses("secondary")}>
            {t("kpi.sort.apply")}
          </button>
        </form>
        <div className="flex gap-2">
          <a
            href={`/api/explore/kpi.csv?${drilldownQuery(input, { only, page: 1 })}`}
            className={buttonClasses("secondary")}
            download
          >
            {t("kpi.export.csv")}
          </a>
          <a
            href={`/api/explore/kpi.xlsx?${drilldownQuery(input, { only, page: 1 })}`}
            className={buttonClasses("secondary")}
            download
          >
            {t("kpi.export.xlsx")}
          </a>
        </div>
      </div>

      {d.rows.length ? (
        <RecordTable
          caption={t("kpi.caption", { kpi: d.kpi.id })}
          rows={d.rows}
          columns={columns}
          linkBack={here}
          testId="drilldown-table"
        />
      ) : (
        <EmptyState title={t("kpi.emptyRows.title")} icon={<ChartIcon />}>
          <p>{t("kpi.emptyRows.body")}</p>
        </EmptyState>
      )}

      {d.pageCount > 1 ? (
        <nav
          aria-label={t("kpi.page", { page: d.page, pageCount: d.pageCount })}
          className="flex items-center justify-between text-sm"
        >
          {d.page > 1 ? (
            <Link href={drilldownHref(input, { only, page: d.page - 1 })} className={buttonClasses("secondary")}>
              {t("kpi.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{t("kpi.page", { page: d.page, pageCount: d.pageCount })}</span>
          {d.page < d.pageCount ? (
            <Link href={drilldownHref(input, { only, page: d.page + 1 })} className={buttonClasses("secondary")}>
              {t("kpi.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

export async function DrilldownSkeleton() {
  const t = await getTranslations("explore.kpi");
  return (
    <div role="status" aria-busy="true" aria-label={t("loading")} className="animate-pulse space-y-6">
      <div className="h-28 rounded-lg bg-slate-200/70" />
      <div className="h-64 rounded-lg bg-slate-200/70" />
      <span className="sr-only">{t("loading")}</span>
    </div>
  );
}
