// GET /api/contracts/:id/evaluations/:evaluationId/pdf — one evaluation's frozen scorecard as PDF, in the user's
// language.
import { withRole } from "@/lib/auth/guards";
import { ROLES } from "@/lib/auth/session-user";
import { contractPdfResponse } from "@/lib/contracts/contract-pdf-response";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string; evaluationId: string }> }>(
  ROLES,
  async (request, { params, user }) => {
    const { id, evaluationId } = await params;
    return contractPdfResponse(request, user, id, evaluationId);
  },
);
