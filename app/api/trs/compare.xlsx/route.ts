// GET /api/trs/compare.xlsx?from=&to=&baseFrom=&baseTo= — the comparison of two periods (baseFrom/baseTo before,
// from/to after) as XLSX.
import { withRole } from "@/lib/auth/guards";
import { ANALYSIS_ROLES } from "@/lib/analysis/analysis-access";
import { trsComparisonExport } from "@/lib/trs/trs-export";

export const dynamic = "force-dynamic";

export const GET = withRole(ANALYSIS_ROLES, (request, { user }) =>
  trsComparisonExport(user, new URL(request.url).searchParams, "xlsx"),
);
