// GET /api/dashboard/overview.csv?month=…&office=…&unit=…&sort=… — the manager overview table as CSV.
import { withRole } from "@/lib/auth/guards";
import { overviewExportResponse } from "@/lib/dashboard/overview-export";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN", "MANAGER"], (request, { user }) =>
  overviewExportResponse(user, new URL(request.url).searchParams, "csv"),
);
