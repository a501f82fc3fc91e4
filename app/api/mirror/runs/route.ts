// POST /api/mirror/runs — compute the mirror table for a chosen year ({ kind: "mirror", year }): an analysis run and
// its job.
import { withRole } from "@/lib/auth/guards";
import { ANALYSIS_ROLES } from "@/lib/analysis/analysis-access";
import { requestRunResponse } from "@/lib/analysis/analysis-run-routes";

export const dynamic = "force-dynamic";

export const POST = withRole(ANALYSIS_ROLES, (request, { user }) => requestRunResponse("mirror", request, user));
