// Set-based end of an import, inside one transaction: reject duplicate keys and rows whose references are unknown
// (neither stored nor accepted in this import), then upsert every accepted row. Rows whose values are unchanged are
// left alone, so importing the same files twice changes nothing.
import "server-only";
import type { PoolClient } from "pg";
import type { CanonicalFileSpec } from "@/lib/clearance/canonical-files";
import { fileSpec } from "@/lib/clearance/canonical-files";
import { stagingTable } from "@/lib/clearance/stage-file";

export type MergeCounts = { rejected: number; inserted: number; updated: number; unchanged: number };

// Hash aggregation on the key finds the few duplicates without sorting millions of rows. Five million staged events
// make a hash table larger than the session's work_mem, which then spills to disk and takes many times longer: the
// statement gets four times as much memory for its hash tables (about 1 GB inside PostgreSQL, not in Node).
// Returns how many rows it rejected.
export async function rejectDuplicateKeys(client: PoolClient, spec: CanonicalFileSpec): Promise<number> {
  const stg = stagingTable(spec);
  const keyOf = (alias: string) =>
    spec.key.map((k) =>
      spec.columns.find((c) => c.name === k)?.nullAs ? `coalesce(${alias}.${k}, '')` : `${alias}.${k}`,
    );
  // Inside the import's transaction: should the statement fail, the rollback undoes the SET too.
  await client.query("SET hash_mem_multiplier = 4");
  const rejected = await findDuplicates();
  await client.query("RESET hash_mem_multiplier");
  return rejected;

  async function findDuplicates() {
    const { rowCount } = await client.query(`
    UPDATE ${stg} s
       SET reject_column = '${spec.key.join(", ")}',
           reject_reason = 'duplicate key: the same ${spec.key.join(" + ")} is on line ' || d.first_line || ' of this file'
      FROM (SELECT ${keyOf("x")
        .map((k, i) => `${k} AS k${i}`)
        .join(", ")}, min(x.line) AS first_line
              FROM ${stg} x WHERE x.reject_reason IS NULL GROUP BY ${keyOf("x").join(", ")} HAVING count(*) > 1) d
     WHERE ${keyOf("s")
       .map((k, i) => `${k} = d.k${i}`)
       .join(" AND ")}
       AND s.line <> d.first_line AND s.reject_reason IS NULL`);
    return rowCount ?? 0;
  }
}

// Returns how many rows it rejected. emptyAtStart: see storedKeyCheck.
export async function rejectUnknownReferences(
  client: PoolClient,
  spec: CanonicalFileSpec,
  emptyAtStart: ReadonlySet<string> = new Set(),
): Promise<number> {
  let rejected = 0;
  for (const ref of spec.references) {
    const target = fileSpec(ref.file);
    const { rowCount } = await client.query(`
      UPDATE ${stagingTable(spec)} s
         SET reject_column = '${ref.column}',
             reject_reason = 'unknown ${ref.column} "' || s.${ref.column} || '": not in ${target.fileName} (stored or accepted in this import)'
       WHERE s.reject_reason IS NULL AND s.${ref.column} IS NOT NULL
         ${storedKeyCheck(target, ref.keyColumn, `s.${ref.column}`, emptyAtStart)}
         AND NOT EXISTS (SELECT 1 FROM ${stagingTable(target)} r
                          WHERE r.${ref.keyColumn} = s.${ref.column} AND r.reject_reason IS NULL)`);
    rejected += rowCount ?? 0;
  }
  return rejected;
}

// "Not among the stored rows of `target`": left out when its table was empty when the import began, for then what
// it holds now are the rows this import accepted from its staging table, which the check beside it already looks
// at (on a first load, reading a million declarations once more per file that references them).
export function storedKeyCheck(
  target: CanonicalFileSpec,
  keyColumn: string,
  value: string,
  emptyAtStart: ReadonlySet<string>,
): string {
  if (emptyAtStart.has(target.table)) return "";
  return `AND NOT EXISTS (SELECT 1 FROM ${target.table} t WHERE t.${keyColumn} = ${value})`;
}

