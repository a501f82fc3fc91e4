// Computes a period's TRS table and stores it in trs_results in place of the period's previous rows, in one
// transaction: a screen reads either the old table or the new one, and running it twice writes the same rows.
import "server-only";
import { inTransaction } from "@/lib/pg";
import { computeTrs, type TrsPeriod } from "@/lib/trs/compute-trs";

export async function computeAndStoreTrs(
  period: TrsPeriod,
  onProgress?: (fraction: number) => Promise<void> | void,
): Promise<{ rows: number }> {
  // Computing is nearly all the work: it reports up to 90 %, storing the rest.
  const rows = await computeTrs(period, { onProgress: (f) => onProgress?.(f * 0.9) });
  await inTransaction(async (client) => {
    // Two runs of one period store one after the other.
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`trs-results:${period.from}:${period.to}`]);
    await client.query("DELETE FROM trs_results WHERE period_from = $1::date AND period_to = $2::date", [
      period.from,
      period.to,
    ]);
    await client.query(
      `INSERT INTO trs_results (period_from, period_to, office_code, lane, interval, count, mean_h, median_h, p90_h, censored,
                                computed_at, last_import_id)
       SELECT $1::date, $2::date, t.office_code, t.lane::"Lane", t.interval, t.count, t.mean_h, t.median_h, t.p90_h, t.censored,
              now(), (SELECT max(id) FROM import_batches WHERE status = 'SUCCEEDED')
         FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::float8[], $8::float8[], $9::float8[], $10::int[])
              AS t(office_code, lane, interval, count, mean_h, median_h, p90_h, censored)`,
      [
        period.from,
        period.to,
        rows.map((r) => r.officeCode),
        rows.map((r) => r.lane),
        rows.map((r) => r.interval),
        rows.map((r) => r.count),
        rows.map((r) => r.meanH),
        rows.map((r) => r.medianH),
        rows.map((r) => r.p90H),
        rows.map((r) => r.censored),
      ],
    );
  });
  await onProgress?.(1);
  return { rows: rows.length };
}
