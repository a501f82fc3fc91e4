// The PDF route handlers' shared part: check the user may see the contract (404 otherwise, before any browser is
// started), pick the print page of the area the user can open, print it in the user's language.
import "server-only";
import { recordOfficerView } from "@/lib/view-log/record-officer-view";
import { canOpenArea } from "@/lib/auth/areas";
import type { SessionUser } from "@/lib/auth/session-user";
import { getContractForActorOrThrow } from "@/lib/contracts/access";
import { getEvaluationForActorOrThrow } from "@/lib/contracts/get-evaluation";
import { ContractError } from "@/lib/contracts/contract-error";
import { parseId } from "@/lib/contracts/load-contract-page";
import { printedPageResponse } from "@/lib/contracts/render-pdf";

export async function contractPdfResponse(
  request: Request,
  user: SessionUser,
  rawId: string,
  rawEvaluationId?: string,
): Promise<Response> {
  const id = parseId(rawId);
  if (id === null) throw new ContractError("NOT_FOUND", "notFound");
  const contract = await getContractForActorOrThrow(id, user);
  let file = `contract-${contract.contractNo}-v${contract.version}`;
  let suffix = "";
  if (rawEvaluationId !== undefined) {
    const evaluationId = parseId(rawEvaluationId);
    if (evaluationId === null) throw new ContractError("NOT_FOUND", "notFound");
    const { evaluation } = await getEvaluationForActorOrThrow(evaluationId, user);
    if (evaluation.contractId !== id) throw new ContractError("NOT_FOUND", "notFound");
    suffix = `/evaluations/${evaluationId}`;
    file += `-evaluation-${evaluationId}`;
  }
  const base = canOpenArea(user, "contracts") ? "/contracts" : "/me/contracts";
  // An officer's contract printed by someone else is in that officer's view log.
  if (contract.partyOfficerId) {
    await recordOfficerView(user, contract.partyOfficerId, "export", new URL(request.url).pathname);
  }
  return printedPageResponse(request, user, {
    path: `${base}/${id}${suffix}/print`,
    fileStem: file,
    log: { contractId: id },
  });
}
