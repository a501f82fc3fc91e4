// GET /api/integrity/flags.xlsx?method=…&kpi=…&office=…&period=…&state=…&active=…&sort=… — the filtered flag inbox as
// XLSX.
import { withRole } from "@/lib/auth/guards";
import { FLAG_ROUTE_ROLES } from "@/lib/integrity/flag-evidence";
import { inboxExportResponse } from "@/lib/integrity/flag-exports";

export const dynamic = "force-dynamic";

export const GET = withRole(FLAG_ROUTE_ROLES, (request, { user }) =>
  inboxExportResponse(user, new URL(request.url).searchParams, "xlsx"),
);
