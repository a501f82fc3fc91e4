// The drill-down of one KPI value for one subject and period, for the user asking: refused (AppError FORBIDDEN)
// outside their scope, otherwise the value as computeKpis gives it and one page of the rows behind it
// (kpiEvidence), which add up to that value (total = denominator, rows in the numerator = numerator).
import "server-only";
import { kpiDefinition, type KpiDefinition } from "@/lib/kpis/catalogue";
import { computeKpis, type KpiRow } from "@/lib/kpis/compute-kpis";
import { kpiEvidence, type EvidenceRow } from "@/lib/kpis/kpi-evidence";
import type { Viewer } from "@/lib/auth/session-user";
import { assertSubjectVisible } from "@/lib/explore/assert-subject-visible";
import type { KpiDrilldownInput } from "@/lib/explore/schema";

export const DRILLDOWN_PAGE_SIZE = 50;

export type KpiDrilldown = {
  kpi: KpiDefinition;
  value: KpiRow | null;
  rows: EvidenceRow[];
  // Rows matching the filter (all or numerator only), and the numerator among them.
  total: number;
  numerator: number;
  page: number;
  pageSize: number;
  pageCount: number;
  // Whether a numerator/all filter means anything for this KPI (count ratios only).
  filterable: boolean;
};

export async function kpiDrilldown(
  user: Viewer,
  input: KpiDrilldownInput,
  pageSize = DRILLDOWN_PAGE_SIZE,
): Promise<KpiDrilldown> {
  await assertSubjectVisible(user, input.type, input.id);
  const kpi = kpiDefinition(input.kpi);
  const filterable = kpi.numerator !== undefined && "count" in kpi.numerator;
  const only = filterable ? input.only : "all";
  const [values, evidence] = await Promise.all([
    computeKpis({ from: input.from, to: input.to, subject: input.type, subjectIds: [input.id], kpiIds: [input.kpi] }),
    kpiEvidence({
      kpiId: input.kpi,
      subjectType: input.type,
      subjectId: input.id,
      from: input.from,
      to: input.to,
      only,
      page: input.page,
      pageSize,
      sort: input.sort,
      declPrefix: input.q,
    }),
  ]);
  return {
    kpi,
    value: values[0] ?? null,
    rows: evidence.rows,
    total: evidence.total,
    numerator: evidence.numerator,
    page: input.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(evidence.total / pageSize)),
    filterable,
  };
}

// Every row of the drill-down, page by page (for exports), after the same scope check.
export async function* allDrilldownRows(user: Viewer, input: KpiDrilldownInput): AsyncGenerator<EvidenceRow[]> {
  await assertSubjectVisible(user, input.type, input.id);
  const kpi = kpiDefinition(input.kpi);
  const only = kpi.numerator && "count" in kpi.numerator ? input.only : "all";
  const pageSize = 500;
  for (let page = 1; ; page++) {
    const { rows, total } = await kpiEvidence({
      kpiId: input.kpi,
      subjectType: input.type,
      subjectId: input.id,
      from: input.from,
      to: input.to,
      only,
      page,
      pageSize,
      sort: input.sort,
      declPrefix: input.q,
    });
    if (rows.length) yield rows;
    if (page * pageSize >= total || rows.length === 0) return;
  }
}

// The column names of a KPI's rows, in the order kpiEvidence returns them.
export function drilldownColumns(rows: EvidenceRow[]): string[] {
  return rows[0] ? Object.keys(rows[0]) : [];
}
