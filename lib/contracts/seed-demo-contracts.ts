// Demo contracts, so that the demo's dashboards show contracts with real scores: the Cameroon 2010 template over the
// second half of 2025 (`pmc generate` covers 2025 by default) for every officer of the demo officers' office and of
// two other offices, plus one unit contract and one office contract of the demo office. Each contract's thresholds
// and targets are calibrated as a manager would in the form: from the baselines of the six months before it starts
// (contract-baselines.ts), by the rule of calibration.ts; a KPI without any baseline keeps the template's numbers.
// The period starts the day the generator's planted gaming officer starts gaming, so his contract's watch sees it. Made with the contract
// services, so validation, the overlap rule and the audit rows are the portal's own: the demo manager creates and
// signs them as principal, each demo officer acknowledges their own, and the rest stay SIGNED, since only the
// party's own account may acknowledge (lifecycle.ts) and those officers and offices have none.
// Safe to run again: a party that already has its demo contract (in any status or version) gets no other one, and
// only the transitions still due are made.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/db";
import type { DemoUser } from "@/lib/users/seed-demo-users";
import { contractTemplate } from "@/lib/contracts/templates";
import { createContract } from "@/lib/contracts/create-contract";
import { signContract } from "@/lib/contracts/sign-contract";
import { acknowledgeContract } from "@/lib/contracts/acknowledge-contract";
import { activateDueContracts } from "@/lib/contracts/activate-due-contracts";
import { ContractError } from "@/lib/contracts/contract-error";
import { dayToDate } from "@/lib/kernel/calendar";
import type { Party } from "@/lib/contracts/check-contract-terms";
import type { Actor } from "@/lib/auth/session-user";
import type { ContractStatus } from "@/lib/contracts/lifecycle";
import type { TemplateIndicator } from "@/lib/contracts/templates";
import { contractBaselines } from "@/lib/contracts/contract-baselines";

// The template's indicators with the thresholds and targets the calibration rule proposes for this party.
export async function calibratedIndicators(
  party: Party,
  indicators: readonly TemplateIndicator[],
  principal: Actor,
): Promise<TemplateIndicator[]> {
  const baselines = await contractBaselines(
    { ...party, periodFrom: DEMO_CONTRACT_PERIOD.from, kpiIds: indicators.map((i) => i.kpiId) },
    principal,
    // The demo contracts score raw values: no standardisation to run.
    { observedExpected: false },
  );
  return indicators.map((i) => {
    const proposal = baselines.indicators.find((b) => b.kpiId === i.kpiId)?.proposal;
    return proposal ? { ...i, threshold: proposal.threshold, target: proposal.target } : { ...i };
  });
}

export const DEMO_CONTRACT_TEMPLATE = "cameroon-2010";
export const DEMO_CONTRACT_PERIOD = { from: "2025-07-01", to: "2025-12-31" } as const;
// Besides the demo officers' own office, so that a national manager sees several offices side by side.
const OTHER_OFFICES = 2;

export type DemoContractsOutcome = {
  offices: string[];
  contracts: number;
  created: number;
  signed: number;
  acknowledged: number;
  activated: number;
  // Parties the services refused a contract (e.g. already bound on these KPIs by a contract made in the portal).
  skipped: { party: string; reason: string }[];
  byStatus: Partial<Record<ContractStatus, number>>;
};

type DemoParty = Party & { title: string; label: string };

const actorOf = (u: {
  id: string;
  role: Actor["role"];
  officeCode: string | null;
  officerId: string | null;
}): Actor => ({
  id: u.id,
  role: u.role,
  officeCode: u.officeCode,
  officerId: u.officerId,
});

function demoContractWhere(party: Party): Prisma.ContractWhereInput {
  return {
    partyType: party.partyType,
    officeCode: party.officeCode,
    partyOfficerId: party.partyOfficerId,
    partyUnit: party.partyUnit,
    templateKey: DEMO_CONTRACT_TEMPLATE,
    periodFrom: dayToDate(DEMO_CONTRACT_PERIOD.from),
    periodTo: dayToDate(DEMO_CONTRACT_PERIOD.to),
  };
}

