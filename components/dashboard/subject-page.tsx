// The frame shared by the office and unit pages: the scope check (a real 404 before anything streams), the header
// with its way back, the KPI and month pickers, and the dashboard body streamed behind a skeleton.
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/kernel/app-error";
import { KPI_CATALOGUE } from "@/lib/kpis/catalogue";
import { visibleOfficeOrThrow, type OfficeChoice } from "@/lib/dashboard/dashboard-scope";
import { dataMonths, type DashboardSubject } from "@/lib/dashboard/subject-dashboard";
import { SubjectFilters } from "@/lib/dashboard/subject-filters";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { formatMonth } from "@/components/format/kpi-format";
import { SubjectDashboardView } from "@/components/dashboard/subject-dashboard-view";

async function officeOrNotFound(user: SessionUser, officeCode: string, unit?: string): Promise<OfficeChoice> {
  try {
    return await visibleOfficeOrThrow(user, officeCode, unit);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function SubjectPage({
  user,
  officeCode,
  unit,
  searchParams,
}: {
  user: SessionUser;
  officeCode: string;
  unit?: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const office = await officeOrNotFound(user, officeCode, unit);
  const filters = SubjectFilters.parse(searchParams);
  const [t, te, format, { months }] = await Promise.all([
    getTranslations("dashboard.subject"),
    getTranslations("explore"),
    getFormatter(),
    dataMonths(),
  ]);
  const month = filters.month && months.includes(filters.month) ? filters.month : (months.at(-1) ?? "");
  const subject: DashboardSubject = unit
    ? { type: "unit", id: `${office.officeCode}/${unit}`, officeCode: office.officeCode, unit }
    : { type: "office", id: office.officeCode, officeCode: office.officeCode, unit: null };
  const base = `/dashboard/offices/${encodeURIComponent(office.officeCode)}${unit ? `/units/${encodeURIComponent(unit)}` : ""}`;
  const selfHref = (q: { kpi?: string; month?: string }) =>
    `${base}?${new URLSearchParams({ kpi: q.kpi ?? filters.kpi, month: q.month ?? month })}`;

  return (
    <>
      <p className="mb-3 text-sm">
        <Link
          href={unit ? `/dashboard/offices/${encodeURIComponent(office.officeCode)}` : "/dashboard"}
          className="font-medium text-brand-700 hover:underline"
        >
          {unit ? t("backToOffice", { office: office.officeCode }) : t("backToOverview")}
        </Link>
      </p>
      <PageHeader
        title={
          unit
            ? t("unitTitle", { unit, office: office.officeCode })
            : t("officeTitle", { office: office.officeCode, name: office.name })
        }
        description={unit ? t("unitDescription") : t("officeDescription")}
      />
      {!unit && office.units.length ? (
        <nav aria-label={t("units")} className="mb-6 flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium text-slate-700">{t("units")}:</span>
          {office.units.map((u) => (
            <Link
              key={u}
              href={`${base}/units/${encodeURIComponent(u)}?${new URLSearchParams({ kpi: filters.kpi, month })}`}
              className="rounded-full bg-white px-3 py-1 text-brand-700 ring-1 ring-inset ring-slate-200 hover:underline"
            >
              {u}
            </Link>
          ))}
        </nav>
      ) : null}
      {month ? (
        <>
          <form method="get" aria-label={t("pickers")} className="mb-6 flex flex-wrap items-end gap-4">
            <div className="flex flex-col gap-1.5">
              <label htmlFor="pick-kpi" className="text-sm font-medium text-slate-800">
                {t("kpi")}
              </label>
              <select id="pick-kpi" name="kpi" defaultValue={filters.kpi} className={inputClasses}>
                {KPI_CATALOGUE.map((k) => (
                  <option key={k.id} value={k.id}>{`${k.id} · ${te(`names.${k.id}`)}`}</option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1.5">
              <label htmlFor="pick-month" className="text-sm font-medium text-slate-800">
                {t("month")}
              </label>
              <select id="pick-month" name="month" defaultValue={month} className={inputClasses}>
                {months.toReversed().map((m) => (
                  <option key={m} value={m}>
                    {formatMonth(format, m)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClasses("secondary")}>
              {t("show")}
            </button>
          </form>
          <Suspense key={`${filters.kpi}|${month}`} fallback={<SectionSkeleton label={t("loading")} />}>
            <SubjectDashboardView subject={subject} kpi={filters.kpi} month={month} selfHref={selfHref} />
          </Suspense>
        </>
      ) : (
        <EmptyState title={t("noData.title")} icon={<ChartIcon />}>
          <p>{t("noData.body")}</p>
        </EmptyState>
      )}
    </>
  );
}
