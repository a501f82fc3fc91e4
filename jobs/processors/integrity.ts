// integrity.detect: every detection method over one period, flags stored with their follow-up kept.
import "server-only";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processIntegrityDetect(period: { from: string; to: string }, report: ProgressReporter) {
  const result = await detectAndStoreFlags(period);
  await report(100);
  return result;
}
