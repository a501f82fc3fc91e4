// GET /api/admin/users — the portal's accounts as JSON (ADMIN only: 401 anonymous, 403 other roles).
import { withRole } from "@/lib/auth/guards";
import { listUsers } from "@/lib/users/list-users";

export const GET = withRole(["ADMIN"], async () => Response.json({ users: await listUsers() }));
