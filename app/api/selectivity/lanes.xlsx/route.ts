// GET /api/selectivity/lanes.xlsx?office=&from=&to=&lanes= — the selectivity screen's office × month × lane table as
// XLSX.
import { withRole } from "@/lib/auth/guards";
import { selectivityExportResponse } from "@/lib/selectivity/selectivity-export";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN", "MANAGER", "INTEGRITY"], (request, { user }) =>
  selectivityExportResponse(user, new URL(request.url).searchParams, "lanes", "xlsx"),
);
