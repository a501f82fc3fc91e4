// GET /api/admin/audit.csv?who=…&action=…&entityType=…&entityId=…&from=…&to=… — the filtered audit log (ADMIN only).
import { withRole } from "@/lib/auth/guards";
import { auditExportResponse } from "@/lib/audit-log/audit-export";

export const dynamic = "force-dynamic";

export const GET = withRole(["ADMIN"], (request) => auditExportResponse(new URL(request.url).searchParams, "csv"));
