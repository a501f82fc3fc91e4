// The GAMING flags of one contract, for its page: shown to the managers of the contract's office (and national
// ones), never to the officer under contract nor to anyone else, who get an empty list.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { managesOffice } from "@/lib/contracts/lifecycle";
import { GAMING_METHOD } from "@/lib/integrity/gaming-watch";

export type ContractGamingFlag = {
  id: number;
  kpiId: string;
  guard: string;
  periodFrom: string;
  periodTo: string;
  score: number;
  stats: Record<string, number | string | null>;
};

export async function contractGamingFlags(contractId: number, actor: Actor): Promise<ContractGamingFlag[]> {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: { officeCode: true, partyOfficerId: true },
  });
  if (!contract || !managesOffice(actor, contract.officeCode)) return [];
  if (actor.officerId !== null && actor.officerId === contract.partyOfficerId) return [];
  const flags = await db.flag.findMany({
    where: { method: GAMING_METHOD, active: true, stats: { path: ["contractId"], equals: contractId } },
    orderBy: [{ periodTo: "desc" }, { score: "desc" }],
  });
  return flags.map((f) => ({
    id: f.id,
    kpiId: f.kpiId,
    guard: f.relatedId,
    periodFrom: f.periodFrom.toISOString().slice(0, 10),
    periodTo: f.periodTo.toISOString().slice(0, 10),
    score: f.score,
    stats: f.stats as Record<string, number | string | null>,
  }));
}
