// Streams one canonical CSV file into its staging table: parse, validate each row, COPY the valid ones, hand the
// invalid ones to the rejected-rows writer. Memory stays flat whatever the file size.
import "server-only";
import type { PoolClient } from "pg";
import { csvRecords } from "@/lib/clearance/csv-records";
import type { CanonicalFileSpec } from "@/lib/clearance/canonical-files";
import { CopyWriter } from "@/lib/clearance/copy-writer";
import { planHeader, recordAsObject, validateRow } from "@/lib/clearance/validate-row";
import type { RejectedRowsWriter } from "@/lib/clearance/rejected-rows";
import type { SourceFile } from "@/lib/clearance/sources";

export type StageResult = {
  read: number;
  rejected: number;
  warnings: string[];
  error: string | null;
  seconds?: number;
};

export function stagingTable(spec: CanonicalFileSpec): string {
  return `stg_${spec.name}`;
}

export async function createStagingTable(client: PoolClient, spec: CanonicalFileSpec): Promise<void> {
  const table = stagingTable(spec);
  const columns = spec.columns.map((c) => `${c.name} ${c.pgType}`).join(", ");
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  // reject_reason/reject_column are filled by the set-based reference checks before the merge; stored marks the
  // accepted rows whose key is already in the target table (lib/clearance/merge-staged.ts), the only ones that can
  // change a stored row.
  await client.query(
    `CREATE TEMP TABLE ${table} (line integer NOT NULL, ${columns}, reject_column text, reject_reason text,
                                 stored boolean NOT NULL DEFAULT false)`,
  );
}

export async function stageFile(
  client: PoolClient,
  spec: CanonicalFileSpec,
  file: SourceFile,
  rejects: RejectedRowsWriter,
  onBytes: (bytes: number) => void,
): Promise<StageResult> {
  const started = performance.now();
  const result: StageResult = { read: 0, rejected: 0, warnings: [], error: null };
  const input = await file.open();
  input.on("data", (chunk: Buffer) => onBytes(chunk.length));

  let header: string[] | null = null;
  let plan: ReturnType<typeof planHeader> | null = null;
  let writer: CopyWriter | null = null;
  const reject = async (line: number, column: string | null, reason: string, values: object) => {
    result.rejected++;
    await rejects.add({ file: file.name, line, column, reason, values });
  };

  try {
    for await (const batch of csvRecords(input)) {
      for (const record of batch) {
        if (!header) {
          header = record.fields.map((h) => h.trim());
          plan = planHeader(spec, header);
          if (plan.unknown.length) result.warnings.push(`unknown columns ignored: ${plan.unknown.join(", ")}`);
          if (plan.missingRequired.length) {
            result.error = `missing required column(s): ${plan.missingRequired.join(", ")}; file not imported`;
            input.destroy();
            return result;
          }
          writer = new CopyWriter(client, stagingTable(spec), ["line", ...spec.columns.map((c) => c.name)]);
          continue;
        }
        result.read++;
        if (record.error) {
          await reject(record.line, null, `malformed CSV: ${record.error}`, {});
          continue;
        }
        const row = validateRow(spec, plan!, record.fields);
        if (row.ok) await writer!.write([record.line, ...row.values]);
        else await reject(record.line, row.column, row.reason, recordAsObject(header, record.fields));
      }
    }
    if (!header) result.error = "empty file: no header row";
  } finally {
    await writer?.end();
    result.seconds = (performance.now() - started) / 1000;
  }
  return result;
}
