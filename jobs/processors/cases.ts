// integrity.sla-check: overdue cases marked, the day's digest written (lib/cases/check-case-sla.ts).
import "server-only";
import { checkCaseSla } from "@/lib/cases/check-case-sla";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processIntegritySlaCheck(report: ProgressReporter) {
  const result = await checkCaseSla();
  await report(100);
  return result;
}
