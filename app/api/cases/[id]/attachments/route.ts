// POST /api/cases/:id/attachments — attach a file to a case (raw body, the name in X-File-Name, URI-encoded). The
// type is read from the bytes and the size capped (lib/cases/case-attachments.ts).
import { withRole } from "@/lib/auth/guards";
import { CASE_ROUTE_ROLES } from "@/lib/cases/case-rules";
import { addCaseAttachment, readUploadOrThrow } from "@/lib/cases/case-attachments";

export const dynamic = "force-dynamic";

export const POST = withRole<{ params: Promise<{ id: string }> }>(
  CASE_ROUTE_ROLES,
  async (request, { params, user }) => {
    const caseId = Number((await params).id);
    let fileName = "";
    try {
      fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
    } catch {
      fileName = "";
    }
    const bytes = await readUploadOrThrow(request.body);
    const { id } = await addCaseAttachment({ caseId, fileName, bytes }, user);
    return Response.json({ id }, { status: 201 });
  },
);
