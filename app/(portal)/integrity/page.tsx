// /integrity — integrity indicators, flags and follow-up (INTEGRITY, ADMIN).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrity"))("title") };
}

export default async function IntegrityPage() {
  const [user, t] = await Promise.all([requireArea("integrity"), getTranslations("integrity")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ScopeNote user={user} />
      <EmptyState title={t("empty.title")} icon={<ShieldIcon />}>
        <p>{t("empty.body")}</p>
      </EmptyState>
    </>
  );
}
