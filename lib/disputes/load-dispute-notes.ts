// The accepted disputes of a contract (all its versions) for its month-by-month table: one note per KPI and month,
// shown beside the computed value, which stays as the KPI engine computed it. Scoped through the contract like any
// dispute query.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { notesByCell, type DisputeNote, type DisputeStatus } from "@/lib/disputes/dispute-rules";
import { disputeVisibilityWhere } from "@/lib/disputes/dispute-access";

export type DisputeNotes = Map<string, DisputeNote>;

export async function loadDisputeNotes(
  contract: { contractNo: number; partyOfficerId: string | null },
  actor: Actor,
): Promise<DisputeNotes> {
  if (contract.partyOfficerId === null) return new Map();
  const accepted = await db.kpiDispute.findMany({
    where: {
      AND: [
        disputeVisibilityWhere(actor),
        { officerId: contract.partyOfficerId, contract: { contractNo: contract.contractNo } },
        { status: { in: ["ACCEPTED_CORRECTED", "ACCEPTED_ANNOTATED"] } },
      ],
    },
    select: { id: true, kpiId: true, month: true, status: true, correctedValue: true, answer: true, answeredAt: true },
  });
  return notesByCell(accepted.map((d) => ({ ...d, status: d.status as DisputeStatus })));
}
