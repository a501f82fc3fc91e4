// Reads the KPI values contracts need from kpi_results, computing and storing the cells that are missing or that an
// import since their computation may have changed, so a page or an evaluation always shows the catalogue's value for
// the data as it is now. Missing cells are computed per period for just the subjects asked for
// (recomputeTouchedKpis): one set-based statement per KPI set, however many contracts share the period.
import "server-only";
import { pool } from "@/lib/pg";
import { latestImportId } from "@/lib/clearance/import-batches";
import { recomputeTouchedKpis } from "@/lib/kpis/recompute-touched";
import type { KpiDefinition, KpiId } from "@/lib/kpis/catalogue";
import type { Cell } from "@/lib/kpis/recomputation";
import { periodContains } from "@/lib/kernel/calendar";
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
  return { cells, latestImportId: latest, stale: await findStale(unique, cells, kpiIds, latest) };
}

// The imports that succeeded after `since`, with the KPI cells each changed (null: unknown, so every cell).
type LaterImport = { id: number; cells: Cell[] | null };

async function importsAfter(since: number | null, latest: number | null): Promise<LaterImport[]> {
  if (since === null || latest === null || since >= latest) return [];
  const { rows } = await pool.query<{ id: number; affected_cells: Cell[] | null }>(
    `SELECT id, affected_cells FROM import_batches WHERE status = 'SUCCEEDED' AND id > $1 ORDER BY id`,
    [since],
  );
  return rows.map((r) => ({ id: r.id, cells: r.affected_cells }));
}

// Could this change have moved the request's value? Its month lies in the period and it names the subject, all of
// its type, or (for a unit) any officer, since an officer's change moves their unit.
function touches([type, id, month]: Cell, r: CellRequest): boolean {
  if (month !== "*" && !periodContains(r, month)) return false;
  if (type === "officer" && r.subjectType === "unit") return true;
  return type === r.subjectType && (id === "*" || id === r.subjectId);
}

// A stored value is fresh when it was computed from the latest import's data, or when no import since the one it
// was computed from changed a cell it depends on: a day's import leaves the other months of a contract as they were.
function staleRequests(
  unique: CellRequest[],
  cells: Map<string, CellValues>,
  kpiIds: readonly KpiId[],
  latest: number | null,
  later: LaterImport[],
) {
  const unchangedSince = (r: CellRequest, since: number | null) =>
    since !== null && later.every((i) => i.id <= since || (i.cells !== null && !i.cells.some((c) => touches(c, r))));
  const fresh = (r: CellRequest, values: CellValues | undefined) =>
    values !== undefined &&
    kpiIds.every((k) => {
      const stored = values.get(k);
      return stored !== undefined && (stored.lastImportId === latest || unchangedSince(r, stored.lastImportId));
    });
  return unique.filter((r) => !fresh(r, cells.get(cellKey(r))));
}

async function findStale(
  unique: CellRequest[],
  cells: Map<string, CellValues>,
  kpiIds: readonly KpiId[],
  latest: number | null,
) {
  let oldest: number | null = null;
  for (const values of cells.values()) {
    for (const v of values.values()) {
      if (v.lastImportId !== null && (oldest === null || v.lastImportId < oldest)) oldest = v.lastImportId;
    }
  }
  return staleRequests(unique, cells, kpiIds, latest, await importsAfter(oldest, latest));
}

export async function loadKpiCells(
  requests: CellRequest[],
  kpiIds: readonly KpiId[],
): Promise<Map<string, CellValues>> {
  const unique = uniqueRequests(requests);
  if (!unique.length || !kpiIds.length) return new Map();
  const [latest, cells] = await Promise.all([latestImportId(), readCells(unique, kpiIds)]);
  const stale = await findStale(unique, cells, kpiIds, latest);
  if (!stale.length) return cells;

  // One recomputation per period for the officers, units and offices asked for, reading each KPI set once.
  const periods = new Map<string, { from: string; to: string; touched: Record<KpiSubjectType, Set<string>> }>();
  for (const r of stale) {
    const key = `${r.from}|${r.to}`;
    const entry = periods.get(key) ?? {
      from: r.from,
      to: r.to,
      touched: { officer: new Set<string>(), unit: new Set<string>(), office: new Set<string>() },
    };
    entry.touched[r.subjectType].add(r.subjectId);
    periods.set(key, entry);
  }
  // Only the KPIs asked for: the others of a cell keep their own freshness, checked when they are asked for.
  const only = (k: KpiDefinition) => kpiIds.includes(k.id);
  for (const p of periods.values()) {
    const touched = { officer: [...p.touched.officer], unit: [...p.touched.unit], office: [...p.touched.office] };
    await recomputeTouchedKpis(p, touched, { only });
  }
  const recomputed = await readCells(stale, kpiIds);
  for (const [key, values] of recomputed) cells.set(key, values);
  return cells;
}
