// /me/contracts/:id/evaluations/:evaluationId/print — one evaluation's frozen scorecard as a printable document;
// GET /api/contracts/:id/evaluations/:evaluationId/pdf prints it with Chromium.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/guards";
import { evaluationOr404, loadContractDetailOr404 } from "@/lib/contracts/load-contract-page";
import { EvaluationPrintView } from "@/components/contracts/evaluation-print-view";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.print"))("evaluationTitle") };
}

export default async function EvaluationPrintPage({ params }: Props) {
  const user = await requireArea("me");
  const { id, evaluationId } = await params;
  const detail = await loadContractDetailOr404(id, user);
  return <EvaluationPrintView detail={detail} evaluation={evaluationOr404(detail, evaluationId)} />;
}
