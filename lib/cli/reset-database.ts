// pmc db reset --yes: drop and recreate the schema, then apply every migration, as the schema's owner
// (DATABASE_OWNER_URL, else DATABASE_URL); the portal's own role, when it is another, is granted again.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { env, ownerDatabaseUrl } from "@/lib/env";
import { grantAppRole } from "@/lib/database/app-role";
import type { CliOptions } from "@/lib/cli/options";

export async function resetDatabase(options: CliOptions): Promise<number> {
  const owner = ownerDatabaseUrl();
  const target = new URL(owner);
  if (options.yes !== true) {
    throw new Error(`refusing to drop every table of ${target.host}${target.pathname} without --yes`);
  }
  process.stderr.write(`resetting ${target.host}${target.pathname}\n`);
  const client = new pg.Client({ connectionString: owner });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: owner },
  });
  if (result.status !== 0) throw new Error("prisma migrate deploy failed");
  const appRole = decodeURIComponent(new URL(env.DATABASE_URL).username);
  if (appRole && appRole !== decodeURIComponent(target.username)) await grantAppRole(owner, appRole);
  process.stderr.write("schema recreated and migrated\n");
  return 0;
}
