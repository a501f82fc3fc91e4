// GET /api/risk/labels.csv?from=&to= — inspection outcomes as labelled declarations (decl_id, illicit, revenue,
// offence_code), the format of /api/cases/feedback/labels.csv, over the user's offices (lib/risk/labels-export.ts).
import { withRole } from "@/lib/auth/guards";
import { tableExportResponse } from "@/lib/table-export";
import { inspectionLabelsTable } from "@/lib/risk/labels-export";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN", "MANAGER", "INTEGRITY"], async (request, { user }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return tableExportResponse(await inspectionLabelsTable(user, params), "csv", "inspection-labels");
});
