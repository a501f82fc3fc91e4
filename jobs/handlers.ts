// The handler table: which processor runs each job. Only the worker (and the CLI, in-process) loads it, so that
// enqueuing a job never loads the code that runs it.
import "server-only";
import type { Job } from "bullmq";
import { JOB_NAMES, type JobName } from "@/lib/queue/job-names";
import { parseJobPayload, type ParsedJobPayload, type ProgressReporter } from "@/lib/queue/job-payloads";
import { baseJobId, recordJobRun, tableOfJob } from "@/lib/queue/job-state";
import { PermanentJobError, withJobLease } from "@/lib/queue/job-lease";
import { processImportRun } from "@/jobs/processors/import-run";
import { processKpisCompute, processKpisRecomputeOpen } from "@/jobs/processors/kpis";
import { processIntegrityDetect } from "@/jobs/processors/integrity";
import { processIntegritySlaCheck } from "@/jobs/processors/cases";
import { processContractsRefreshIndicators } from "@/jobs/processors/contracts";
import { processRiskDrift, processRiskDriftMonthly, processRiskScore, processRiskTrain } from "@/jobs/processors/risk";
import { processSelectivityCompute } from "@/jobs/processors/selectivity";
import { processMirrorCompute, processTrsCompute } from "@/jobs/processors/analysis";
import { processRetentionRun, processViewLogFlush } from "@/jobs/processors/privacy";

type Handler<N extends JobName> = (payload: ParsedJobPayload<N>, report: ProgressReporter) => Promise<unknown>;

export const jobHandlers: { [N in JobName]: Handler<N> } = {
  [JOB_NAMES.importRun]: (p, report) => processImportRun(p.batchId, report),
  [JOB_NAMES.kpisCompute]: (p, report) => processKpisCompute(p, report),
  [JOB_NAMES.integrityDetect]: (p, report) => processIntegrityDetect(p, report),
  [JOB_NAMES.integritySlaCheck]: (_p, report) => processIntegritySlaCheck(report),
  [JOB_NAMES.kpisRecomputeOpen]: (_p, report) => processKpisRecomputeOpen(report),
  [JOB_NAMES.contractsRefreshIndicators]: (p, report) => processContractsRefreshIndicators(p, report),
  [JOB_NAMES.selectivityCompute]: (p, report) => processSelectivityCompute(p.runId, report),
  [JOB_NAMES.riskTrain]: (p, report) => processRiskTrain(p.runId, report),
  [JOB_NAMES.riskScore]: (p, report) => processRiskScore(p.runId, report),
  [JOB_NAMES.riskDrift]: (p, report) => processRiskDrift(p.runId, report),
  [JOB_NAMES.riskDriftMonthly]: () => processRiskDriftMonthly(),
  [JOB_NAMES.trsCompute]: (p, report) => processTrsCompute(p.runId, report),
  [JOB_NAMES.mirrorCompute]: (p, report) => processMirrorCompute(p.runId, report),
  [JOB_NAMES.viewLogFlush]: () => processViewLogFlush(),
  [JOB_NAMES.retentionRun]: () => processRetentionRun(),
};

// Runs one job's processor with a validated payload (the worker; tests call it directly). Imports and analysis runs
// lease their own rows; every other job runs under the lease of its job_runs row (lib/queue/job-state.ts), found by
// the id the job carries, or by its key for a job of a repeatable schedule.
export async function runJob(job: Pick<Job, "name" | "data">, report: ProgressReporter): Promise<unknown> {
  const name = job.name as JobName;
  const handler = jobHandlers[name] as Handler<JobName> | undefined;
  if (!handler) throw new PermanentJobError(`Unknown job ${job.name}`);
  const payload = parseJobPayload(name, job.data);
  if (tableOfJob(name) !== "job_runs") return handler(payload, report);
  const carried = (job.data as { jobRun?: unknown }).jobRun;
  const id =
    typeof carried === "number"
      ? carried
      : (await recordJobRun(name, payload as Record<string, unknown>, baseJobId(name, payload as never))).id;
  return withJobLease("job_runs", id, async (lease) => {
    const result = await handler(payload, async (percent) => {
      lease.progress(percent);
      await report(percent);
    });
    await lease.succeed({ result: JSON.stringify(result ?? null) });
    return result;
  });
}