// The demo officers' office first, then the next offices (by code) that have officers.
async function demoParties(officeCode: string, unit: string): Promise<DemoParty[]> {
  const others = await db.office.findMany({
    where: { officeCode: { not: officeCode }, officers: { some: {} } },
    orderBy: { officeCode: "asc" },
    take: OTHER_OFFICES,
  });
  const home = await db.office.findUniqueOrThrow({ where: { officeCode } });
  const offices = [home, ...others];
  const officers = await db.officer.findMany({
    where: { officeCode: { in: offices.map((o) => o.officeCode) } },
    orderBy: { officerId: "asc" },
  });
  const party = { partyOfficerId: null, partyUnit: null };
  return [
    ...offices.flatMap((office) =>
      officers
        .filter((o) => o.officeCode === office.officeCode)
        .map((o) => ({
          ...party,
          partyType: "OFFICER" as const,
          officeCode: office.officeCode,
          partyOfficerId: o.officerId,
          title: `${office.name} — PMC 2025 H2`,
          label: o.officerId,
        })),
    ),
    {
      ...party,
      partyType: "UNIT",
      officeCode,
      partyUnit: unit,
      title: `${home.name}, ${unit} — unit PMC 2025 H2`,
      label: `${officeCode}/${unit}`,
    },
    { ...party, partyType: "OFFICE", officeCode, title: `${home.name} — office PMC 2025 H2`, label: officeCode },
  ];
}

export async function seedDemoContracts(users: DemoUser[]): Promise<DemoContractsOutcome> {
  const template = contractTemplate(DEMO_CONTRACT_TEMPLATE)!;
  const outcome: DemoContractsOutcome = {
    offices: [],
    contracts: 0,
    created: 0,
    signed: 0,
    acknowledged: 0,
    activated: 0,
    skipped: [],
    byStatus: {},
  };
  const managerEmail = users.find((u) => u.role === "MANAGER")?.email;
  const officerIds = users.flatMap((u) => (u.role === "OFFICER" && u.officerId ? [u.officerId] : []));
  if (!managerEmail || !officerIds.length) return outcome; // no clearance data imported yet: no officers to contract

  const accounts = await db.user.findMany({ where: { email: { in: users.map((u) => u.email) }, active: true } });
  const principalRow = accounts.find((a) => a.email === managerEmail);
  if (!principalRow) throw new Error(`demo manager ${managerEmail} not found: seed the demo users first`);
  const principal = actorOf(principalRow);
  // The demo officers' accounts, by the officer they are linked to: the only parties that can acknowledge here.
  const officerAccounts = new Map(
    accounts.flatMap((a) => (a.role === "OFFICER" && a.officerId ? [[a.officerId, actorOf(a)] as const] : [])),
  );
  const first = await db.officer.findUniqueOrThrow({ where: { officerId: officerIds[0]! } });

  const parties = await demoParties(first.officeCode, first.unit);
  outcome.offices = [...new Set(parties.map((p) => p.officeCode))];
  for (const party of parties) {
    const existing = await db.contract.findFirst({
      where: demoContractWhere(party),
      orderBy: [{ contractNo: "asc" }, { version: "desc" }],
    });
    let contract = existing && {
      id: existing.id,
      status: existing.status,
      mine: existing.version === 1 && existing.createdById === principal.id,
    };
    if (!contract) {
      try {
        const { id } = await createContract(
          {
            title: party.title,
            partyType: party.partyType,
            partyOfficerId: party.partyOfficerId,
            partyUnit: party.partyUnit,
            officeCode: party.officeCode,
            periodFrom: DEMO_CONTRACT_PERIOD.from,
            periodTo: DEMO_CONTRACT_PERIOD.to,
            templateKey: template.key,
            indicators: await calibratedIndicators(party, template.indicators, principal),
          },
          principal,
        );
        contract = { id, status: "DRAFT", mine: true };
        outcome.created++;
      } catch (error) {
        if (!(error instanceof ContractError) || error.code === "FORBIDDEN") throw error;
        outcome.skipped.push({ party: party.label, reason: error.message });
        continue;
      }
    }
    // Only the seed's own first version is signed: any other draft (an amendment, a manager's own) is someone's work.
    if (contract.status === "DRAFT" && contract.mine) {
      await signContract(contract.id, principal);
      contract.status = "SIGNED";
      outcome.signed++;
    }
    const acknowledger = party.partyOfficerId ? officerAccounts.get(party.partyOfficerId) : undefined;
    if (contract.status === "SIGNED" && acknowledger) {
      await acknowledgeContract(contract.id, acknowledger);
      outcome.acknowledged++;
    }
  }
  outcome.activated = (await activateDueContracts()).length;

  const stored = await db.contract.findMany({
    where: { OR: parties.map(demoContractWhere) },
    select: { contractNo: true, version: true, status: true },
  });
  const latest = new Map<number, { version: number; status: ContractStatus }>();
  for (const c of stored) if ((latest.get(c.contractNo)?.version ?? 0) < c.version) latest.set(c.contractNo, c);
  outcome.contracts = latest.size;
  for (const { status } of latest.values()) outcome.byStatus[status] = (outcome.byStatus[status] ?? 0) + 1;
  return outcome;
}
