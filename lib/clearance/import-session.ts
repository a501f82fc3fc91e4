// Imports get a connection of their own, not one from the pool: staging tables live in memory only if temp_buffers
// is raised before the session first touches a temporary table, which a pooled connection may already have done.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import "@/lib/pg";

export async function withImportSession<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    // Staging tables of a million declarations and their sorts and hash joins fit in memory on a 24 GB machine.
    // maintenance_work_mem: a first load rebuilds its keys and indexes over millions of rows (merge-staged.ts);
    // with the server's default 64 MB each of those sorts spills to disk in many runs.
    await client.query(
      "SET temp_buffers = '1GB'; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off",
    );
    return await fn(client as unknown as pg.PoolClient);
  } finally {
    await client.end();
  }
}
