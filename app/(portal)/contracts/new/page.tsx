// /contracts/new — draft a contract from a template or blank, for an officer, a unit or an office.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { listOfficeUnits, listPrincipalChoices } from "@/lib/contracts/party-options";
import { blankFormStart } from "@/lib/contracts/contract-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { ContractForm } from "@/components/contracts/contract-form";
import { saveContractAction, searchOfficersAction, baselinesAction } from "@/app/(portal)/contracts/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.form"))("createTitle") };
}

export default async function NewContractPage() {
  const user = await requireArea("contracts");
  const [t, offices, principals] = await Promise.all([
    getTranslations("contracts.form"),
    listOfficeUnits(user),
    listPrincipalChoices(user),
  ]);
  return (
    <>
      <PageHeader title={t("createTitle")} description={t("createDescription")}>
        <Link href="/contracts" className="text-sm font-medium text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </PageHeader>
      <ContractForm
        contractId={null}
        initial={blankFormStart(user)}
        offices={offices}
        principals={principals}
        self={{ id: user.id, name: user.name }}
        save={saveContractAction}
        searchOfficers={searchOfficersAction}
        loadBaselines={baselinesAction}
      />
    </>
  );
}
