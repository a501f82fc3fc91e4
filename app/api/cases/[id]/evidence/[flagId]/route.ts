// GET /api/cases/:id/evidence/:flagId — a flag's frozen evidence as the canonical JSON its sha256 was computed over,
// so anyone can check the hash shown on the case page (sha256sum of this file).
import { withRole } from "@/lib/auth/guards";
import { CASE_ROUTE_ROLES } from "@/lib/cases/case-rules";
import { canonicalEvidence } from "@/lib/cases/canonical-evidence";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string; flagId: string }> }>(
  CASE_ROUTE_ROLES,
  async (_request, { params, user }) => {
    const { id, flagId } = await params;
    const { json, sha256 } = await canonicalEvidence(Number(id), Number(flagId), user);
    return new Response(json, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="case-${Number(id)}-flag-${Number(flagId)}-evidence.json"`,
        "x-content-sha256": sha256,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
);
