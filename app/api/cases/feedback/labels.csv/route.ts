// GET /api/cases/feedback/labels.csv — confirmed findings as labelled declarations (decl_id, illicit, revenue,
// offence_code) for the risk-management engine, over the user's office (lib/cases/feedback-rows.ts).
import { withRole } from "@/lib/auth/guards";
import { tableExportResponse } from "@/lib/table-export";
import { labelsTable } from "@/lib/cases/feedback-exports";
import { CASE_ROUTE_ROLES } from "@/lib/cases/case-rules";

export const dynamic = "force-dynamic";

export const GET = withRole(CASE_ROUTE_ROLES, async (_request, { user }) =>
  tableExportResponse(await labelsTable(user), "csv", "case-feedback-labels"),
);
