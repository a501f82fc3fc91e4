// The least-privileged role the portal and the worker connect as (docs/security.md, V1/V8): it reads and writes the
// data, but cannot UPDATE, DELETE or TRUNCATE the audit log, nor alter or drop its triggers, nor change the schema.
// The owner (who runs the migrations) grants it after every migration; `npm run demo`, the test setups and
// `pmc db reset` call this. Takes its URLs as arguments (no lib/env.ts), so scripts and test setups can use it.
import pg from "pg";

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// The app's URL: the owner's URL with the role as its user (trust or the role's own password, as pg_hba says).
export function appRoleUrl(ownerUrl: string, role: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = "";
  return url.toString();
}

export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`Unexpected role name "${role}"`);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Roles belong to the whole server: several databases (and concurrent test runs) share this one.
    try {
      await client.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`);
    } catch (error) {
      if ((error as { code?: string }).code !== "42710" && (error as { code?: string }).code !== "23505") throw error;
    }
    const { rows } = await client.query<{ db: string; owner: string }>(
      "SELECT current_database() AS db, current_user AS owner",
    );
    const { db, owner } = rows[0]!;
    await client.query(`
      GRANT CONNECT, TEMPORARY ON DATABASE "${db}" TO ${role};
      GRANT USAGE ON SCHEMA public TO ${role};
      REVOKE CREATE ON SCHEMA public FROM ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role};
      ALTER DEFAULT PRIVILEGES FOR ROLE "${owner}" IN SCHEMA public
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
      ALTER DEFAULT PRIVILEGES FOR ROLE "${owner}" IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role};
      -- The audit log is append-only for the portal: the trigger refuses changes, and the role may not even try.
      REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${role};
      REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role};
      -- Prisma's own bookkeeping is the owner's.
      REVOKE INSERT, UPDATE, DELETE ON _prisma_migrations FROM ${role};
    `);
  } finally {
    await client.end();
  }
}
