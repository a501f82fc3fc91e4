// GET /api/integrity/flags.csv?method=…&kpi=…&office=…&period=…&state=…&active=…&sort=… — the filtered flag inbox as CSV.
import { withRole } from "@/lib/auth/guards";
import { inboxExportResponse } from "@/lib/integrity/flag-exports";

export const dynamic = "force-dynamic";

export const GET = withRole(["INTEGRITY", "ADMIN"], (request, { user }) => inboxExportResponse(user, new URL(request.url).searchParams, "csv"));
