// A view of one officer's figures by someone else (docs/decisions/033-harmonised-data-and-privacy.md).
import { z } from "zod";
import { env } from "@/lib/env";

export const VIEW_KINDS = ["indicators", "drilldown", "contract", "export", "api"] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

export type ViewEvent = {
  at: string;
  officerId: string;
  what: ViewKind;
  // Page path, download or API endpoint.
  source: string;
  viewerUserId: string | null;
  viewerTokenId: string | null;
  viewerLabel: string;
};

export const StoredViewEvent = z.object({
  at: z.string(),
  officerId: z.string(),
  what: z.enum(VIEW_KINDS),
  source: z.string(),
  viewerUserId: z.string().nullable(),
  viewerTokenId: z.string().nullable(),
  viewerLabel: z.string(),
});

// Views wait in this Redis stream until the view-log job moves them to PostgreSQL.
export const viewStreamKey = () => `${env.QUEUE_PREFIX}:view-log`;
