// /contracts — performance measurement contracts (ADMIN, MANAGER).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ContractIcon } from "@/components/ui/icons";
import { ScopeNote } from "@/components/shell/scope-note";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("title") };
}

export default async function ContractsPage() {
  const [user, t] = await Promise.all([requireArea("contracts"), getTranslations("contracts")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ScopeNote user={user} />
      <EmptyState title={t("empty.title")} icon={<ContractIcon />}>
        <p>{t("empty.body")}</p>
      </EmptyState>
    </>
  );
}