// rejected: how many staged rows the checks above rejected, the sum of their counts (no scan for none).
export async function storeSetRejections(
  client: PoolClient,
  spec: CanonicalFileSpec,
  batchId: number,
  rejected: number,
): Promise<number> {
  if (rejected === 0) return 0;
  // json_build_object keeps the file's column order for the download (jsonb would sort the keys).
  const values = spec.columns
    .map(
      (c) =>
        `'${c.name}', ${c.pgType.startsWith("timestamp") ? `to_char(${c.name}, 'YYYY-MM-DD HH24:MI:SS')` : c.name}`,
    )
    .join(", ");
  const { rowCount } = await client.query(
    `INSERT INTO import_rejected_rows (batch_id, file, line, "column", reason, "values")
     SELECT $1, $2, line, reject_column, reject_reason, json_build_object(${values})
       FROM ${stagingTable(spec)} s WHERE reject_reason IS NOT NULL`,
    [batchId, spec.fileName],
  );
  return rowCount ?? 0;
}

// How a staged row (alias s) maps onto its stored row (alias t): target columns, the staged expressions for them,
// the key match and the compared (non-key) columns.
export function rowComparison(spec: CanonicalFileSpec) {
  const targets = [...spec.columns.map((c) => c.name), ...(spec.derived ?? []).map((d) => d.name)];
  const sources = [
    ...spec.columns.map((c) => (c.nullAs ? `coalesce(s.${c.name}, ${c.nullAs})` : `s.${c.name}`)),
    ...(spec.derived ?? []).map((d) => `left(s.${d.prefixOf}, ${d.chars})`),
  ];
  const keyMatch = spec.key.map((k) => `t.${k} = ${sources[targets.indexOf(k)]}`).join(" AND ");
  const compared = targets.map((t, i) => [t, sources[i]!] as const).filter(([t]) => !spec.key.includes(t));
  return { targets, sources, keyMatch, compared };
}

// True for a staged row that is new or differs from the row it would replace.
export function stagedRowChanges(spec: CanonicalFileSpec): string {
  const { keyMatch, compared } = rowComparison(spec);
  const same = compared.length
    ? ` AND (${compared.map(([t]) => `t.${t}`).join(", ")}) IS NOT DISTINCT FROM (${compared.map(([, src]) => src).join(", ")})`
    : "";
  return `NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE ${keyMatch}${same})`;
}

// A day's rows against a table of millions: PostgreSQL's costs (random reads of every month partition's key index)
// make it hash the whole table to find a few thousand keys, six times slower here than probing the indexes of a
// table that sits in memory. Statements that only join staged rows to stored tables by their keys run with hash
// and merge joins off when the staged rows are fewer than a tenth of the stored ones.
const PROBE_SHARE = 0.1;

export async function withKeyProbes<T>(
  client: PoolClient,
  spec: CanonicalFileSpec,
  work: () => Promise<T>,
): Promise<T> {
  const { rows } = await client.query<{ staged: number; stored: number }>(
    // Both sizes from the statistics (the staging tables are analyzed once staged): no count of millions of rows.
    `SELECT (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = '${stagingTable(spec)}'::regclass)::float8 AS staged,
            (SELECT coalesce(sum(greatest(c.reltuples, 0)), 0) FROM pg_class c
              WHERE c.oid = $1::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = $1::regclass))::float8
              AS stored`,
    [spec.table],
  );
  const { staged, stored } = rows[0]!;
  if (staged >= PROBE_SHARE * stored) return work();
  // Inside the import's transaction: should the work fail, the rollback undoes the SET too (and a RESET in an
  // aborted transaction would only hide the error).
  await client.query("SET enable_hashjoin = off; SET enable_mergejoin = off");
  const result = await work();
  await client.query("RESET enable_hashjoin; RESET enable_mergejoin");
  return result;
}

