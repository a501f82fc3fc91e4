// GET /api/trs/report.pdf?from=&to= — the TRS report of a period as PDF, printed from its print page with the user's
// rights and language.
import { withRole } from "@/lib/auth/guards";
import { ANALYSIS_ROLES } from "@/lib/analysis/analysis-access";
import { trsReportPdfResponse } from "@/lib/trs/trs-report-pdf";

export const dynamic = "force-dynamic";

export const GET = withRole(ANALYSIS_ROLES, (request, { user }) => trsReportPdfResponse(request, user));
