// POST /api/imports — upload a zip of canonical CSV files, a KCS CSV or (X-Import-Format: WCO) a zip of WCO Data
// Model messages (raw body, name in X-File-Name) and queue its import. GET /api/imports — the latest import batches.
import { withRole } from "@/lib/auth/guards";
import { saveUpload } from "@/lib/clearance/save-upload";
import { startImport } from "@/lib/clearance/start-import";
import { listImportBatches } from "@/lib/clearance/import-batches";
import { AppError } from "@/lib/kernel/app-error";

export const POST = withRole(["ADMIN"], async (request, { user }) => {
  const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
  if (!fileName) throw new AppError("INVALID", "X-File-Name header is required");
  if (!request.body) throw new AppError("INVALID", "The request has no file");
  const format = request.headers.get("x-import-format") === "WCO" ? "WCO" : null;
  const upload = await saveUpload(request.body, fileName, format);
  const id = await startImport({ ...upload, userId: user.id });
  return Response.json({ id }, { status: 201 });
});

export const GET = withRole(["ADMIN", "MANAGER"], async () => Response.json({ imports: await listImportBatches() }));
