// Plain pg pool for set-based SQL (KPIs, imports with COPY). Prisma handles CRUD; analytics go through here.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// Clearance timestamps are office-local wall-clock times without zone; keep them as text ("YYYY-MM-DD HH:MM:SS")
// instead of letting pg reinterpret them in the Node process's time zone.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => v);
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const globalForPg = globalThis as unknown as { pgPool?: pg.Pool };
// JIT off: PostgreSQL compiles a query to machine code when its estimated cost is high, which the KPI sets and
// detection always are, yet they read a few hundred thousand rows. On 1 M declarations the compilation took 1.5 s of
// a quarter's 4.3 s B set, and a quarter's KPI sets and detection took 20.3 s with it against 16.5 s without
// (docs/scaling.md).
export const pool =
  globalForPg.pgPool ?? new pg.Pool({ connectionString: env.DATABASE_URL, max: 8, options: "-c jit=off" });
globalForPg.pgPool = pool;

export async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

export async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(async (client) => {
    await client.query("BEGIN");
    try {
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}
