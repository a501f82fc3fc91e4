// The capacity line of the work queue: how many cases an integrity unit can open per month. An office's unit and the
// national unit each have their own (triage_capacity.scope = the office code, or "*"); until one is set the default
// applies. The analysts of a unit and administrators set it; managers granted the integrity area read it. Every
// change is audited.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { scopeForUser } from "@/lib/auth/scope";
import type { FlagViewer } from "@/lib/integrity/flag-evidence";
import { assertIntegrityViewer } from "@/lib/integrity/integrity-scope";
import { IntegrityError } from "@/lib/integrity/integrity-error";

export const DEFAULT_CASES_PER_MONTH = 20;
export const NATIONAL_SCOPE = "*";

export const CapacityInput = z.object({
  casesPerMonth: z.coerce
    .number({ message: "capacityInvalid" })
    .int({ message: "capacityInvalid" })
    .min(1, { message: "capacityInvalid" })
    .max(10_000, { message: "capacityInvalid" }),
});

export function capacityScope(viewer: Pick<FlagViewer, "role" | "officeCode" | "officerId">): string {
  const scope = scopeForUser(viewer);
  return scope.kind === "office" ? scope.officeCode : NATIONAL_SCOPE;
}

export function canEditCapacity(viewer: Pick<FlagViewer, "role">): boolean {
  return viewer.role === "INTEGRITY" || viewer.role === "ADMIN";
}

export async function capacityFor(viewer: FlagViewer): Promise<number> {
  const row = await db.triageCapacity.findUnique({ where: { scope: capacityScope(viewer) } });
  return row?.casesPerMonth ?? DEFAULT_CASES_PER_MONTH;
}

export async function setCapacity(viewer: FlagViewer & { id: string }, raw: unknown): Promise<number> {
  assertIntegrityViewer(viewer);
  if (!canEditCapacity(viewer)) throw new IntegrityError("FORBIDDEN", "capacityForbidden");
  const { casesPerMonth } = CapacityInput.parse(raw);
  const scope = capacityScope(viewer);
  await db.$transaction(async (tx) => {
    const before = await tx.triageCapacity.findUnique({ where: { scope } });
    await tx.triageCapacity.upsert({
      where: { scope },
      create: { scope, casesPerMonth, updatedById: viewer.id },
      update: { casesPerMonth, updatedById: viewer.id },
    });
    await writeAudit(
      {
        actorId: viewer.id,
        action: "triage.capacity-changed",
        entityType: "triage-capacity",
        entityId: scope,
        data: { from: before?.casesPerMonth ?? DEFAULT_CASES_PER_MONTH, to: casesPerMonth },
      },
      tx,
    );
  });
  return casesPerMonth;
}
