// The feedback exports of confirmed findings (feedback-rows.ts): the closed cases with a confirmed finding that the
// user may see (their office's, or all for national analysts and administrators), as tables for tableExportResponse.
import "server-only";
import { db } from "@/lib/db";
import type { ExportTable } from "@/lib/table-export";
import type { CaseActor } from "@/lib/cases/case-rules";
import { caseVisibilityWhere, requireCaseRole } from "@/lib/cases/case-access";
import type { EvidenceSnapshot } from "@/lib/cases/evidence-snapshot";
import { feedbackRows, type ConfirmedCase } from "@/lib/cases/feedback-rows";

async function confirmedCases(actor: CaseActor): Promise<ConfirmedCase[]> {
  requireCaseRole(actor);
  const cases = await db.case.findMany({
    where: { AND: [caseVisibilityWhere(actor), { status: "CLOSED", finding: "CONFIRMED" }] },
    include: { evidence: { orderBy: { id: "asc" } }, actions: { orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
  });
  return cases.map((c) => ({
    id: c.id,
    findingAt: c.findingAt!,
    offenceCode: c.offenceCode!,
    confirmedDeclIds: c.confirmedDeclIds,
    evidence: c.evidence.map((e) => e.snapshot as unknown as EvidenceSnapshot),
    actions: c.actions.map((a) => ({ type: a.type, amount: a.amount?.toFixed(2) ?? null, declId: a.declId })),
  }));
}

export async function labelsTable(actor: CaseActor): Promise<ExportTable> {
  const { labels } = feedbackRows(await confirmedCases(actor));
  return {
    name: "labels",
    columns: ["decl_id", "illicit", "revenue", "offence_code"],
    rows: labels.map((l) => [l.declId, l.illicit, l.revenue, l.offenceCode]),
  };
}

export async function offencesTable(actor: CaseActor): Promise<ExportTable> {
  const { offences } = feedbackRows(await confirmedCases(actor));
  return {
    name: "offences",
    columns: ["date", "office", "hs_code", "origin", "offence_type", "amount"],
    rows: offences.map((o) => [o.date, o.office, o.hsCode, o.origin, o.offenceType, o.amount]),
  };
}
