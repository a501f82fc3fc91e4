// What the officer's dispute form offers: each of their current contracts (not a draft, not replaced by an
// amendment) with its indicators and the months that have started, i.e. exactly what openDispute accepts.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { contractFacts, contractVisibilityWhere } from "@/lib/contracts/access";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import { contractMonths } from "@/lib/contracts/contract-periods";
import { fileRefusal } from "@/lib/disputes/dispute-rules";

export type DisputeContractChoice = {
  id: number;
  contractNo: number;
  version: number;
  title: string;
  kpiIds: string[];
  months: string[];
};

export async function disputeChoices(actor: Actor, today = todayIso()): Promise<DisputeContractChoice[]> {
  if (actor.officerId === null) return [];
  const contracts = await db.contract.findMany({
    where: {
      AND: [
        contractVisibilityWhere(actor),
        { partyType: "OFFICER", partyOfficerId: actor.officerId, status: { notIn: ["DRAFT", "SUPERSEDED"] } },
      ],
    },
    include: { indicators: { orderBy: { position: "asc" } } },
    orderBy: [{ periodFrom: "desc" }, { version: "desc" }],
  });
  return contracts.flatMap((c) => {
    if (fileRefusal(contractFacts(c), actor) !== null) return [];
    const months = contractMonths({ from: isoDate(c.periodFrom), to: isoDate(c.periodTo) }, today).map((m) => m.month);
    if (!months.length || !c.indicators.length) return [];
    return [
      {
        id: c.id,
        contractNo: c.contractNo,
        version: c.version,
        title: c.title,
        kpiIds: c.indicators.map((i) => i.kpiId),
        months,
      },
    ];
  });
}
