// Triage of flags from the inbox: dismissing them (NEW → DISMISSED) with the analyst's reason, one audit row per
// flag in the same transaction. Only flags the analyst may see (flagVisibilityWhere): one outside their scope makes
// the whole batch NOT_FOUND, as if it did not exist. A flag already dismissed stays as it was (running the same
// dismissal twice changes nothing and audits nothing more); a flag in a case cannot be dismissed (CONFLICT): the
// case decides its outcome. Opening a case from flags is lib/cases/open-case.ts.
import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session-user";
import { flagVisibilityWhere } from "@/lib/integrity/flag-evidence";
import { DismissFlagsInput } from "@/lib/integrity/schema";
import { IntegrityError } from "@/lib/integrity/integrity-error";
import { isoDate } from "@/lib/kernel/calendar";

type Actor = Pick<SessionUser, "id" | "role" | "officeCode" | "officerId">;

export async function dismissFlags(
  raw: z.input<typeof DismissFlagsInput>,
  actor: Actor,
): Promise<{ dismissed: number[]; alreadyDismissed: number[] }> {
  const input = DismissFlagsInput.parse(raw);
  return db.$transaction(async (tx) => {
    // Row locks in id order: two analysts triaging the same flags (or a case opening them) run one after the other.
    await tx.$queryRaw`SELECT id FROM flags WHERE id = ANY (${input.flagIds}::int[]) ORDER BY id FOR UPDATE`;
    const flags = await tx.flag.findMany({
      where: { AND: [{ id: { in: input.flagIds } }, flagVisibilityWhere(actor)] },
      select: {
        id: true,
        state: true,
        method: true,
        kpiId: true,
        subjectId: true,
        relatedId: true,
        periodFrom: true,
        periodTo: true,
      },
      orderBy: { id: "asc" },
    });
    if (flags.length !== input.flagIds.length) throw new IntegrityError("NOT_FOUND", "flagNotFound");
    const inCase = flags.find((f) => f.state === "IN_CASE");
    if (inCase) throw new IntegrityError("CONFLICT", "flagInCase", { id: inCase.id });

    const toDismiss = flags.filter((f) => f.state === "NEW");
    const now = new Date();
    if (toDismiss.length) {
      await tx.flag.updateMany({
        where: { id: { in: toDismiss.map((f) => f.id) }, state: "NEW" },
        data: { state: "DISMISSED", dismissReason: input.reason, triagedById: actor.id, triagedAt: now },
      });
    }
    for (const f of toDismiss) {
      await writeAudit(
        {
          actorId: actor.id,
          action: "flag.dismissed",
          entityType: "flag",
          entityId: String(f.id),
          data: {
            from: "NEW",
            to: "DISMISSED",
            reason: input.reason,
            method: f.method,
            kpiId: f.kpiId,
            subjectId: f.subjectId,
            relatedId: f.relatedId,
            periodFrom: isoDate(f.periodFrom),
            periodTo: isoDate(f.periodTo),
          },
        },
        tx,
      );
    }
    return {
      dismissed: toDismiss.map((f) => f.id),
      alreadyDismissed: flags.filter((f) => f.state === "DISMISSED").map((f) => f.id),
    };
  });
}
