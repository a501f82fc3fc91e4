// GET /api/mirror/runs/:id — status and progress of one mirror computation, polled by the Compute button.
import { withRole } from "@/lib/auth/guards";
import { ANALYSIS_ROLES } from "@/lib/analysis/analysis-access";
import { runStatusResponse } from "@/lib/analysis/analysis-run-routes";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string }> }>(ANALYSIS_ROLES, async (_request, { params }) =>
  runStatusResponse("mirror", (await params).id),
);
