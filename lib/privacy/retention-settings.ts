// How long declaration-level personal data and view logs are kept (one row of retention_settings); changing it is
// audited.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";

const Days = z
  .union([
    z.literal(""),
    z.coerce
      .number("invalidDaysRetention")
      .int("invalidDaysRetention")
      .min(1, "invalidDaysRetention")
      .max(36_500, "invalidDaysRetention"),
  ])
  .transform((v) => (v === "" ? null : v));

export const RetentionInput = z.object({
  declarationDataDays: Days,
  declarationAction: z.enum(["pseudonymise", "delete"]).default("pseudonymise"),
  viewLogDays: Days,
});

export type RetentionSettingsView = {
  declarationDataDays: number | null;
  declarationAction: "pseudonymise" | "delete";
  viewLogDays: number | null;
};

export async function getRetentionSettings(): Promise<RetentionSettingsView> {
  const row = await db.retentionSettings.findUnique({ where: { id: 1 } });
  return {
    declarationDataDays: row?.declarationDataDays ?? null,
    declarationAction: row?.declarationAction === "delete" ? "delete" : "pseudonymise",
    viewLogDays: row?.viewLogDays ?? null,
  };
}

export async function saveRetentionSettings(input: z.infer<typeof RetentionInput>, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const data = { ...input, updatedById: actorId };
    await tx.retentionSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await writeAudit(
      { actorId, action: "retention.settings", entityType: "retention", entityId: "1", data: input },
      tx,
    );
  });
}
