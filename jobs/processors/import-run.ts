// import.run: imports one registered batch (an uploaded zip, a folder, or a KCS file).
import "server-only";
import { UnrecoverableError } from "bullmq";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { ImportInputError } from "@/lib/clearance/import-input-error";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processImportRun(batchId: number, report: ProgressReporter): Promise<{ batchId: number }> {
  try {
    await runImportBatch(batchId, report);
    return { batchId };
  } catch (error) {
    // Retrying cannot fix a missing file or an unreadable archive.
    if (error instanceof ImportInputError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
