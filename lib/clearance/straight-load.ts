// A first load written once (decision 037). A large file bound for a table that was empty when the import began is
// copied straight from its spool into that table, without its indexes, instead of into a staging table first and
// then into the table. The checks that need the staging table's line numbers to name a rejected row only ever
// reject something on files with errors, so they are replaced by one question each: does the loaded file hold a
// duplicate key (the primary key's rebuild fails) or an unknown reference? If it does, the caller rolls back to
// before the load and merges the file through its staging table, which names every rejected line as usual.
import "server-only";
import type { PoolClient } from "pg";
import { fileSpec, type CanonicalFileSpec } from "@/lib/clearance/canonical-files";
import { stagingTable } from "@/lib/clearance/stage-file";
import { isFileKey } from "@/lib/clearance/merge-staged";

// The table's columns in the order of tableCopyText's lines: the file's own, the derived ones, and the import
// batch of a declaration.
export function tableCopyColumns(spec: CanonicalFileSpec): string[] {
  return [
    ...spec.columns.map((c) => c.name),
    ...(spec.derived ?? []).map((d) => d.name),
    ...(tracksBatch(spec) ? ["import_batch_id"] : []),
  ];
}

const tracksBatch = (spec: CanonicalFileSpec) => spec.name === "declarations";

// Whole lines of a spool's COPY text (the file's line number, then its columns) as lines of the table's COPY text
// (tableCopyColumns): without the line number, with the derived prefix and the import batch appended. One
// regular expression over a chunk of thousands of lines, not JavaScript per row.
export function tableCopyText(spec: CanonicalFileSpec, batchId: number): (lines: string) => string {
  const derived = spec.derived ?? [];
  if (derived.length > 1) throw new Error(`${spec.fileName}: only one derived column can be written straight`);
  let pattern = String.raw`^\d+\t`;
  let replacement: string;
  const prefix = derived[0];
  if (prefix) {
    const source = spec.columns.findIndex((c) => c.name === prefix.prefixOf);
    // A prefix of COPY text is the prefix of the value only where the value needs no escape (not free text).
    if (source === -1 || spec.columns[source]!.type === "string") {
      throw new Error(`${spec.fileName}: ${prefix.name} cannot be derived from ${prefix.prefixOf} in COPY text`);
    }
    pattern += String.raw`((?:[^\t\n]*\t){${source}})([^\t\n]{0,${prefix.chars}})([^\n]*)`;
    replacement = "$1$2$3\t$2";
  } else {
    pattern += String.raw`([^\n]*)`;
    replacement = "$1";
  }
  if (tracksBatch(spec)) replacement += `\t${batchId}`;
  const lines = new RegExp(pattern, "gm");
  return (text) => text.replace(lines, replacement);
}

// True when a row of the loaded table names a key its referenced table does not hold. The referenced tables hold
// exactly what this import accepted of their files and what was stored before.
// Millions of rows against the keys of another table: probing its index (over every month partition of the
// declarations) once per row, as PostgreSQL would for an EXISTS that hopes to stop early, takes minutes where one
// hash of the keys takes a second. Inside the import's transaction: a failure's rollback undoes the SET too.
export async function loadedRowsReferToUnknownKeys(client: PoolClient, spec: CanonicalFileSpec): Promise<boolean> {
  await client.query("SET enable_nestloop = off");
  const unknown = await anyUnknownReference(client, spec);
  await client.query("RESET enable_nestloop");
  return unknown;
}

async function anyUnknownReference(client: PoolClient, spec: CanonicalFileSpec): Promise<boolean> {
  for (const ref of spec.references) {
    const target = fileSpec(ref.file);
    const { rows } = await client.query<{ unknown: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${spec.table} s
                       WHERE s.${ref.column} IS NOT NULL
                         AND NOT EXISTS (SELECT 1 FROM ${target.table} t WHERE t.${ref.keyColumn} = s.${ref.column}))
                AS unknown`,
    );
    if (rows[0]!.unknown) return true;
  }
  return false;
}

// Whether the table's primary key is the file's key: then loading or rebuilding it fails on a duplicate.
export async function primaryKeyIsFileKey(client: PoolClient, spec: CanonicalFileSpec): Promise<boolean> {
  const { rows } = await client.query<{ columns: string[] }>(
    `SELECT ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = conrelid AND attnum = ANY (conkey)) AS columns
       FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`,
    [spec.table],
  );
  return rows.some((r) => isFileKey(spec, r.columns));
}

// True when two loaded rows share the file's key. Asked only where the primary key is not that key and so does
// not fail on them (declarations: the key is decl_id, the partitioned table's primary key adds reg_ts).
export async function loadedKeysRepeat(client: PoolClient, spec: CanonicalFileSpec): Promise<boolean> {
  const { rows } = await client.query<{ repeated: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${spec.table} GROUP BY ${spec.key.join(", ")} HAVING count(*) > 1) AS repeated`,
  );
  return rows[0]!.repeated;
}

// After a straight load the table holds exactly the file's accepted rows: its staging table is replaced by a view
// of the table with the staging table's columns, so that what reads staged rows later in the import (the
// references of the next files, the quality report, the affected KPI cells, brokers and importers) reads them there.
export async function stagingViewOfTable(client: PoolClient, spec: CanonicalFileSpec): Promise<void> {
  const stg = stagingTable(spec);
  await client.query(`DROP TABLE ${stg}`);
  await client.query(
    `CREATE TEMP VIEW ${stg} AS
     SELECT 0 AS line, ${spec.columns.map((c) => `${c.name}::${c.pgType} AS ${c.name}`).join(", ")},
            NULL::text AS reject_column, NULL::text AS reject_reason, NULL::text AS cause_file,
            NULL::integer AS cause_line, NULL::text AS cause_reason, false AS stored
       FROM ${spec.table}`,
  );
}
