// contracts.refresh-indicators: every signed contract's stored indicators brought up to date.
import "server-only";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import type { ProgressReporter } from "@/lib/queue/job-payloads";

export async function processContractsRefreshIndicators(report: ProgressReporter) {
  const result = await refreshContractIndicators();
  await report(100);
  return result;
}
