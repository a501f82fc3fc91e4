// The checks on a contract's terms that need the database: the user manages the office, the party exists where
// the contract says, the principal may sign, and the party is not already bound on one of these KPIs over an
// overlapping period. Refusals name the field and carry what the message needs.
import "server-only";
import type { Prisma } from "@prisma/client";
import { ContractError } from "@/lib/contracts/contract-error";
import type { Actor } from "@/lib/auth/session-user";
import { BINDING_STATUSES, MANAGING_ROLES, managesOffice, type PartyType } from "@/lib/contracts/lifecycle";
import { dayToDate, isoDate } from "@/lib/kernel/calendar";

type Tx = Prisma.TransactionClient;

export type Party = {
  partyType: PartyType;
  officeCode: string;
  partyOfficerId: string | null;
  partyUnit: string | null;
};

// Keeps only the party fields of the chosen party type, so a unit contract never carries a stray officer id.
export function normaliseParty<T extends Party>(input: T): T {
  return {
    ...input,
    partyOfficerId: input.partyType === "OFFICER" ? input.partyOfficerId : null,
    partyUnit: input.partyType === "UNIT" ? input.partyUnit : null,
  };
}

export async function checkParty(tx: Tx, actor: Actor, party: Party): Promise<void> {
  if (!managesOffice(actor, party.officeCode)) {
    throw new ContractError("FORBIDDEN", "officeOutOfScope", { office: party.officeCode }, "officeCode");
  }
  if (!(await tx.office.findUnique({ where: { officeCode: party.officeCode }, select: { officeCode: true } }))) {
    throw new ContractError("INVALID", "unknownOffice", { office: party.officeCode }, "officeCode");
  }
  if (party.partyType === "OFFICER") {
    const officer = await tx.officer.findUnique({ where: { officerId: party.partyOfficerId! } });
    if (!officer)
      throw new ContractError("INVALID", "unknownOfficer", { officer: party.partyOfficerId! }, "partyOfficerId");
    if (officer.officeCode !== party.officeCode) {
      throw new ContractError(
        "INVALID",
        "officerNotInOffice",
        { officer: officer.officerId, office: party.officeCode },
        "partyOfficerId",
      );
    }
  }
  if (party.partyType === "UNIT") {
    const member = await tx.officer.findFirst({ where: { officeCode: party.officeCode, unit: party.partyUnit! } });
    if (!member)
      throw new ContractError(
        "INVALID",
        "unknownUnit",
        { unit: party.partyUnit!, office: party.officeCode },
        "partyUnit",
      );
  }
}

// The principal signs for the administration: an active manager or administrator who can see the contract, and
// never the officer the contract binds.
export async function resolvePrincipal(
  tx: Tx,
  actor: Actor,
  principalId: string | null,
  party: Party,
): Promise<string> {
  const id = principalId ?? actor.id;
  const principal = await tx.user.findUnique({ where: { id } });
  const valid =
    principal !== null &&
    principal.active &&
    MANAGING_ROLES.includes(principal.role) &&
    (principal.officeCode === null || principal.officeCode === party.officeCode);
  if (!valid) throw new ContractError("INVALID", "invalidPrincipal", {}, "principalId");
  if (party.partyType === "OFFICER" && principal.officerId === party.partyOfficerId) {
    throw new ContractError("INVALID", "principalIsParty", {}, "principalId");
  }
  return id;
}

function partyWhere(party: Party): Prisma.ContractWhereInput {
  switch (party.partyType) {
    case "OFFICER":
      return { partyType: "OFFICER", partyOfficerId: party.partyOfficerId };
    case "UNIT":
      return { partyType: "UNIT", officeCode: party.officeCode, partyUnit: party.partyUnit };
    case "OFFICE":
      return { partyType: "OFFICE", officeCode: party.officeCode };
  }
}

// Refuses a second binding contract for the same party, period and KPI (other versions of the same contract
// excepted). The advisory lock serialises this check per party, so two managers signing at the same moment
// cannot both pass it.
export async function assertNoOverlap(
  tx: Tx,
  party: Party,
  period: { from: string; to: string },
  kpiIds: string[],
  ownContractNo: number | null,
): Promise<void> {
  const key = `contract-party:${party.partyType}:${party.officeCode}:${party.partyOfficerId ?? ""}:${party.partyUnit ?? ""}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  const clash = await tx.contract.findFirst({
    where: {
      ...partyWhere(party),
      status: { in: [...BINDING_STATUSES] },
      periodFrom: { lte: dayToDate(period.to) },
      periodTo: { gte: dayToDate(period.from) },
      ...(ownContractNo === null ? {} : { contractNo: { not: ownContractNo } }),
      indicators: { some: { kpiId: { in: kpiIds } } },
    },
    include: { indicators: { where: { kpiId: { in: kpiIds } }, orderBy: { position: "asc" } } },
    orderBy: { periodFrom: "asc" },
  });
  if (clash) {
    throw new ContractError(
      "CONFLICT",
      "overlap",
      {
        contractNo: clash.contractNo,
        version: clash.version,
        kpis: clash.indicators.map((i) => i.kpiId).join(", "),
        from: isoDate(clash.periodFrom),
        to: isoDate(clash.periodTo),
      },
      "periodFrom",
    );
  }
}

// Contract numbers are allocated under a lock: max + 1 without gaps or duplicates.
export async function nextContractNo(tx: Tx): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('contracts.contract_no'))`;
  const { _max } = await tx.contract.aggregate({ _max: { contractNo: true } });
  return (_max.contractNo ?? 0) + 1;
}
