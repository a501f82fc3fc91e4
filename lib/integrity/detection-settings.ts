// The detection parameters in force: the integrity unit's saved settings over the spec's defaults.
import "server-only";
import type { Prisma, Role } from "@prisma/client";
import { IntegrityError } from "@/lib/integrity/integrity-error";
import { canEditDetectionParams } from "@/lib/integrity/settings-access";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { DetectionParams } from "@/lib/integrity/detection-params";

export async function currentDetectionParams(): Promise<DetectionParams> {
  const saved = await db.detectionSettings.findUnique({ where: { id: 1 } });
  return DetectionParams.parse(saved?.params ?? {});
}

export async function saveDetectionParams(input: unknown, actorId: string): Promise<DetectionParams> {
  const params = DetectionParams.parse(input);
  await db.$transaction(async (tx) => {
    const json = params as unknown as Prisma.InputJsonValue;
    await tx.detectionSettings.upsert({
      where: { id: 1 },
      create: { params: json, updatedById: actorId },
      update: { params: json, updatedById: actorId },
    });
    await writeAudit(
      { actorId, action: "detection.settings-changed", entityType: "detection-settings", entityId: "1", data: json },
      tx,
    );
  });
  return params;
}

// The settings screen's save: only those canEditDetectionParams lets through (FORBIDDEN otherwise).
export async function updateDetectionParams(
  input: unknown,
  actor: { id: string; role: Role; officeCode: string | null },
): Promise<DetectionParams> {
  if (!canEditDetectionParams(actor)) throw new IntegrityError("FORBIDDEN", "paramsForbidden");
  return saveDetectionParams(input, actor.id);
}
