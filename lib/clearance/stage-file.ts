// Streams one canonical CSV file into its staging table: parse, validate each row, COPY the valid ones, hand the
// invalid ones to the rejected-rows writer. Memory stays flat whatever the file size.
import "server-only";
import type { PoolClient } from "pg";
import { csvRecords } from "@/lib/clearance/csv-records";
import { CANONICAL_FILES, type CanonicalFileSpec } from "@/lib/clearance/canonical-files";
import { copyTextValue, CopyWriter } from "@/lib/clearance/copy-writer";
import { planHeader, recordAsObject, validateRow, type HeaderPlan } from "@/lib/clearance/validate-row";
import { ImportInputError } from "@/lib/clearance/import-input-error";
import type { RejectedRowsWriter } from "@/lib/clearance/rejected-rows";
import type { SourceFile } from "@/lib/clearance/sources";
import { StagedMonths } from "@/lib/clearance/staged-months";
import type { FilledCounts } from "@/lib/clearance/quality-report";

export type StageResult = {
  read: number;
  rejected: number;
  warnings: string[];
  error: string | null;
  seconds?: number;
  // Keys of the rows rejected while reading a file that others reference (lib/clearance/dependent-rejections.ts).
  rejectedKeys?: RejectedKey[];
  // The months of the staged rows' own dates (lib/clearance/staged-months.ts), when the stager noted them.
  months?: string[];
  // The staged rows and their values per column, for the quality report's completeness (quality-report.ts).
  counted?: FilledCounts;
};

export type RejectedKey = { key: string; line: number; reason: string };

// Keys of rejected rows kept per file; beyond, rows that depend on them are reported as unknown references.
const REJECTED_KEYS_KEPT = 1_000_000;
const REFERENCED = new Set(CANONICAL_FILES.flatMap((spec) => spec.references.map((r) => r.file)));

// Where the key of `spec` is in a record read with `plan`, when other files reference `spec`; else -1.
function referencedKeyIndex(spec: CanonicalFileSpec, plan: HeaderPlan): number {
  if (!REFERENCED.has(spec.name) || spec.key.length !== 1) return -1;
  return plan.indexes[spec.columns.findIndex((c) => c.name === spec.key[0])] ?? -1;
}

export function stagingTable(spec: CanonicalFileSpec): string {
  return `stg_${spec.name}`;
}

export async function createStagingTable(client: PoolClient, spec: CanonicalFileSpec): Promise<void> {
  const table = stagingTable(spec);
  const columns = spec.columns.map((c) => `${c.name} ${c.pgType}`).join(", ");
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  // reject_reason/reject_column are filled by the set-based reference checks before the merge; cause_* name the
  // rejected row a dependent row was rejected for (lib/clearance/dependent-rejections.ts); stored marks the accepted
  // rows whose key is already in the target table (lib/clearance/merge-staged.ts), the only ones that can change a
  // stored row.
  await client.query(
    `CREATE TEMP TABLE ${table} (line integer NOT NULL, ${columns}, reject_column text, reject_reason text,
       cause_file text, cause_line integer, cause_reason text, stored boolean NOT NULL DEFAULT false)`,
  );
}

// The columns a staging table is filled with, in the order of the COPY text.
export function stagedColumns(spec: CanonicalFileSpec): string[] {
  return ["line", ...spec.columns.map((c) => c.name)];
}

// Reads and checks one file, handing each valid row, as COPY text, to the writer `open` gives once the header is
// read (straight into the staging table, or into a spool file: lib/clearance/spool-files.ts).
export async function readFile(
  spec: CanonicalFileSpec,
  file: SourceFile,
  rejects: RejectedRowsWriter,
  onBytes: (bytes: number) => void,
  open: () => CopyWriter,
): Promise<StageResult> {
  const started = performance.now();
  const result: StageResult = { read: 0, rejected: 0, warnings: [], error: null };
  const input = await file.open();
  input.on("data", (chunk: Buffer) => onBytes(chunk.length));

  let header: string[] | null = null;
  let plan: HeaderPlan | null = null;
  let keyIndex = -1;
  let writer: CopyWriter | null = null;
  let replaced: { count: number; first: string } | null = null;
  const months = new StagedMonths(spec);
  // Only free text can hold what COPY text escapes: every other type was checked against a pattern without it.
  const escaped = spec.columns.map((c) => c.type === "string");
  const counted: FilledCounts = { rows: 0, filled: spec.columns.map(() => 0) };
  const reject = async (line: number, column: string | null, reason: string, fields: string[]) => {
    result.rejected++;
    const key = keyIndex === -1 ? undefined : fields[keyIndex];
    if (key && (result.rejectedKeys ??= []).length < REJECTED_KEYS_KEPT)
      result.rejectedKeys.push({ key, line, reason });
    await rejects.add({ file: file.name, line, column, reason, values: header ? recordAsObject(header, fields) : {} });
  };

  try {
    for await (const batch of csvRecords(input)) {
      for (const record of batch) {
        if (!header) {
          header = record.fields.map((h) => h.trim());
          plan = planHeader(spec, header);
          if (plan.unknown.length) result.warnings.push(`unknown columns ignored: ${plan.unknown.join(", ")}`);
          // A file without a required column cannot be read: the whole import fails and stores nothing, rather
          // than rejecting every row of the files that depend on it.
          if (plan.missingRequired.length) {
            input.destroy();
            throw new ImportInputError(`${file.name}: missing required column(s): ${plan.missingRequired.join(", ")}`);
          }
          keyIndex = referencedKeyIndex(spec, plan);
          writer = open();
          continue;
        }
        result.read++;
        if (record.error) {
          // What was read of the line before its quote opened, so that the rows depending on it are traced to it.
          await reject(record.line, null, `malformed CSV: ${record.error}`, record.fields);
          continue;
        }
        const row = validateRow(spec, plan!, record.fields);
        if (!row.ok) {
          await reject(record.line, row.column, row.reason, record.fields);
          continue;
        }
        if (row.replacedIn) {
          replaced ??= { count: 0, first: `line ${record.line}, ${row.replacedIn}` };
          replaced.count++;
        }
        months.add(row.values);
        counted.rows++;
        // The values are done with: they become their COPY text in place, one join makes the row.
        const cells = row.values;
        for (let i = 0; i < cells.length; i++) {
          const value = cells[i]!;
          if (value === null) {
            cells[i] = "\\N";
            continue;
          }
          counted.filled[i]!++;
          if (escaped[i]) cells[i] = copyTextValue(value);
        }
        const wait = writer!.writeText(`${record.line}\t${cells.join("\t")}`);
        if (wait) await wait;
      }
    }
    if (!header) throw new ImportInputError(`${file.name}: empty file, no header row`);
    result.months = months.months();
    result.counted = counted;
    if (replaced) {
      result.warnings.push(
        `invalid UTF-8 in free text replaced by \uFFFD in ${replaced.count} row(s) (first: ${replaced.first})`,
      );
    }
  } finally {
    await writer?.end();
    result.seconds = (performance.now() - started) / 1000;
  }
  return result;
}
