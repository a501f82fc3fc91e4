// GET /api/cases/:id/attachments/:attachmentId — download an attachment of a case the user may see: always as a
// download (Content-Disposition: attachment) with the type read at upload and nosniff, so the browser never renders
// or reinterprets it.
import { withRole } from "@/lib/auth/guards";
import { CASE_ROUTE_ROLES } from "@/lib/cases/case-rules";
import { attachmentDisposition, readCaseAttachment } from "@/lib/cases/case-attachments";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string; attachmentId: string }> }>(
  CASE_ROUTE_ROLES,
  async (_request, { params, user }) => {
    const { id, attachmentId } = await params;
    const { attachment, bytes } = await readCaseAttachment(Number(id), Number(attachmentId), user);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": attachment.contentType,
        "content-length": String(bytes.byteLength),
        "content-disposition": attachmentDisposition(attachment.originalName),
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, no-store",
      },
    });
  },
);