// Marks the accepted staged rows whose key is already stored: one index probe per staged row, so a day's file
// costs in proportion to the day. Everything after it treats the others as new without looking again: they need
// no comparison, no replaced row and no existence check on insert. Returns how many are stored.
export async function markStoredRows(client: PoolClient, spec: CanonicalFileSpec): Promise<number> {
  if (await tableIsEmpty(client, spec.table)) return 0;
  const { keyMatch } = rowComparison(spec);
  const { rowCount } = await client.query(
    `UPDATE ${stagingTable(spec)} s SET stored = true
      WHERE s.reject_reason IS NULL AND EXISTS (SELECT 1 FROM ${spec.table} t WHERE ${keyMatch})`,
  );
  return rowCount ?? 0;
}

// Update-then-insert by key rather than INSERT … ON CONFLICT: declarations are partitioned by month, and a
// partitioned table cannot have a unique index on decl_id alone. Imports run one at a time, so the two steps
// cannot interleave with another writer.
// `stored`: how many accepted rows markStoredRows found already stored. `rebuild` runs the statements that build
// the keys and indexes dropped for a bulk load (the caller times it apart).
export async function upsertAccepted(
  client: PoolClient,
  spec: CanonicalFileSpec,
  batchId: number,
  stored: number,
  rebuild: (statements: string[]) => Promise<void>,
): Promise<{ accepted: number; inserted: number; updated: number }> {
  const stg = stagingTable(spec);
  const { targets, sources, keyMatch, compared } = rowComparison(spec);
  const tracksBatch = spec.name === "declarations";
  const accepted = `s.reject_reason IS NULL`;

  if (tracksBatch) {
    await client.query(
      `SELECT ensure_declaration_partitions(min(reg_ts), max(reg_ts)) FROM ${stg} s WHERE ${accepted}`,
    );
  }
  // Loading into an empty table (a first import): nothing to update and nothing to look up.
  const empty = await tableIsEmpty(client, spec.table);
  let updated = 0;
  if (compared.length && stored > 0) {
    const sets = [...compared.map(([t, src]) => `${t} = ${src}`), ...(tracksBatch ? ["import_batch_id = $1"] : [])];
    const result = await client.query(
      `UPDATE ${spec.table} t SET ${sets.join(", ")} FROM ${stg} s
        WHERE ${accepted} AND s.stored AND ${keyMatch}
          AND (${compared.map(([t]) => `t.${t}`).join(", ")}) IS DISTINCT FROM (${compared.map(([, src]) => src).join(", ")})`,
      tracksBatch ? [batchId] : [],
    );
    updated = result.rowCount ?? 0;
  }
  // A bulk load into an empty table builds its indexes, the primary key's included, once at the end: much faster
  // than maintaining them row by row. The staged rows' keys were already found unique (rejectDuplicateKeys), and
  // the key is rebuilt, and so checked again, before the transaction commits.
  const plan = empty ? await bulkLoadPlan(client, spec.table, await stagedRowEstimate(client, spec)) : null;
  const dropped = plan ? await dropForBulkLoad(client, spec.table, plan) : [];
  const inserted = await client.query(
    `INSERT INTO ${spec.table} (${[...targets, ...(tracksBatch ? ["import_batch_id"] : [])].join(", ")})
     SELECT ${[...sources, ...(tracksBatch ? ["$1::int"] : [])].join(", ")} FROM ${stg} s
      WHERE ${accepted} AND NOT s.stored`,
    tracksBatch ? [batchId] : [],
  );
  await rebuild(dropped);
  // With nothing stored, every accepted row was inserted: no need to count millions of staged rows again.
  if (stored === 0) return { accepted: inserted.rowCount ?? 0, inserted: inserted.rowCount ?? 0, updated };
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${stg} s WHERE ${accepted}`);
  return { accepted: rows[0]!.n, inserted: inserted.rowCount ?? 0, updated };
}

// Brokers and importers have no file of their own: they are the distinct ids the declarations name.
export async function upsertParties(client: PoolClient): Promise<void> {
  const stg = stagingTable(fileSpec("declarations"));
  await client.query(`INSERT INTO brokers (broker_id)
    SELECT DISTINCT broker_id FROM ${stg} WHERE reject_reason IS NULL AND broker_id IS NOT NULL
    ON CONFLICT DO NOTHING`);
  await client.query(`INSERT INTO importers (importer_id)
    SELECT DISTINCT importer_id FROM ${stg} WHERE reject_reason IS NULL AND importer_id IS NOT NULL
    ON CONFLICT DO NOTHING`);
}

export async function tableIsEmpty(client: PoolClient, table: string): Promise<boolean> {
  const { rows } = await client.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`);
  return rows[0]!.empty;
}

