// Helpers for integration tests that import clearance data into the test database.
import { pool } from "@/lib/pg";

const CLEARANCE_TABLES = [
  "events",
  "inspections",
  "items",
  "declarations",
  "brokers",
  "importers",
  "officers",
  "offices",
  "holidays",
  "exchange_rates",
  "mirror_exports",
];

// Results computed from the clearance data, and contracts that point at its offices and officers.
const DEPENDENT_TABLES = ["contracts", "flags", "detection_tests", "kpi_results", "trs_results", "mirror_results"];

// DELETE rather than TRUNCATE … CASCADE, which would also empty the users table through its office link.
export async function clearClearanceData(): Promise<void> {
  for (const table of [...DEPENDENT_TABLES, ...CLEARANCE_TABLES]) await pool.query(`DELETE FROM ${table}`);
}

export async function tableCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of CLEARANCE_TABLES) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = rows[0]!.n;
  }
  return out;
}

// A digest of every clearance row, to prove that something changed nothing. `ignore`: columns left out, such as the
// import_batch_id that tells which of two imports of the same files stored a declaration.
export async function clearanceDigest(options: { ignore?: string[] } = {}): Promise<string> {
  const parts: string[] = [];
  for (const table of CLEARANCE_TABLES) {
    const { rows } = await pool.query<{ d: string | null }>(
      `SELECT md5(string_agg(r, '|' ORDER BY r)) AS d FROM (SELECT (to_jsonb(t) - $1::text[])::text AS r FROM ${table} t) x`,
      [options.ignore ?? []],
    );
    parts.push(`${table}:${rows[0]!.d}`);
  }
  return parts.join(",");
}
