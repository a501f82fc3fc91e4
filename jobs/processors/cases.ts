// integrity.sla-check: overdue cases marked, the day's digest written (lib/cases/check-case-sla.ts), and the week's
// digest of each reader written and sent once (lib/cases/send-weekly-digests.ts).
import "server-only";
import { checkCaseSla } from "@/lib/cases/check-case-sla";
import { sendWeeklyDigests } from "@/lib/cases/send-weekly-digests";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processIntegritySlaCheck(report: ProgressReporter) {
  const result = await checkCaseSla();
  const digests = await sendWeeklyDigests();
  await report(100);
  return { ...result, digests };
}
