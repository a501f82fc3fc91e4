// The contracts list: the current version of each contract the user may see (older versions on request), with
// its party, period, status and its overall score over the period so far.
import "server-only";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import type { ContractStatus } from "@/lib/contracts/lifecycle";
import { contractVisibilityWhere } from "@/lib/contracts/access";
import { activateDueContracts } from "@/lib/contracts/activate-due-contracts";
import { currentIndicators } from "@/lib/contracts/contract-indicators";
import { isoDate } from "@/lib/kernel/calendar";

export const CONTRACT_STATUSES = ["DRAFT", "SIGNED", "ACKNOWLEDGED", "ACTIVE", "CLOSED", "SUPERSEDED"] as const;

export const ContractListFilters = z.object({
  // "" = every status but SUPERSEDED (the versions in force or in preparation).
  status: z.enum(CONTRACT_STATUSES).or(z.literal("")).catch(""),
  q: z.string().trim().max(100).catch(""),
});
export type ContractListFilters = z.infer<typeof ContractListFilters>;

export const LIST_LIMIT = 200;

export type PartyView = {
  type: "OFFICER" | "UNIT" | "OFFICE";
  officerId: string | null;
  name: string | null;
  unit: string | null;
};

export type ContractListRow = {
  id: number;
  contractNo: number;
  version: number;
  title: string;
  status: ContractStatus;
  party: PartyView;
  officeCode: string;
  officeName: string;
  periodFrom: string;
  periodTo: string;
  // Over the period so far; null for a draft, a contract not started yet, or with nothing evaluable
  // (scored = false for the first two).
  overall: number | null;
  scored: boolean;
};

function searchWhere(q: string): Prisma.ContractWhereInput {
  if (!q) return {};
  const contains = { contains: q, mode: "insensitive" as const };
  const asNumber = /^\d+$/.test(q) ? [{ contractNo: Number(q) }] : [];
  return {
    OR: [
      { title: contains },
      { partyOfficerId: contains },
      { partyOfficer: { fullName: contains } },
      { partyUnit: contains },
      { officeCode: contains },
      ...asNumber,
    ],
  };
}

export async function listContracts(
  actor: Actor,
  filters: ContractListFilters,
): Promise<{ rows: ContractListRow[]; truncated: boolean }> {
  await activateDueContracts();
  const contracts = await db.contract.findMany({
    where: {
      AND: [
        contractVisibilityWhere(actor),
        filters.status ? { status: filters.status } : { status: { not: "SUPERSEDED" } },
        searchWhere(filters.q),
      ],
    },
    include: {
      indicators: { orderBy: { position: "asc" } },
      partyOfficer: { select: { fullName: true } },
      office: { select: { name: true } },
    },
    orderBy: [{ contractNo: "desc" }, { version: "desc" }],
    take: LIST_LIMIT + 1,
  });
  const shown = contracts.slice(0, LIST_LIMIT);
  // Only contracts that were signed have a score: a draft (or a withdrawn one) binds nobody yet.
  const scores = await currentIndicators(shown.filter((c) => c.signedAt !== null));
  return {
    truncated: contracts.length > LIST_LIMIT,
    rows: shown.map((c) => {
      const current = scores.get(c.id);
      return {
        id: c.id,
        contractNo: c.contractNo,
        version: c.version,
        title: c.title,
        status: c.status,
        party: {
          type: c.partyType,
          officerId: c.partyOfficerId,
          name: c.partyOfficer?.fullName ?? null,
          unit: c.partyUnit,
        },
        officeCode: c.officeCode,
        officeName: c.office.name,
        periodFrom: isoDate(c.periodFrom),
        periodTo: isoDate(c.periodTo),
        overall: current?.scorecard.overall ?? null,
        scored: current !== undefined,
      };
    }),
  };
}

// The contracts a user is party to as an officer (the officer's own page), newest first, with their terms.
export async function listPartyContracts(actor: Actor) {
  if (actor.officerId === null) return [];
  await activateDueContracts();
  return db.contract.findMany({
    where: {
      AND: [
        contractVisibilityWhere(actor),
        { partyType: "OFFICER", partyOfficerId: actor.officerId, status: { not: "DRAFT" } },
      ],
    },
    include: {
      indicators: { orderBy: { position: "asc" } },
      office: { select: { name: true } },
      principal: { select: { name: true } },
    },
    orderBy: [{ periodFrom: "desc" }, { version: "desc" }],
  });
}
