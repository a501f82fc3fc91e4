// Acknowledged contracts whose period has started become active. Run before contracts are read (lists, pages), so
// a status is never a day behind whether or not a scheduler ran; safe to run concurrently: the UPDATE re-checks
// the status under its row lock, so each contract is activated and audited once.
import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { dayToDate, isoDate, todayIso } from "@/lib/kernel/calendar";
import { AUDIT_ENTITY } from "@/lib/contracts/contract-data";

export async function activateDueContracts(today: string = todayIso()): Promise<number[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; period_from: Date }[]>`
      UPDATE contracts SET status = 'ACTIVE', activated_at = now()
       WHERE status = 'ACKNOWLEDGED' AND period_from <= ${dayToDate(today)}::date
      RETURNING id, period_from`;
    for (const row of rows) {
      await writeAudit(
        {
          actorId: null,
          action: "contract.activate",
          entityType: AUDIT_ENTITY,
          entityId: String(row.id),
          data: { from: "ACKNOWLEDGED", to: "ACTIVE", periodStarted: isoDate(row.period_from) },
        },
        tx,
      );
    }
    return rows.map((r) => r.id);
  });
}
