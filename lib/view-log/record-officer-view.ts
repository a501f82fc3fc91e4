// A signed-in user's view or export of one officer's figures, recorded unless the user is that officer.
import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { recordViewsQuietly } from "@/lib/view-log/record-view";
import type { ViewKind } from "@/lib/view-log/view-events";

export async function recordOfficerView(
  user: Pick<SessionUser, "id" | "name" | "email" | "officerId">,
  officerId: string,
  what: ViewKind,
  source: string,
): Promise<void> {
  if (user.officerId === officerId) return;
  await recordViewsQuietly([
    {
      officerId,
      what,
      source,
      viewerUserId: user.id,
      viewerTokenId: null,
      viewerLabel: `${user.name} <${user.email}>`,
    },
  ]);
}
