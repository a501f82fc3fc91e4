// What confirmed findings feed back: labelled declarations for the risk-management engine and
// CEN-style offence records. Pure, over closed cases with a confirmed finding and their frozen evidence
// (docs/decisions/023-case-follow-up.md):
// - The declarations of a case are those of its evidence snapshots (each once). Those the finding confirms are
//   illicit: the ones it names, or all of them when it names none. The others are labelled 0.
// - Revenue is the case's tax adjustments, in cents: an adjustment naming a declaration goes to it; one naming none
//   is shared evenly among the case's illicit declarations in declaration-id order, the cents left over going one
//   each to the first ones, so the revenue of a case always sums to its adjustments. Fines are penalties, not
//   revenue, and are not attributed.
// - Labels: one row per declaration over all cases (a declaration in two confirmed cases is illicit if either says
//   so, its revenue summed, its offence codes joined with "|").
// - Offences: one record per illicit declaration and case, dated by the finding (as a CEN record dates the
//   detection), with the declaration's office, the HS code and origin of its goods line, the case's offence code and
//   the revenue attributed to it.
import type { EvidenceSnapshot } from "@/lib/cases/evidence-snapshot";
import { isoDate } from "@/lib/kernel/calendar";

export type ConfirmedCase = {
  id: number;
  findingAt: Date;
  offenceCode: string;
  confirmedDeclIds: readonly string[];
  evidence: readonly Pick<EvidenceSnapshot, "declarations" | "goods">[];
  // Amounts as decimal text ("1234.50"), as PostgreSQL gives them.
  actions: readonly { type: string; amount: string | null; declId: string | null }[];
};

export type LabelRow = { declId: string; illicit: 0 | 1; revenue: number; offenceCode: string };
export type OffenceRow = {
  date: string;
  office: string;
  hsCode: string;
  origin: string;
  offenceType: string;
  amount: number;
  declId: string;
  caseId: number;
};

const cents = (amount: string) => Math.round(Number(amount) * 100);

type CaseDeclaration = { declId: string; office: string; hsCode: string; origin: string };

function caseDeclarations(c: ConfirmedCase): CaseDeclaration[] {
  const byId = new Map<string, CaseDeclaration>();
  for (const snapshot of c.evidence) {
    for (const d of snapshot.declarations) {
      const declId = String(d.decl_id);
      const goods = snapshot.goods[declId];
      const known = byId.get(declId);
      if (!known)
        byId.set(declId, {
          declId,
          office: String(d.office_code ?? ""),
          hsCode: goods?.hsCode ?? "",
          origin: goods?.originCountry ?? "",
        });
      else if (!known.hsCode && goods)
        byId.set(declId, { ...known, hsCode: goods.hsCode, origin: goods.originCountry });
    }
  }
  return [...byId.values()].sort((a, b) => (a.declId < b.declId ? -1 : a.declId > b.declId ? 1 : 0));
}

// Revenue attributed to each illicit declaration of one case, in cents.
export function attributeRevenue(
  illicitDeclIds: readonly string[],
  actions: ConfirmedCase["actions"],
): Map<string, number> {
  const revenue = new Map(illicitDeclIds.map((id) => [id, 0]));
  let shared = 0;
  for (const a of actions) {
    if (a.type !== "TAX_ADJUSTMENT" || a.amount === null) continue;
    if (a.declId !== null && revenue.has(a.declId)) revenue.set(a.declId, revenue.get(a.declId)! + cents(a.amount));
    else shared += cents(a.amount);
  }
  if (shared && illicitDeclIds.length) {
    const each = Math.floor(shared / illicitDeclIds.length);
    const left = shared - each * illicitDeclIds.length;
    illicitDeclIds.forEach((id, i) => revenue.set(id, revenue.get(id)! + each + (i < left ? 1 : 0)));
  }
  return revenue;
}

export function feedbackRows(cases: readonly ConfirmedCase[]): { labels: LabelRow[]; offences: OffenceRow[] } {
  const labels = new Map<string, { illicit: 0 | 1; revenue: number; codes: Set<string> }>();
  const offences: OffenceRow[] = [];
  for (const c of cases) {
    const declarations = caseDeclarations(c);
    const named = new Set(c.confirmedDeclIds);
    const illicit = declarations.filter((d) => named.size === 0 || named.has(d.declId));
    const revenue = attributeRevenue(
      illicit.map((d) => d.declId),
      c.actions,
    );
    for (const d of declarations) {
      const label = labels.get(d.declId) ?? { illicit: 0, revenue: 0, codes: new Set<string>() };
      if (revenue.has(d.declId)) {
        label.illicit = 1;
        label.revenue += revenue.get(d.declId)!;
        label.codes.add(c.offenceCode);
      }
      labels.set(d.declId, label);
    }
    for (const d of illicit) {
      offences.push({
        date: isoDate(c.findingAt),
        office: d.office,
        hsCode: d.hsCode,
        origin: d.origin,
        offenceType: c.offenceCode,
        amount: revenue.get(d.declId)! / 100,
        declId: d.declId,
        caseId: c.id,
      });
    }
  }
  return {
    labels: [...labels.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([declId, l]) => ({
        declId,
        illicit: l.illicit,
        revenue: l.revenue / 100,
        offenceCode: [...l.codes].sort().join("|"),
      })),
    offences: offences.sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.office.localeCompare(b.office) ||
        a.declId.localeCompare(b.declId) ||
        a.caseId - b.caseId,
    ),
  };
}
