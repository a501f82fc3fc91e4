// /explore/indicators — every KPI's definition in the reader's language, for any signed-in user: the page each
// indicator's definition links to ("all definitions"), with an anchor per KPI.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/page-header";
import { IndicatorDefinitionsList } from "@/components/indicators/indicator-definitions-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("explore.definitions"))("title") };
}

export default async function IndicatorDefinitionsPage() {
  await requireUser();
  const t = await getTranslations("explore.definitions");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <IndicatorDefinitionsList />
    </>
  );
}
