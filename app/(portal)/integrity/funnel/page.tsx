// /integrity/funnel — funnel plot of a rate KPI (I1, I2, I4, I7, I8, I9, I12, P11) for an office and period: each
// officer's rate against n with the office rate and its ±2σ/±3σ limits, flagged officers marked. Stored KPI results.
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { integrityOffices } from "@/lib/integrity/integrity-scope";
import { funnelPeriods } from "@/lib/integrity/funnel-data";
import { chosenOffice, chosenPeriod } from "@/lib/integrity/chart-choice";
import { FunnelInput, periodKey } from "@/lib/integrity/schema";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { ChartFilters } from "@/components/integrity/chart-filters";
import { FunnelView } from "@/components/integrity/funnel-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity.funnel"))("title") };
}

export default async function FunnelPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireIntegrityUser();
  const input = FunnelInput.parse(await searchParams);
  const [t, offices, periods] = await Promise.all([
    getTranslations("integrity.funnel"),
    integrityOffices(user),
    funnelPeriods(user, input.kpi),
  ]);
  const office = chosenOffice(input.office, offices);
  const period = chosenPeriod(input.period, periods);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="funnel" />
      <ScopeNote user={user} />
      {office && period ? (
        <>
          <ChartFilters
            kpi={input.kpi}
            office={{ value: office, choices: offices }}
            period={{ value: periodKey(period), choices: periods }}
          />
          <Suspense
            key={`${input.kpi}|${office}|${periodKey(period)}`}
            fallback={<SectionSkeleton label={t("loading")} />}
          >
            <FunnelView user={user} kpiId={input.kpi} officeCode={office} {...period} />
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
