// Producer side: validate the payload, record the job's state in PostgreSQL, then add it to the queue under its
// deterministic job id, so a double submit is one job. PostgreSQL owns the state (lib/queue/job-state.ts): when
// Redis cannot be reached the job still waits in its row, and the workers' reconcile pass queues it later.
import "server-only";
import type { z } from "zod";
import type { JobName } from "@/lib/queue/job-names";
import { jobContracts, type JobContract, type JobPayload } from "@/lib/queue/job-payloads";
import { dispatchJobRow, queueJobId, readJobRows, recordJobRun, tableOfJob } from "@/lib/queue/job-state";

export { getQueue, closeQueue } from "@/lib/queue/queue-client";

// jobIdSuffix distinguishes requests with the same payload made for different reasons (two imports touching the
// same cells must both be computed, while the same import queuing twice must not). Imports and analysis runs have
// rows of their own, made by their domain before they are queued: their id is in the payload.
export async function enqueue<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  jobIdSuffix?: string,
): Promise<string> {
  const contract = jobContracts[name] as JobContract<z.ZodType>;
  const data = contract.schema.parse(payload) as Record<string, unknown>;
  const table = tableOfJob(name);
  if (table === "job_runs") {
    const key = jobIdSuffix ? `${contract.jobId(data)}-${jobIdSuffix}` : contract.jobId(data);
    const row = await recordJobRun(name, data, key);
    if (row.status === "QUEUED") await dispatchJobRow(row);
    return queueJobId(row);
  }
  const id = Number(table === "import_batches" ? data.batchId : data.runId);
  const [row] = await readJobRows(table, "id = $1", [id]);
  if (!row) throw new Error(`${table} has no row ${id}`);
  if (row.status === "QUEUED") await dispatchJobRow(row);
  return queueJobId(row);
}
