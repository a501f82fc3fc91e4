// GET /api/integrity/flags/:id/evidence.xlsx — the declarations behind one flag as XLSX (404 outside the user's scope).
import { withRole } from "@/lib/auth/guards";
import { FLAG_ROUTE_ROLES } from "@/lib/integrity/flag-evidence";
import { evidenceExportResponse } from "@/lib/integrity/flag-exports";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = withRole<Context>(FLAG_ROUTE_ROLES, async (_request, { user, params }) =>
  evidenceExportResponse(user, (await params).id, "xlsx"),
);
