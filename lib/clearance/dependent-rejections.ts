// Rows rejected only because a row they depend on was rejected (an item whose declaration was rejected, a
// declaration whose officer was): reported as such, with the row that caused them, instead of as unknown
// references. A chain (item → declaration → officer) is traced to its first cause, and the import's quality report
// groups every dependent row under that row (rejectionCauses), so that one bad line is seen as one problem.
//
// The rows rejected while reading a file never reach its staging table: the keys of those of a file that others
// reference (offices, officers, declarations) are kept in stg_rejected_keys. Rows rejected later (duplicates,
// unknown references, dependents) stay in their staging table with their cause in cause_file, cause_line and
// cause_reason.
import "server-only";
import type { PoolClient } from "pg";
import { CANONICAL_FILES, fileSpec, type CanonicalFileSpec } from "@/lib/clearance/canonical-files";
import { stagingTable, type RejectedKey } from "@/lib/clearance/stage-file";
import { storedKeyCheck } from "@/lib/clearance/merge-staged";

export type RejectionCause = {
  file: string;
  line: number;
  reason: string;
  // Rows rejected because of it, per file.
  dependents: Record<string, number>;
};

// Causes listed in the quality report, the most consequential first.
const CAUSES_LISTED = 50;

export async function createRejectedKeysTable(client: PoolClient): Promise<void> {
  await client.query(
    "DROP TABLE IF EXISTS stg_rejected_keys; CREATE TEMP TABLE stg_rejected_keys (file text, key text, line integer, reason text)",
  );
}

export async function storeRejectedKeys(client: PoolClient, spec: CanonicalFileSpec, keys: RejectedKey[]) {
  for (let i = 0; i < keys.length; i += 10_000) {
    const part = keys.slice(i, i + 10_000);
    await client.query(
      `INSERT INTO stg_rejected_keys (file, key, line, reason)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[])`,
      [spec.fileName, part.map((k) => k.key), part.map((k) => k.line), part.map((k) => k.reason)],
    );
  }
}

// Rejects the staged rows of `spec` whose reference points only to rejected rows (neither stored nor accepted in
// this import). Run before the unknown-reference check, in load order, so that the referenced file's own
// rejections are final. Returns how many it rejected: the file's dependent rows, as only it sets their cause.
// emptyAtStart: see storedKeyCheck.
export async function rejectDependents(
  client: PoolClient,
  spec: CanonicalFileSpec,
  emptyAtStart: ReadonlySet<string> = new Set(),
): Promise<number> {
  let rejected = 0;
  for (const ref of spec.references) {
    const target = fileSpec(ref.file);
    const targetStage = stagingTable(target);
    const { rowCount } = await client.query(
      `UPDATE ${stagingTable(spec)} s
          SET reject_column = $1,
              reject_reason = 'rejected only because ' || c.root_file || ' line ' || c.root_line
                              || ' was rejected: ' || c.root_reason,
              cause_file = c.root_file, cause_line = c.root_line, cause_reason = c.root_reason
         FROM (SELECT DISTINCT ON (key) key, root_file, root_line, root_reason
                 FROM (SELECT t.${ref.keyColumn} AS key, coalesce(t.cause_file, $2) AS root_file,
                              coalesce(t.cause_line, t.line) AS root_line,
                              coalesce(t.cause_reason, t.reject_reason) AS root_reason, t.line
                         FROM ${targetStage} t WHERE t.reject_reason IS NOT NULL AND t.${ref.keyColumn} IS NOT NULL
                       UNION ALL
                       SELECT k.key, k.file, k.line, k.reason, k.line FROM stg_rejected_keys k WHERE k.file = $2) x
                ORDER BY key, line) c
        WHERE s.reject_reason IS NULL AND s.${ref.column} = c.key
          ${storedKeyCheck(target, ref.keyColumn, `s.${ref.column}`, emptyAtStart)}
          AND NOT EXISTS (SELECT 1 FROM ${targetStage} r
                           WHERE r.${ref.keyColumn} = s.${ref.column} AND r.reject_reason IS NULL)`,
      [ref.column, target.fileName],
    );
    rejected += rowCount ?? 0;
  }
  return rejected;
}

// Every row that caused others to be rejected, with how many per file, the most consequential first.
// withDependents: the files whose merge rejected dependent rows, when known (the others need no scan); all when not.
export async function rejectionCauses(client: PoolClient, withDependents?: string[]): Promise<RejectionCause[]> {
  const specs = CANONICAL_FILES.filter((spec) => !withDependents || withDependents.includes(spec.fileName));
  if (!specs.length) return [];
  const { rows } = await client.query<{
    cause_file: string;
    cause_line: number;
    cause_reason: string;
    file: string;
    n: number;
  }>(
    specs
      .map(
        (spec) =>
          `SELECT cause_file, cause_line, cause_reason, '${spec.fileName}' AS file, count(*)::int AS n
           FROM ${stagingTable(spec)} WHERE cause_line IS NOT NULL GROUP BY 1, 2, 3`,
      )
      .join(" UNION ALL "),
  );
  const causes = new Map<string, RejectionCause>();
  for (const r of rows) {
    const id = `${r.cause_file}:${r.cause_line}`;
    const cause = causes.get(id) ?? { file: r.cause_file, line: r.cause_line, reason: r.cause_reason, dependents: {} };
    cause.dependents[r.file] = (cause.dependents[r.file] ?? 0) + r.n;
    causes.set(id, cause);
  }
  const total = (c: RejectionCause) => Object.values(c.dependents).reduce((a, b) => a + b, 0);
  return [...causes.values()]
    .sort((a, b) => total(b) - total(a) || a.file.localeCompare(b.file) || a.line - b.line)
    .slice(0, CAUSES_LISTED);
}
