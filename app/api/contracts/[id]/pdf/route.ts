// GET /api/contracts/:id/pdf — the contract as PDF, printed from its print page with the user's rights and language.
import { withRole } from "@/lib/auth/guards";
import { ROLES } from "@/lib/auth/session-user";
import { contractPdfResponse } from "@/lib/contracts/contract-pdf-response";

export const dynamic = "force-dynamic";

// Every role: whether the user may see this contract is decided by the contract's scoping, not by the role alone.
export const GET = withRole<{ params: Promise<{ id: string }> }>(ROLES, async (request, { params, user }) =>
  contractPdfResponse(request, user, (await params).id),
);
