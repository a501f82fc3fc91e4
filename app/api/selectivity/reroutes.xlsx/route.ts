// GET /api/selectivity/reroutes.xlsx?office=&from=&to=&lanes= — the selectivity screen's re-routings by officer as
// XLSX.
import { withRole } from "@/lib/auth/guards";
import { selectivityExportResponse } from "@/lib/selectivity/selectivity-export";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN", "MANAGER", "INTEGRITY"], (request, { user }) =>
  selectivityExportResponse(user, new URL(request.url).searchParams, "reroutes", "xlsx"),
);
