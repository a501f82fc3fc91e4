// Registers an uploaded file as an import batch and queues its job; the worker does the rest.
import "server-only";
import type { ImportKind } from "@prisma/client";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { writeAudit } from "@/lib/audit";
import { enqueue } from "@/lib/queue/enqueue";
import { JOB_NAMES } from "@/lib/queue/job-names";

export async function startImport(input: {
  kind: ImportKind;
  sourcePath: string;
  sourceName: string;
  userId: string;
}): Promise<number> {
  const batchId = await createImportBatch({ ...input, createdById: input.userId });
  await writeAudit({
    actorId: input.userId,
    action: "import.queued",
    entityType: "import",
    entityId: String(batchId),
    data: { source: input.sourceName, kind: input.kind },
  });
  await enqueue(JOB_NAMES.importRun, { batchId });
  return batchId;
}
