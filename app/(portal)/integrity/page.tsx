// /integrity — integrity home (INTEGRITY, ADMIN): the work queue of the latest quarter first, then open flags by method
// and state, the top flags to triage, and the way to the inbox, the charts and the detection settings. Each section
// is its own component.
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { PageHeader } from "@/components/ui/page-header";
import { ScopeNote } from "@/components/shell/scope-note";
import { OverdueCasesSection } from "@/components/cases/overdue-cases-section";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { IntegritySummary } from "@/components/integrity/integrity-summary";
import { HomeQueueSection } from "@/components/integrity/home-queue-section";
import { WeeklyDigestSection } from "@/components/cases/weekly-digest-section";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity"))("title") };
}

export default async function IntegrityPage() {
  const [user, t] = await Promise.all([requireIntegrityUser(), getTranslations("integrity")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="home" />
      <ScopeNote user={user} />
      <Suspense fallback={<SectionSkeleton label={t("home.loading")} />}>
        <HomeQueueSection user={user} />
        <WeeklyDigestSection user={user} />
        <IntegritySummary user={user} />
      </Suspense>
      <OverdueCasesSection user={user} />
    </>
  );
}
