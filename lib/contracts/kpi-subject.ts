// Whose declarations a contract measures, in the KPI engine's terms (compute-kpis.ts): an officer by id, a unit as
// "OFFICE/UNIT" (its officers together), an office by code.
import type { KpiSubjectType } from "@/lib/kpis/compute-kpis";
import type { PartyType } from "@/lib/contracts/lifecycle";

export type KpiSubject = { type: KpiSubjectType; id: string };

export function kpiSubjectOf(c: {
  partyType: PartyType;
  partyOfficerId: string | null;
  partyUnit: string | null;
  officeCode: string;
}): KpiSubject {
  switch (c.partyType) {
    case "OFFICER":
      if (!c.partyOfficerId) throw new Error("An individual contract without its officer");
      return { type: "officer", id: c.partyOfficerId };
    case "UNIT":
      if (!c.partyUnit) throw new Error("A unit contract without its unit");
      return { type: "unit", id: `${c.officeCode}/${c.partyUnit}` };
    case "OFFICE":
      return { type: "office", id: c.officeCode };
  }
}
