// The declarations an officer points at must be members of the disputed KPI's set for that officer and period: the
// rows the value was computed over (its population), read with the catalogue's own set query as the drill-down does
// (lib/kpis/kpi-evidence.ts), so "this declaration counted wrongly" always names one that did count.
import "server-only";
import { pool } from "@/lib/pg";
import { kpiDefinition, type KpiId } from "@/lib/kpis/catalogue";
import { setQuery } from "@/lib/kpis/compute-kpis";
import type { Period } from "@/lib/kernel/calendar";

// The ids among `declIds` that are not in the set, in the order given.
export async function declarationsOutsideSet(
  kpiId: KpiId,
  officerId: string,
  period: Period,
  declIds: string[],
): Promise<string[]> {
  if (!declIds.length) return [];
  const k = kpiDefinition(kpiId);
  // The unused CTE types every parameter, since not every set's query refers to all of them (compute-kpis.ts).
  const sql = `WITH typed_params AS (SELECT $1::date, $2::date, $3::float8, $4::text[])
    SELECT DISTINCT decl_id FROM (${setQuery(k.set, "officer", period)}) r
     WHERE (${k.population}) AND decl_id = ANY ($5::text[])`;
  const { rows } = await pool.query<{ decl_id: string }>(sql.replaceAll(":i9_hours", "$3::float8"), [
    period.from,
    period.to,
    1,
    [officerId],
    declIds,
  ]);
  const inSet = new Set(rows.map((r) => r.decl_id));
  return declIds.filter((id) => !inSet.has(id));
}
