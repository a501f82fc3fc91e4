// What the view beacon of a page sends (components/privacy/view-beacon.tsx), checked and recorded: the viewer must
// be allowed to see that officer (an officer may see only himself, so another officer's view cannot even be
// sent), and the officer's own views are not recorded.
import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertSubjectVisible } from "@/lib/explore/assert-subject-visible";
import { recordOfficerView } from "@/lib/view-log/record-officer-view";

export const ViewBeaconInput = z.object({
  officerId: z.string().trim().min(1).max(120),
  what: z.enum(["drilldown", "indicators", "contract"]),
  source: z.string().max(500).startsWith("/"),
});

export async function recordBeaconView(user: SessionUser, raw: unknown): Promise<void> {
  const beacon = ViewBeaconInput.parse(raw);
  await assertSubjectVisible(user, "officer", beacon.officerId);
  await recordOfficerView(user, beacon.officerId, beacon.what, beacon.source);
}
