// The values the contract form starts from: blank for a new contract (starting next month), or a draft's terms.
import "server-only";
import { addMonths } from "@/lib/kernel/calendar";
import type { ContractWithIndicators } from "@/lib/contracts/access";
import { isoDate, todayIso } from "@/lib/kernel/calendar";
import type { ScoringBasis } from "@/lib/contracts/scoring";

export type FormStart = {
  title: string;
  templateKey: string | null;
  party: {
    partyType: "OFFICER" | "UNIT" | "OFFICE";
    officer: { officerId: string; fullName: string; officeCode: string; unit: string } | null;
    officeCode: string;
    unit: string;
  };
  periodFrom: string;
  periodTo: string;
  principalId: string;
  indicators: {
    kpiId: string;
    basis: ScoringBasis;
    threshold: number;
    target: number;
    weight: number;
    minVolume: number;
  }[];
};

export function firstDayOfNextMonth(today = todayIso()): string {
  return `${addMonths(today.slice(0, 7), 1)}-01`;
}

export function blankFormStart(actor: { id: string; officeCode: string | null }): FormStart {
  const from = firstDayOfNextMonth();
  const to = new Date(`${addMonths(from.slice(0, 7), 6)}-01T00:00:00Z`);
  to.setUTCDate(0);
  return {
    title: "",
    templateKey: null,
    party: { partyType: "OFFICER", officer: null, officeCode: actor.officeCode ?? "", unit: "" },
    periodFrom: from,
    periodTo: isoDate(to),
    principalId: actor.id,
    indicators: [{ kpiId: "", basis: "RAW", threshold: Number.NaN, target: Number.NaN, weight: 100, minVolume: 30 }],
  };
}

export function draftFormStart(
  c: ContractWithIndicators & { partyOfficer: { fullName: string; unit: string } | null },
): FormStart {
  return {
    title: c.title,
    templateKey: c.templateKey,
    party: {
      partyType: c.partyType,
      officer:
        c.partyOfficerId && c.partyOfficer
          ? {
              officerId: c.partyOfficerId,
              fullName: c.partyOfficer.fullName,
              officeCode: c.officeCode,
              unit: c.partyOfficer.unit,
            }
          : null,
      officeCode: c.officeCode,
      unit: c.partyUnit ?? "",
    },
    periodFrom: isoDate(c.periodFrom),
    periodTo: isoDate(c.periodTo),
    principalId: c.principalId,
    indicators: c.indicators.map(({ kpiId, basis, threshold, target, weight, minVolume }) => ({
      kpiId,
      basis,
      threshold,
      target,
      weight,
      minVolume,
    })),
  };
}
