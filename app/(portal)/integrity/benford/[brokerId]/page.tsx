// /integrity/benford/:brokerId — Benford chart of one broker for a period: observed against expected first-digit
// shares, the MAD and Nigrini's conformity range. Counted in SQL over the broker's declarations in the user's offices.
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { flagPeriods } from "@/lib/integrity/list-flags";
import { chosenPeriod } from "@/lib/integrity/chart-choice";
import { ChartInput, periodKey } from "@/lib/integrity/schema";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { ChartFilters } from "@/components/integrity/chart-filters";
import { BenfordView } from "@/components/integrity/benford-view";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ brokerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The title names only the id from the URL (decision 013).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: (await getTranslations("integrity.benford"))("brokerTitle", {
      broker: decodeURIComponent((await params).brokerId),
    }),
  };
}

export default async function BenfordBrokerPage({ params, searchParams }: Props) {
  const user = await requireIntegrityUser();
  const brokerId = decodeURIComponent((await params).brokerId).slice(0, 60);
  const input = ChartInput.parse(await searchParams);
  const [t, periods] = await Promise.all([getTranslations("integrity.benford"), flagPeriods(user)]);
  const period = chosenPeriod(input.period, periods);
  return (
    <>
      <p className="mb-3 text-sm">
        <Link
          href={`/integrity/benford${period ? `?period=${periodKey(period)}` : ""}`}
          className="font-medium text-brand-700 hover:underline"
        >
          {t("backToBrokers")}
        </Link>
      </p>
      <PageHeader title={t("brokerTitle", { broker: brokerId })} description={t("description")} />
      <IntegrityNav current="benford" />
      <ScopeNote user={user} />
      {period ? (
        <>
          <ChartFilters period={{ value: periodKey(period), choices: periods }} />
          <Suspense key={periodKey(period)} fallback={<SectionSkeleton label={t("loading")} />}>
            <BenfordView user={user} brokerId={brokerId} {...period} />
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
