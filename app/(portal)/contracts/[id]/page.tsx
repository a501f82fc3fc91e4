// /contracts/:id — one contract version for managers: terms, indicators so far, month by month, reviews,
// evaluations, history, and the actions their role allows in its status.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { loadContractDetailOr404 } from "@/lib/contracts/load-contract-page";
import { ContractDetailView } from "@/components/contracts/contract-detail-view";
import { contractPageActions } from "@/app/(portal)/contracts/page-actions";
import { GamingWatchSection } from "@/components/contracts/gaming-watch-section";
import { ViewBeacon } from "@/components/privacy/view-beacon";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// Generic title: metadata resolves beside the guard and must not read a contract the user may not see.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("title") };
}

export default async function ContractPage({ params }: Props) {
  const user = await requireArea("contracts");
  const detail = await loadContractDetailOr404((await params).id, user);
  const t = await getTranslations("contracts.form");
  const officerId = detail.contract.partyOfficerId;
  return (
    <>
      {officerId ? <ViewBeacon officerId={officerId} what="contract" /> : null}
      <ContractDetailView
        detail={detail}
        basePath="/contracts"
        back={{ href: "/contracts", label: t("back") }}
        act={contractPageActions}
        watch={<GamingWatchSection contractId={detail.contract.id} actor={user} />}
      />
    </>
  );
}
