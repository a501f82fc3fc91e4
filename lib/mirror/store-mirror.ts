// Computes a year's mirror table and stores it in mirror_results in place of the year's previous rows, with the
// exchange rate and parameters it used, in one transaction (a screen reads the old table or the new one).
import "server-only";
import { inTransaction } from "@/lib/pg";
import { computeMirrorTable, type MirrorParams } from "@/lib/mirror/compute-mirror";

export async function computeAndStoreMirror(
  params: MirrorParams,
  onProgress?: (fraction: number) => Promise<void> | void,
): Promise<{ rows: number; flagged: number }> {
  await onProgress?.(0.05);
  const table = await computeMirrorTable(params);
  await onProgress?.(0.9);
  const { rows, perUsd, params: used } = table;
  await inTransaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`mirror-results:${params.year}`]);
    await client.query("DELETE FROM mirror_results WHERE year = $1", [params.year]);
    await client.query(
      `INSERT INTO mirror_results (year, partner_country, hs6, x_fob_usd, x_kg, m_fob_usd, m_kg, value_gap_usd, rel_gap, qty_gap,
                                   unit_value_ratio, tax_rate, flagged, revenue_at_stake, per_usd, cif_to_fob, min_export_usd,
                                   min_rel_gap, computed_at, last_import_id)
       SELECT $1, t.*, $15, $16, $17, $18, now(), (SELECT max(id) FROM import_batches WHERE status = 'SUCCEEDED')
         FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[],
                     $10::float8[], $11::float8[], $12::float8[], $13::bool[], $14::float8[]) AS t`,
      [
        params.year,
        rows.map((r) => r.partnerCountry),
        rows.map((r) => r.hs6),
        rows.map((r) => r.xFobUsd),
        rows.map((r) => r.xKg),
        rows.map((r) => r.mFobUsd),
        rows.map((r) => r.mKg),
        rows.map((r) => r.valueGapUsd),
        rows.map((r) => r.relGap),
        rows.map((r) => r.qtyGap),
        rows.map((r) => r.unitValueRatio),
        rows.map((r) => r.taxRate),
        rows.map((r) => r.flagged),
        rows.map((r) => r.revenueAtStake),
        perUsd,
        used.cifToFob,
        used.minExportUsd,
        used.minRelGap,
      ],
    );
  });
  await onProgress?.(1);
  return { rows: rows.length, flagged: rows.filter((r) => r.flagged).length };
}
