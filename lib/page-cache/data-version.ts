// The version of the portal's own data: a counter that every committed transaction changing what the pages show
// moves by one, kept by triggers (migration data_version_for_page_cache). Writes to the audit log, sign-ins and
// the progress of running jobs do not move it; neither does anything in another database of the server.
import "server-only";
import { pool } from "@/lib/pg";

export async function readDataVersion(): Promise<string> {
  const { rows } = await pool.query<{ version: string }>(
    "SELECT version::text AS version FROM data_version WHERE id = 1",
  );
  return rows[0]?.version ?? "0";
}