const BULK_LOAD_ROWS = 50_000;

export type BulkLoadPlan = { keys: { conname: string; definition: string; columns: string[] }[]; indexes: IndexRow[] };
type IndexRow = { indexname: string; indexdef: string };

// The staging table's size from its statistics (it was analyzed once staged): a threshold needs no exact count.
async function stagedRowEstimate(client: PoolClient, spec: CanonicalFileSpec): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = '${stagingTable(spec)}'::regclass`,
  );
  return rows[0]!.n;
}

// What a load of `rows` rows into the empty `table` may drop and build again afterwards: its indexes, its own
// foreign keys (checked then in one join rather than row by row) and its primary key when no foreign key points to
// it; keys listed primary first. Null when the load is small or the importing role does not own the
// table: the portal's least-privileged role (the worker's uploads) loads with the indexes in place, and an
// operator's first load with DATABASE_URL set to the owner gets the faster path (docs/scaling.md).
export async function bulkLoadPlan(client: PoolClient, table: string, rows: number): Promise<BulkLoadPlan | null> {
  if (rows < BULK_LOAD_ROWS) return null;
  const { rows: owner } = await client.query<{ owns: boolean }>(
    `SELECT pg_has_role(current_user, relowner, 'USAGE') AS owns FROM pg_class WHERE oid = $1::regclass`,
    [table],
  );
  if (!owner[0]?.owns) return null;
  const { rows: keys } = await client.query<{ conname: string; definition: string; columns: string[] }>(
    `SELECT conname, pg_get_constraintdef(oid) AS definition,
            ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = conrelid AND attnum = ANY (conkey)) AS columns
       FROM pg_constraint
      WHERE conrelid = $1::regclass
        AND (contype = 'f'
             OR contype = 'p'
                AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = $1::regclass))
      ORDER BY contype = 'f'`,
    [table],
  );
  const { rows: indexes } = await client.query<IndexRow>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = $1
        AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass)`,
    [table],
  );
  return { keys, indexes };
}

// True when loading `spec` into its empty table (the caller knows it is) will rebuild a primary key on exactly the
// file's key after the rows are in: that build fails on any duplicate, so the staged rows need not be grouped by
// key beforehand (the grouping of five million events is a tenth of a first load). The caller tries without the duplicate check and, should the key's build
// fail, rolls back to before it and merges the file again with the check, which then names each duplicate line.
export async function duplicatesCaughtByKeyRebuild(client: PoolClient, spec: CanonicalFileSpec): Promise<boolean> {
  if (spec.columns.some((c) => c.nullAs && spec.key.includes(c.name))) return false;
  const plan = await bulkLoadPlan(client, spec.table, await stagedRowEstimate(client, spec));
  return plan?.keys.some((k) => isFileKey(spec, k.columns)) ?? false;
}

// Whether `columns` are the file's key, in any order.
export function isFileKey(spec: CanonicalFileSpec, columns: string[]): boolean {
  return [...columns].sort().join(",") === [...spec.key].sort().join(",");
}

// Drops what bulkLoadPlan allows, returning the statements that build it again, in the same transaction.
export async function dropForBulkLoad(client: PoolClient, table: string, plan: BulkLoadPlan): Promise<string[]> {
  for (const key of plan.keys) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT "${key.conname}"`);
  for (const index of plan.indexes) await client.query(`DROP INDEX "${index.indexname}"`);
  return [
    ...plan.keys.map((key) => `ALTER TABLE ${table} ADD CONSTRAINT "${key.conname}" ${key.definition}`),
    // A partitioned table lists its indexes "ON ONLY" the parent; recreated without ONLY they cover every partition.
    ...plan.indexes.map((index) => index.indexdef.replace(" ON ONLY ", " ON ")),
  ];
}
