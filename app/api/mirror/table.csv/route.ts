// GET /api/mirror/table.csv?year= — the year's mirror ranking as CSV.
import { withRole } from "@/lib/auth/guards";
import { ANALYSIS_ROLES } from "@/lib/analysis/analysis-access";
import { mirrorTableExport } from "@/lib/mirror/mirror-export";

export const dynamic = "force-dynamic";

export const GET = withRole(ANALYSIS_ROLES, (request) => mirrorTableExport(new URL(request.url).searchParams, "csv"));
