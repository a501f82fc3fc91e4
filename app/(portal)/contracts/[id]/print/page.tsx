// /contracts/:id/print — the contract as a printable document; GET /api/contracts/:id/pdf prints it with Chromium.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { loadContractDetailOr404 } from "@/lib/contracts/load-contract-page";
import { ContractPrintView } from "@/components/contracts/contract-print-view";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.print"))("contractTitle") };
}

export default async function ContractPrintPage({ params }: Props) {
  const user = await requireArea("contracts");
  return <ContractPrintView detail={await loadContractDetailOr404((await params).id, user)} />;
}
