// /integrity/pairs — broker × officer heatmap of observed/expected ratios for an office and period, the flagged
// pairs outlined (BROKER_OFFICER_PAIR). Aggregated in SQL over the office's declarations of the period.
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { integrityOffices } from "@/lib/integrity/integrity-scope";
import { flagPeriods } from "@/lib/integrity/list-flags";
import { chosenOffice, chosenPeriod } from "@/lib/integrity/chart-choice";
import { ChartInput, periodKey } from "@/lib/integrity/schema";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { ChartFilters } from "@/components/integrity/chart-filters";
import { HeatmapView } from "@/components/integrity/heatmap-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity.pairs"))("title") };
}

export default async function PairsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireIntegrityUser();
  const input = ChartInput.parse(await searchParams);
  const [t, offices, periods] = await Promise.all([
    getTranslations("integrity.pairs"),
    integrityOffices(user),
    flagPeriods(user),
  ]);
  const office = chosenOffice(input.office, offices);
  const period = chosenPeriod(input.period, periods);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="pairs" />
      <ScopeNote user={user} />
      {office && period ? (
        <>
          <ChartFilters
            office={{ value: office, choices: offices }}
            period={{ value: periodKey(period), choices: periods }}
          />
          <Suspense key={`${office}|${periodKey(period)}`} fallback={<SectionSkeleton label={t("loading")} />}>
            <HeatmapView user={user} officeCode={office} {...period} />
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
