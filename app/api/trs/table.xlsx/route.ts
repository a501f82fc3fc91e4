// GET /api/trs/table.xlsx?from=&to= — the stored TRS table of a period as XLSX.
import { withRole } from "@/lib/auth/guards";
import { ANALYSIS_ROLES } from "@/lib/analysis/analysis-access";
import { trsTableExport } from "@/lib/trs/trs-export";

export const dynamic = "force-dynamic";

export const GET = withRole(ANALYSIS_ROLES, (request, { user }) =>
  trsTableExport(user, new URL(request.url).searchParams, "xlsx"),
);
