// Reads the KPI values contracts need from kpi_results, computing and storing (computeAndStoreKpis) the cells that
// are missing or were computed before the latest import, so a page or an evaluation always shows the catalogue's
// value for the data as it is now. Missing cells are computed per (subject type, period) for just the subjects
// and KPIs asked for: one set-based query per KPI set, however many contracts share the period.
import "server-only";
import { pool } from "@/lib/pg";
import { computeAndStoreKpis } from "@/lib/kpis/store-kpis";
import type { KpiId } from "@/lib/kpis/catalogue";
import type { KpiSubjectType } from "@/lib/kpis/compute-kpis";
import type { KpiValue } from "@/lib/contracts/build-scorecard";

export type CellRequest = { subjectType: KpiSubjectType; subjectId: string; from: string; to: string };

export type StoredKpi = KpiValue & { kpiId: string; computedAt: Date; lastImportId: number | null };

export type CellValues = Map<string, StoredKpi>;

export const cellKey = (r: CellRequest) => `${r.subjectType}|${r.subjectId}|${r.from}|${r.to}`;

type Row = {
  subject_type: KpiSubjectType;
  subject_id: string;
  period_from: string;
  period_to: string;
  kpi_id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  computed_at: Date;
  last_import_id: number | null;
};

async function latestImportId(): Promise<number | null> {
  const { rows } = await pool.query<{ id: number | null }>(
    `SELECT max(id) AS id FROM import_batches WHERE status = 'SUCCEEDED'`,
  );
  return rows[0]?.id ?? null;
}

async function readCells(requests: CellRequest[], kpiIds: readonly string[]): Promise<Map<string, CellValues>> {
  const { rows } = await pool.query<Row>(
    `SELECT r.subject_type, r.subject_id, r.period_from, r.period_to, r.kpi_id, r.value, r.numerator, r.denominator,
            r.computed_at, r.last_import_id
       FROM kpi_results r
       JOIN unnest($1::"KpiSubjectType"[], $2::text[], $3::date[], $4::date[]) AS q(subject_type, subject_id, period_from, period_to)
         ON r.subject_type = q.subject_type AND r.subject_id = q.subject_id
        AND r.period_from = q.period_from AND r.period_to = q.period_to
      WHERE r.kpi_id = ANY ($5::text[])`,
    [
      requests.map((r) => r.subjectType),
      requests.map((r) => r.subjectId),
      requests.map((r) => r.from),
      requests.map((r) => r.to),
      kpiIds,
    ],
  );
  const cells = new Map<string, CellValues>();
  for (const row of rows) {
    const key = cellKey({
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      from: row.period_from,
      to: row.period_to,
    });
    const values = cells.get(key) ?? new Map<string, StoredKpi>();
    values.set(row.kpi_id, {
      kpiId: row.kpi_id,
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      computedAt: row.computed_at,
      lastImportId: row.last_import_id,
    });
    cells.set(key, values);
  }
  return cells;
}

const uniqueRequests = (requests: CellRequest[]) => [...new Map(requests.map((r) => [cellKey(r), r])).values()];

export type StoredCells = { cells: Map<string, CellValues>; latestImportId: number | null; stale: CellRequest[] };

// Dashboards: the stored cells only, never a computation on page load, with the requests whose cells are missing
// or older than the latest import (the page says they are being brought up to date and queues that).
export async function readStoredKpiCells(requests: CellRequest[], kpiIds: readonly KpiId[]): Promise<StoredCells> {
  const unique = uniqueRequests(requests);
  if (!unique.length || !kpiIds.length) return { cells: new Map(), latestImportId: null, stale: [] };
  const [latest, cells] = await Promise.all([latestImportId(), readCells(unique, kpiIds)]);
  return { cells, latestImportId: latest, stale: staleRequests(unique, cells, kpiIds, latest) };
}

function staleRequests(
  unique: CellRequest[],
  cells: Map<string, CellValues>,
  kpiIds: readonly KpiId[],
  latest: number | null,
) {
  const fresh = (values: CellValues | undefined) =>
    values !== undefined && kpiIds.every((k) => values.has(k) && values.get(k)!.lastImportId === latest);
  return unique.filter((r) => !fresh(cells.get(cellKey(r))));
}

export async function loadKpiCells(
  requests: CellRequest[],
  kpiIds: readonly KpiId[],
): Promise<Map<string, CellValues>> {
  const unique = uniqueRequests(requests);
  if (!unique.length || !kpiIds.length) return new Map();
  const [latest, cells] = await Promise.all([latestImportId(), readCells(unique, kpiIds)]);
  const stale = staleRequests(unique, cells, kpiIds, latest);
  if (!stale.length) return cells;

  const groups = new Map<string, { subjectType: KpiSubjectType; from: string; to: string; ids: string[] }>();
  for (const r of stale) {
    const key = `${r.subjectType}|${r.from}|${r.to}`;
    const group = groups.get(key) ?? { subjectType: r.subjectType, from: r.from, to: r.to, ids: [] };
    group.ids.push(r.subjectId);
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    await computeAndStoreKpis({ from: g.from, to: g.to, subject: g.subjectType, subjectIds: g.ids, kpiIds });
  }
  const recomputed = await readCells(stale, kpiIds);
  for (const [key, values] of recomputed) cells.set(key, values);
  return cells;
}
