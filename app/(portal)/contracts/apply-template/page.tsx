// /contracts/apply-template — one draft contract per officer of a unit, from a template, in one step.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { listOfficeUnits, listPrincipalChoices } from "@/lib/contracts/party-options";
import { firstDayOfNextMonth } from "@/lib/contracts/contract-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { ApplyTemplateForm } from "@/components/contracts/apply-template-form";
import { applyTemplateAction, baselinesAction } from "@/app/(portal)/contracts/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.apply"))("title") };
}

export default async function ApplyTemplatePage() {
  const user = await requireArea("contracts");
  const [t, offices, principals] = await Promise.all([
    getTranslations("contracts"),
    listOfficeUnits(user),
    listPrincipalChoices(user),
  ]);
  return (
    <>
      <PageHeader title={t("apply.title")} description={t("apply.description")}>
        <Link href="/contracts" className="text-sm font-medium text-brand-700 hover:underline">
          {t("form.back")}
        </Link>
      </PageHeader>
      <ApplyTemplateForm
        offices={offices}
        principals={principals}
        self={{ id: user.id, name: user.name }}
        defaultFrom={firstDayOfNextMonth()}
        apply={applyTemplateAction}
        loadBaselines={baselinesAction}
      />
    </>
  );
}
