// /integrity/unit-values — box plots of log unit values by HS6 × origin for a period, the flagged items as points
// (UNIT_VALUE): the groups of the flagged items, or every origin of one HS6 code. Aggregated in SQL over items.
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { flagPeriods } from "@/lib/integrity/list-flags";
import { currentDetectionParams } from "@/lib/integrity/detection-settings";
import { chosenPeriod } from "@/lib/integrity/chart-choice";
import { ChartInput, periodKey } from "@/lib/integrity/schema";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { ChartFilters } from "@/components/integrity/chart-filters";
import { UnitValueView } from "@/components/integrity/unit-value-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity.unitValues"))("title") };
}

export default async function UnitValuesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireIntegrityUser();
  const input = ChartInput.parse(await searchParams);
  const [t, periods, params] = await Promise.all([
    getTranslations("integrity.unitValues"),
    flagPeriods(user),
    currentDetectionParams(),
  ]);
  const period = chosenPeriod(input.period, periods);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="unitValues" />
      <ScopeNote user={user} />
      {period ? (
        <>
          <ChartFilters period={{ value: periodKey(period), choices: periods }} hs6={input.hs6} />
          <Suspense key={`${periodKey(period)}|${input.hs6}`} fallback={<SectionSkeleton label={t("loading")} />}>
            <UnitValueView user={user} {...period} hs6={input.hs6} minGroup={params.unitValue.minGroup} />
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
