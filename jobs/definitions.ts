// One definition per job: payload schema (checked when enqueued and again when processed), a deterministic jobId,
// and the processor. Payloads carry IDs only; processors re-read state from PostgreSQL.
import "server-only";
import { z } from "zod";
import type { Job } from "bullmq";
import { JOB_NAMES, type JobName } from "@/jobs/constants";
import { processImportRun } from "@/jobs/processors/import-run";
import { processKpisCompute, processKpisRecomputeOpen } from "@/jobs/processors/kpis";
import { processIntegrityDetect } from "@/jobs/processors/integrity";
import { processIntegritySlaCheck } from "@/jobs/processors/cases";
import { processContractsRefreshIndicators } from "@/jobs/processors/contracts";
import { processRiskScore, processRiskTrain } from "@/jobs/processors/risk";
import { processSelectivityCompute } from "@/jobs/processors/selectivity";
import { processMirrorCompute, processTrsCompute } from "@/jobs/processors/analysis";

export type JobDefinition<S extends z.ZodType> = {
  schema: S;
  jobId: (payload: z.infer<S>) => string;
  handle: (job: Job<z.infer<S>>, report: ProgressReporter) => Promise<unknown>;
};

export type ProgressReporter = (percent: number) => Promise<void>;

const ImportRunPayload = z.object({ batchId: z.number().int().positive() });
// Analysis jobs carry the id of their analysis_runs row, which holds what was asked (lib/analysis/analysis-runs.ts).
const AnalysisRunPayload = z.object({ runId: z.number().int().positive() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const KpisComputePayload = z.object({
  from: Day,
  to: Day,
  subjectType: z.enum(["officer", "unit", "office"]),
  subjectIds: z.array(z.string()).nullable(),
});

function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export const jobDefinitions = {
  [JOB_NAMES.importRun]: defineJob({
    schema: ImportRunPayload,
    jobId: (p) => `import-${p.batchId}`,
    handle: (job, report) => processImportRun(job.data.batchId, report),
  }),
  [JOB_NAMES.kpisCompute]: defineJob({
    schema: KpisComputePayload,
    jobId: (p) => `kpis-${p.subjectType}-${p.from}-${p.to}`,
    handle: (job, report) => processKpisCompute(job.data, report),
  }),
  [JOB_NAMES.integrityDetect]: defineJob({
    schema: z.object({ from: Day, to: Day }),
    jobId: (p) => `detect-${p.from}-${p.to}`,
    handle: (job, report) => processIntegrityDetect(job.data, report),
  }),
  [JOB_NAMES.integritySlaCheck]: defineJob({
    // Repeatable (CASE_SLA_SCHEDULE); enqueued by hand it is one job per hour.
    schema: z.object({}),
    jobId: () => `sla-check-${new Date().toISOString().slice(0, 13)}`,
    handle: (_job, report) => processIntegritySlaCheck(report),
  }),
  [JOB_NAMES.kpisRecomputeOpen]: defineJob({
    schema: z.object({}),
    jobId: () => `kpis-open-${new Date().toISOString().slice(0, 10)}`,
    handle: (_job, report) => processKpisRecomputeOpen(report),
  }),
  [JOB_NAMES.contractsRefreshIndicators]: defineJob({
    // Why it was asked for (an import, a dashboard that found values missing): the jobId, so one request is one job.
    schema: z.object({ reason: z.string().regex(/^[\w.-]{1,80}$/) }),
    jobId: (p) => `contracts-refresh-${p.reason}`,
    handle: (_job, report) => processContractsRefreshIndicators(report),
  }),
  [JOB_NAMES.selectivityCompute]: defineJob({
    schema: AnalysisRunPayload,
    jobId: (p) => `selectivity-compute-${p.runId}`,
    handle: (job, report) => processSelectivityCompute(job.data.runId, report),
  }),
  [JOB_NAMES.riskTrain]: defineJob({
    schema: AnalysisRunPayload,
    jobId: (p) => `risk-train-${p.runId}`,
    handle: (job, report) => processRiskTrain(job.data.runId, report),
  }),
  [JOB_NAMES.riskScore]: defineJob({
    schema: AnalysisRunPayload,
    jobId: (p) => `risk-score-${p.runId}`,
    handle: (job, report) => processRiskScore(job.data.runId, report),
  }),
  [JOB_NAMES.trsCompute]: defineJob({
    schema: AnalysisRunPayload,
    jobId: (p) => `trs-compute-${p.runId}`,
    handle: (job, report) => processTrsCompute(job.data.runId, report),
  }),
  [JOB_NAMES.mirrorCompute]: defineJob({
    schema: AnalysisRunPayload,
    jobId: (p) => `mirror-compute-${p.runId}`,
    handle: (job, report) => processMirrorCompute(job.data.runId, report),
  }),
} satisfies Record<JobName, unknown>;

export type JobPayload<N extends JobName> = z.input<(typeof jobDefinitions)[N]["schema"]>;

// Runs one job's processor with a validated payload: used by the worker and, in-process, by the CLI.
export async function runJob(job: Job, report: ProgressReporter): Promise<unknown> {
  const definition = jobDefinitions[job.name as JobName] as JobDefinition<z.ZodType> | undefined;
  if (!definition) throw new Error(`Unknown job ${job.name}`);
  job.data = definition.schema.parse(job.data);
  return definition.handle(job, report);
}
