// Child process of bench/import.ts: imports one folder exactly as the worker's job does and reports its own time
// and peak memory, so the parent measures the importing process and nothing else.
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { closeQueue } from "@/lib/queue/enqueue";

const dir = process.argv[2]!;
const batchId = await createImportBatch({ kind: "CANONICAL", sourcePath: dir });
const started = performance.now();
const outcome = await runImportBatch(batchId);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({
    batchId,
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    files: outcome.files,
    profile: outcome.profile,
  }) + "\n",
);
// The import queued its KPI recomputation: close that connection too, or the process never exits.
await closeQueue();
await db.$disconnect();
await pool.end();
