// Labels fed back by the follow-up of flags (lib/cases): every closed case with a confirmed finding, through the
// cases module's own rules (feedback-rows.ts, docs/decisions/023-case-follow-up.md), so the risk model learns from
// exactly the labels /api/cases/feedback/labels.csv exports: the declarations the finding confirms are illicit (1),
// the other declarations of the case's evidence were looked at and found clean (0), and revenue is the case's tax
// adjustments attributed to its illicit declarations.
// Unlike that export this reads every office's cases: the risk model and the selectivity tables are computed for the
// whole administration by jobs, and show no case to anyone.
import "server-only";
import { db } from "@/lib/db";
import type { EvidenceSnapshot } from "@/lib/cases/evidence-snapshot";
import { feedbackRows, type LabelRow } from "@/lib/cases/feedback-rows";

export type CaseLabel = LabelRow;

export async function caseFeedbackLabels(): Promise<CaseLabel[]> {
  const cases = await db.case.findMany({
    where: { status: "CLOSED", finding: "CONFIRMED" },
    include: { evidence: { orderBy: { id: "asc" } }, actions: { orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
  });
  return feedbackRows(
    cases.map((c) => ({
      id: c.id,
      findingAt: c.findingAt!,
      offenceCode: c.offenceCode!,
      confirmedDeclIds: c.confirmedDeclIds,
      evidence: c.evidence.map((e) => e.snapshot as unknown as EvidenceSnapshot),
      actions: c.actions.map((a) => ({ type: a.type, amount: a.amount?.toFixed(2) ?? null, declId: a.declId })),
    })),
  ).labels;
}

// The case labels as query parameters: $n text[] of declaration ids, $n+1 int[] illicit, $n+2 float8[] revenue,
// $n+3 text[] offence codes, for `unnest(...) AS case_labels(decl_id, illicit, revenue, offence_code)`.
export function caseLabelArrays(labels: readonly CaseLabel[]): [string[], number[], number[], string[]] {
  return [
    labels.map((l) => l.declId),
    labels.map((l) => l.illicit),
    labels.map((l) => l.revenue),
    labels.map((l) => l.offenceCode),
  ];
}
