// Turns validated contract terms into rows, and rows into the summary the audit log keeps of them.
import "server-only";
import type { Prisma } from "@prisma/client";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import type { ContractInput } from "@/lib/contracts/schema";
import { dayToDate } from "@/lib/kernel/calendar";
import { isoDate } from "@/lib/kernel/calendar";
import { basisOf, type ScoringBasis } from "@/lib/contracts/scoring";

type IndicatorRow = {
  kpiId: string;
  // Absent on a template's indicators, which score the raw value.
  basis?: ScoringBasis;
  threshold: number;
  target: number;
  weight: number;
  minVolume: number;
};

// The direction is the catalogue's, never the form's: a contract cannot turn "lower is better" around.
export function indicatorRows(indicators: IndicatorRow[]): Prisma.ContractIndicatorCreateWithoutContractInput[] {
  return indicators.map((i, position) => ({
    position,
    kpiId: i.kpiId,
    direction: kpiDefinition(i.kpiId as KpiId).direction === "lower" ? "lower" : "higher",
    basis: basisOf(i),
    threshold: i.threshold,
    target: i.target,
    weight: i.weight,
    minVolume: i.minVolume,
  }));
}

export function termsData(input: ContractInput) {
  return {
    title: input.title,
    partyType: input.partyType,
    partyOfficerId: input.partyOfficerId,
    partyUnit: input.partyUnit,
    officeCode: input.officeCode,
    periodFrom: dayToDate(input.periodFrom),
    periodTo: dayToDate(input.periodTo),
    templateKey: input.templateKey,
  };
}

type TermsSummarySource = {
  contractNo: number;
  version: number;
  title: string;
  partyType: string;
  partyOfficerId: string | null;
  partyUnit: string | null;
  officeCode: string;
  periodFrom: Date;
  periodTo: Date;
  principalId: string;
  templateKey: string | null;
  indicators: IndicatorRow[];
};

// What the audit log records of a version's terms: enough to tell later exactly what was agreed.
export function termsSummary(c: TermsSummarySource): Prisma.InputJsonObject {
  return {
    contractNo: c.contractNo,
    version: c.version,
    title: c.title,
    partyType: c.partyType,
    partyOfficerId: c.partyOfficerId,
    partyUnit: c.partyUnit,
    officeCode: c.officeCode,
    periodFrom: isoDate(c.periodFrom),
    periodTo: isoDate(c.periodTo),
    principalId: c.principalId,
    templateKey: c.templateKey,
    indicators: c.indicators.map((i) => ({
      kpiId: i.kpiId,
      // What the threshold and target are in: the raw value or O/E ratios.
      basis: basisOf(i),
      threshold: i.threshold,
      target: i.target,
      weight: i.weight,
      minVolume: i.minVolume,
    })),
  };
}

export const AUDIT_ENTITY = "contract";
