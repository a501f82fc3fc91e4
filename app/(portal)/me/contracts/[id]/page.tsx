// /me/contracts/:id — one of the officer's own contracts: terms, indicators so far, month by month, reviews,
// evaluations with the appeal of a sanction, history, and the officer's disputes of its figures. Another officer's
// contract is a 404.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { loadContractDetailOr404 } from "@/lib/contracts/load-contract-page";
import { ContractDetailView } from "@/components/contracts/contract-detail-view";
import { contractPageActions } from "@/app/(portal)/contracts/page-actions";
import { MyDisputesSection } from "@/components/disputes/my-disputes-section";
import { openDisputeAction } from "@/app/(portal)/me/disputes-actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("me"))("title") };
}

export default async function MyContractPage({ params }: Props) {
  const user = await requireArea("me");
  const detail = await loadContractDetailOr404((await params).id, user);
  const t = await getTranslations("me");
  const own = detail.contract.partyType === "OFFICER" && detail.contract.partyOfficerId === user.officerId;
  return (
    <>
      <ContractDetailView
        detail={detail}
        basePath="/me/contracts"
        back={{ href: "/me", label: t("back") }}
        act={contractPageActions}
      />
      {/* The officer disputes their own figures of this contract (all its versions) here. */}
      {own ? (
        <div className="mt-10">
          <MyDisputesSection user={user} contractNo={detail.contract.contractNo} openDispute={openDisputeAction} />
        </div>
      ) : null}
    </>
  );
}
