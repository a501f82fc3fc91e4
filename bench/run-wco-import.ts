// Child process of bench/wco-import.ts: imports one folder of WCO messages exactly as the worker's job does and
// reports its own time and peak memory.
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { closeQueue } from "@/lib/queue/enqueue";

const dir = process.argv[2]!;
const batchId = await createImportBatch({ kind: "WCO", sourcePath: dir });
const started = performance.now();
const outcome = await runImportBatch(batchId);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, files: outcome.files }) + "\n",
);
await closeQueue();
await db.$disconnect();
await pool.end();
