// One flag's frozen evidence of a case the user may see, as the canonical JSON its hash is computed over.
import "server-only";
import { db } from "@/lib/db";
import { canonicalJson } from "@/lib/contracts/inputs-hash";
import type { CaseActor } from "@/lib/cases/case-rules";
import { CaseError } from "@/lib/cases/case-error";
import { getCaseForActorOrThrow } from "@/lib/cases/case-access";

export async function canonicalEvidence(
  caseId: number,
  flagId: number,
  actor: CaseActor,
): Promise<{ json: string; sha256: string }> {
  const c = await getCaseForActorOrThrow(caseId, actor);
  const evidence = Number.isSafeInteger(flagId)
    ? await db.caseEvidence.findUnique({ where: { caseId_flagId: { caseId: c.id, flagId } } })
    : null;
  if (!evidence) throw new CaseError("NOT_FOUND", "notFound");
  return { json: canonicalJson(evidence.snapshot), sha256: evidence.sha256 };
}
