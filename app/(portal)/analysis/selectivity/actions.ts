"use server";
// Server action of the selectivity screen: recompute the stored tables now (selectivity.compute).
import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { requireArea } from "@/lib/auth/guards";
import { requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import { mayRequestAnalysisRuns } from "@/lib/risk/run-access";

export async function computeSelectivityAction(): Promise<void> {
  const user = await requireArea("analysis");
  if (!mayRequestAnalysisRuns(user)) forbidden();
  await requestAnalysisRun("SELECTIVITY_COMPUTE", { reason: "manual" }, { requestedById: user.id });
  revalidatePath("/analysis/selectivity");
}
