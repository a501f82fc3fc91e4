// Backups of the portal's schema (everything in `public`, the migrations' record included) with pg_dump's custom
// format, each with a sha256 beside it (FILE.sha256, in sha256sum's format) that a restore checks before touching
// the database. Takes its URLs as arguments: the CLI passes the owner's (lib/cli/database-backup-command.ts).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const digestFile = (file: string) => `${file}.sha256`;

function requireTool(name: "pg_dump" | "pg_restore"): void {
  if (spawnSync("sh", ["-c", `command -v ${name}`]).status !== 0) {
    throw new Error(
      `${name} is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`,
    );
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr.trim().slice(-2000)}`)),
    );
  });
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function backupDatabase(ownerUrl: string, file: string): Promise<{ sha256: string; bytes: number }> {
  requireTool("pg_dump");
  // No owner or grants in the file: a restore makes the restoring owner own everything, then grants the app role.
  await run("pg_dump", [
    "--format=custom",
    "--schema=public",
    "--no-owner",
    "--no-privileges",
    "--file",
    file,
    ownerUrl,
  ]);
  const sha256 = await sha256OfFile(file);
  await writeFile(digestFile(file), `${sha256}  ${path.basename(file)}\n`);
  return { sha256, bytes: (await stat(file)).size };
}

async function schemaIsEmpty(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
  );
  return rows[0]!.n === 0;
}

export async function restoreDatabase(
  ownerUrl: string,
  file: string,
  options: { replace: boolean },
): Promise<{ sha256: string }> {
  requireTool("pg_restore");
  const expected = (await readFile(digestFile(file), "utf8").catch(() => "")).split(/\s+/)[0] ?? "";
  if (!/^[0-9a-f]{64}$/.test(expected)) throw new Error(`no digest beside the backup: ${digestFile(file)} is missing`);
  const actual = await sha256OfFile(file);
  if (actual !== expected)
    throw new Error(`the backup does not match its digest (sha256 ${actual}, expected ${expected})`);

  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    if (!(await schemaIsEmpty(client)) && !options.replace) {
      throw new Error("the database is not empty: restore into an empty database, or add --yes to replace its schema");
    }
    // The dump creates the schema itself.
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
  } finally {
    await client.end();
  }
  await run("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    "--dbname",
    ownerUrl,
    file,
  ]);
  return { sha256: actual };
}

// One digest per table of the schema: its row count and the md5 of its rows in a fixed order, to compare two
// databases (a restore with its source).
export async function tableDigests(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; md5: string | null }>(
        `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM "${name}" t`,
      );
      out[name] = { rows: rows[0]!.rows, md5: rows[0]!.md5 ?? "" };
    }
    return out;
  } finally {
    await client.end();
  }
}
