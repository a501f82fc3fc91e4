// /contracts/:id/edit — edit a draft (only a draft: a signed version changes through an amendment).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { loadContractDetailOr404 } from "@/lib/contracts/load-contract-page";
import { draftFormStart } from "@/lib/contracts/contract-form-values";
import { listOfficeUnits, listPrincipalChoices } from "@/lib/contracts/party-options";
import { PageHeader } from "@/components/ui/page-header";
import { Notice } from "@/components/ui/notice";
import { ContractForm } from "@/components/contracts/contract-form";
import { saveContractAction, searchOfficersAction, baselinesAction } from "@/app/(portal)/contracts/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.form"))("editTitle") };
}

export default async function EditContractPage({ params }: Props) {
  const user = await requireArea("contracts");
  const detail = await loadContractDetailOr404((await params).id, user);
  const [t, tErrors, offices, principals] = await Promise.all([
    getTranslations("contracts.form"),
    getTranslations("contracts.errors"),
    listOfficeUnits(user),
    listPrincipalChoices(user),
  ]);
  const c = detail.contract;
  return (
    <>
      <PageHeader title={t("editTitle")} description={t("editDescription")}>
        <Link href={`/contracts/${c.id}`} className="text-sm font-medium text-brand-700 hover:underline">
          {t("backToContract")}
        </Link>
      </PageHeader>
      {detail.actions.includes("edit") ? (
        <ContractForm
          contractId={c.id}
          initial={draftFormStart(c)}
          offices={offices}
          principals={principals}
          self={{ id: user.id, name: user.name }}
          save={saveContractAction}
          searchOfficers={searchOfficersAction}
          loadBaselines={baselinesAction}
        />
      ) : (
        <Notice tone="info">{tErrors("notDraft")}</Notice>
      )}
    </>
  );
}
