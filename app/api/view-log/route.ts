// POST /api/view-log — the beacon of a page about one officer's figures (components/privacy/view-beacon.tsx): the
// view goes to the view log's Redis stream, never to PostgreSQL (lib/view-log/record-view.ts). 204 when allowed,
// 403 for an officer the user may not see.
import { withRole } from "@/lib/auth/guards";
import { ROLES } from "@/lib/auth/session-user";
import { recordBeaconView } from "@/lib/view-log/record-beacon-view";

export const POST = withRole(ROLES, async (request, { user }) => {
  await recordBeaconView(user, await request.json().catch(() => ({})));
  return new Response(null, { status: 204 });
});
