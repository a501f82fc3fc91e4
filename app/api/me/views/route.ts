// GET /api/me/views — who else looked at the signed-in officer's figures (lib/view-log/list-views.ts): only his
// own entries, whatever the role; none for an account linked to no officer.
import { withRole } from "@/lib/auth/guards";
import { ROLES } from "@/lib/auth/session-user";
import { listViewsOfOfficer } from "@/lib/view-log/list-views";

export const dynamic = "force-dynamic";

export const GET = withRole(ROLES, async (_request, { user }) =>
  Response.json(
    { views: user.officerId ? await listViewsOfOfficer(user.officerId) : [] },
    { headers: { "cache-control": "no-store" } },
  ),
);
