// pmc db backup FILE / pmc db restore FILE [--yes]: the portal's schema to a pg_dump file with its sha256, and back
// (docs/cli.md). Both run as the schema's owner (DATABASE_OWNER_URL, else DATABASE_URL); a restore then grants the
// portal's own role again when it connects as another one.
import path from "node:path";
import { env, ownerDatabaseUrl } from "@/lib/env";
import { backupDatabase, restoreDatabase, tableDigests } from "@/lib/database/backup";
import { grantAppRole } from "@/lib/database/app-role";
import type { CliOptions } from "@/lib/cli/options";

function fileArgument(options: CliOptions): string {
  const file = options.operand;
  if (typeof file !== "string" || file === "") throw new Error("give the backup file: pmc db backup|restore FILE");
  return path.resolve(file);
}

const where = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
};

export async function runBackupCommand(options: CliOptions): Promise<number> {
  const file = fileArgument(options);
  process.stderr.write(`backing up ${where(ownerDatabaseUrl())}\n`);
  const { sha256, bytes } = await backupDatabase(ownerDatabaseUrl(), file);
  const tables = Object.keys(await tableDigests(ownerDatabaseUrl())).length;
  process.stdout.write(`backup ${file} bytes=${bytes} tables=${tables} sha256=${sha256}\n`);
  return 0;
}

export async function runRestoreCommand(options: CliOptions): Promise<number> {
  const file = fileArgument(options);
  const owner = ownerDatabaseUrl();
  process.stderr.write(`restoring ${path.basename(file)} into ${where(owner)}\n`);
  const { sha256 } = await restoreDatabase(owner, file, { replace: options.yes === true });
  const appRole = decodeURIComponent(new URL(env.DATABASE_URL).username);
  if (appRole && appRole !== decodeURIComponent(new URL(owner).username)) await grantAppRole(owner, appRole);
  const digests = await tableDigests(owner);
  const rows = Object.values(digests).reduce((sum, t) => sum + t.rows, 0);
  process.stdout.write(`restored ${file} tables=${Object.keys(digests).length} rows=${rows} sha256=${sha256}\n`);
  return 0;
}
