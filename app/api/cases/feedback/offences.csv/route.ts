// GET /api/cases/feedback/offences.csv — confirmed findings as CEN-style offence records (date, office, hs_code,
// origin, offence_type, amount), over the user's office (lib/cases/feedback-rows.ts).
import { withRole } from "@/lib/auth/guards";
import { tableExportResponse } from "@/lib/table-export";
import { offencesTable } from "@/lib/cases/feedback-exports";
import { CASE_ROUTE_ROLES } from "@/lib/cases/case-rules";

export const dynamic = "force-dynamic";

export const GET = withRole(CASE_ROUTE_ROLES, async (_request, { user }) =>
  tableExportResponse(await offencesTable(user), "csv", "case-feedback-offences"),
);
