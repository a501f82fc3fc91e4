// /admin/api-tokens — issue, list and revoke the tokens machines use for /api/v1 (ADMIN only: the area's layout and
// every action check it).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { listApiTokens } from "@/lib/api/api-tokens";
import { API_SCOPES } from "@/lib/api/api-scopes";
import { listOfficeOptions } from "@/lib/users/list-office-options";
import { PageHeader } from "@/components/ui/page-header";
import { AdminSectionNav } from "@/components/admin/admin-section-nav";
import { ApiTokenForm } from "@/components/privacy/api-token-form";
import { ApiTokensTable } from "@/components/privacy/api-tokens-table";
import { issueTokenAction, revokeTokenAction } from "../privacy-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy.apiTokens"))("title") };
}

export default async function ApiTokensPage() {
  await requireArea("admin");
  const [t, tokens, offices] = await Promise.all([
    getTranslations("privacy.apiTokens"),
    listApiTokens(),
    listOfficeOptions(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <a href="/api/v1/openapi.json" className="text-sm font-medium text-brand-700 hover:underline">
          {t("docs")}
        </a>
      </PageHeader>
      <AdminSectionNav current="apiTokens" />
      <section aria-labelledby="issue-title" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
        <h2 id="issue-title" className="text-lg font-semibold text-slate-900">
          {t("create.title")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t("create.description")}</p>
        <ApiTokenForm action={issueTokenAction} scopes={API_SCOPES} offices={offices} />
      </section>
      <section aria-labelledby="tokens-title" className="mt-10 space-y-3">
        <h2 id="tokens-title" className="text-lg font-semibold text-slate-900">
          {t("list.title")}
        </h2>
        <ApiTokensTable tokens={tokens} revoke={revokeTokenAction} />
      </section>
    </>
  );
}
