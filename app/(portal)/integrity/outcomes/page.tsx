// /integrity/outcomes — what closed cases and dismissals taught (INTEGRITY, ADMIN, managers granted the area): per
// method and per office, how often flags were founded, with the n, and the weight each method has in the work queue.
import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requireIntegrityUser } from "@/lib/integrity/require-integrity-user";
import { PageHeader } from "@/components/ui/page-header";
import { ScopeNote } from "@/components/shell/scope-note";
import { SectionSkeleton } from "@/components/ui/section-skeleton";
import { IntegrityNav } from "@/components/integrity/integrity-nav";
import { MethodOutcomesView } from "@/components/integrity/method-outcomes-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("triage.outcomes"))("title") };
}

export default async function OutcomesPage() {
  const user = await requireIntegrityUser();
  const t = await getTranslations("triage.outcomes");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IntegrityNav current="outcomes" />
      <ScopeNote user={user} />
      <Suspense fallback={<SectionSkeleton label={t("loading")} />}>
        <MethodOutcomesView user={user} />
      </Suspense>
    </>
  );
}
