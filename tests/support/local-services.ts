// What the integration and e2e global setups share: a fresh, migrated database on the local server and a Redis
// cleared of one key prefix. Deliberately independent of lib/ (lib/env.ts parses process.env once, at import).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { Redis } from "ioredis";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]", ""]);

// Tests drop and recreate databases: never let them near a server other than this machine's.
export function assertLocalUrl(url: string, what: string): URL {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to run tests against a non-local ${what} (${parsed.hostname}): use 127.0.0.1.`);
  }
  return parsed;
}

// The URL of database `name` on the same local server as `baseUrl` (DATABASE_URL, when set, chooses the server).
export function localDatabaseUrl(name: string, baseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): string {
  const url = assertLocalUrl(baseUrl, "DATABASE_URL");
  url.pathname = `/${name}`;
  return url.toString();
}

export async function recreateDatabase(databaseUrl: string, options: { create?: boolean } = {}): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected database name "${name}"`);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    // FORCE: a worker or server left over from an interrupted run must not keep the old database alive.
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (options.create !== false) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

// Test runs of several engineers share one machine and, unless they choose others, the names pmc_test / pmc_e2e
// (and port 3200): a run holds a session advisory lock named after its database from setup to teardown, and the
// next run waits for it instead of dropping the database under the first one.
export async function lockDatabaseForRun(databaseUrl: string, waitMs = 20 * 60_000): Promise<() => Promise<void>> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const session = new pg.Client({ connectionString: url.toString() });
  await session.connect();
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    const { rows } = await session.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('pmc test run ' || $1)) AS locked",
      [name],
    );
    if (rows[0]!.locked) break;
    if (Date.now() > deadline) {
      await session.end();
      throw new Error(`Another test run still holds ${name} after ${waitMs / 60_000} min`);
    }
    if (!announced) console.log(`[test-setup] another test run is using ${name}: waiting for it to finish`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  return () => session.end(); // closing the session releases the lock
}

export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const prisma = path.join(projectRoot, "node_modules/.bin/prisma");
  try {
    await promisify(execFile)(prisma, ["migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

export async function clearRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  assertLocalUrl(redisUrl, "REDIS_URL");
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
