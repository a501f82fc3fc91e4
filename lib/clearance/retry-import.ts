// Retry of a failed import (the Data page's "Retry" button): the batch is queued again at once under a new job id,
// with a fresh attempt budget, whatever the queue still remembers of its earlier jobs.
import "server-only";
import { pool } from "@/lib/pg";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/kernel/domain-error";
import { JOB_TABLE_SPECS, ROW_COLUMNS, dispatchJobRow, toJobRow } from "@/lib/queue/job-state";

export async function retryImportBatch(batchId: number, actorId: string | null): Promise<void> {
  const { rows } = await pool.query(
    `UPDATE import_batches SET status = 'QUEUED', attempts = 0, generation = generation + 1, error = NULL,
            progress = 0, phase = NULL, owner = NULL, heartbeat_at = NULL, started_at = NULL, finished_at = NULL
      WHERE id = $1 AND status = 'FAILED'
      RETURNING ${ROW_COLUMNS}${JOB_TABLE_SPECS.import_batches.extraColumns}`,
    [batchId],
  );
  // Messages of "data.errors".
  if (!rows[0]) throw new DomainError("CONFLICT", "notFailed");
  const row = toJobRow("import_batches", rows[0]);
  await writeAudit({
    actorId,
    action: "import.retried",
    entityType: "import",
    entityId: String(batchId),
    data: { generation: row.generation },
  });
  await dispatchJobRow(row);
}
