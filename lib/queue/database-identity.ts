// The identity of the database this process writes to (its database_identity row, made by its migrations). Every
// job carries it, and a worker refuses a job that names another database: a shared queue prefix then costs a log
// line instead of data written to the wrong database.
import "server-only";
import { pool } from "@/lib/pg";

export type DatabaseIdentity = { id: string; name: string };

let cached: Promise<DatabaseIdentity> | undefined;

export function databaseIdentity(): Promise<DatabaseIdentity> {
  cached ??= pool
    .query<DatabaseIdentity>("SELECT id::text AS id, current_database() AS name FROM database_identity LIMIT 1")
    .then(({ rows }) => {
      if (!rows[0]) throw new Error("database_identity is empty: apply the migrations (npm run db:migrate)");
      return rows[0];
    })
    .catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
  return cached;
}
