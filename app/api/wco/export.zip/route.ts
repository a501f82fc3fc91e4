// GET /api/wco/export.zip?from=&to=[&pseudonyms=PURPOSE] — the declarations registered in the period, with their
// notifications, as WCO Data Model messages in a zip (lib/wco/wco-export-zip.ts), over the user's offices.
import { withRole } from "@/lib/auth/guards";
import { wcoExportZip } from "@/lib/wco/wco-export-zip";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withRole(["ADMIN", "MANAGER"], async (request, { user }) => {
  const { body, fileName } = wcoExportZip(user, Object.fromEntries(new URL(request.url).searchParams));
  return new Response(body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
