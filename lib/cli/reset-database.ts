// pmc db reset --yes: drop and recreate the schema of DATABASE_URL, then apply every migration.
import { spawnSync } from "node:child_process";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";
import type { CliOptions } from "@/lib/cli/options";

export async function resetDatabase(options: CliOptions): Promise<number> {
  const target = new URL(env.DATABASE_URL);
  if (options.yes !== true) {
    throw new Error(`refusing to drop every table of ${target.host}${target.pathname} without --yes`);
  }
  process.stderr.write(`resetting ${target.host}${target.pathname}\n`);
  await pool.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await pool.end();
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
  });
  if (result.status !== 0) throw new Error("prisma migrate deploy failed");
  process.stderr.write("schema recreated and migrated\n");
  return 0;
}
