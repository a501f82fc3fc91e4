// GET /api/dashboard/subject.xlsx?office=…[&unit=…]&month=…[&table=officers&kpi=P1] — an office or unit page's table as
// XLSX.
import { withRole } from "@/lib/auth/guards";
import { subjectExportResponse } from "@/lib/dashboard/subject-export";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN", "MANAGER"], (request, { user }) =>
  subjectExportResponse(user, new URL(request.url).searchParams, "xlsx"),
);
