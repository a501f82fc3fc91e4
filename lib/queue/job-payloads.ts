// The producer's side of each job: its payload schema (checked when enqueued and again when processed) and its
// deterministic jobId, so that a double submit is one job. Payloads carry IDs only; handlers re-read PostgreSQL.
// The handlers themselves live in jobs/, which only the worker and the CLI load.
import { z } from "zod";
import { JOB_NAMES, type JobName } from "@/lib/queue/job-names";
import { todayIso } from "@/lib/kernel/calendar";

export type JobContract<S extends z.ZodType> = {
  schema: S;
  jobId: (payload: z.infer<S>) => string;
};

// A long job's progress in percent; the worker forwards it to the queue, the CLI to stderr.
export type ProgressReporter = (percent: number) => Promise<void>;

const ImportRunPayload = z.object({ batchId: z.number().int().positive() });
// Analysis jobs carry the id of their analysis_runs row, which holds what was asked (lib/analysis/analysis-runs.ts).
const AnalysisRunPayload = z.object({ runId: z.number().int().positive() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// The officers and offices whose cells to recompute (null: all; empty: none); the officers' units come with them.
const KpisComputePayload = z.object({
  from: Day,
  to: Day,
  officers: z.array(z.string()).nullable(),
  offices: z.array(z.string()).nullable(),
  // A quarter's touched months: recomputed first, and the quarter from its months (lib/kpis/recompute-from-months.ts).
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)).optional(),
  // What to queue when done (queueFollowUps in lib/kpis/queue-recomputation.ts): the contracts.refresh-indicators
  // job of this reason and these analysis runs.
  then: z.object({ refresh: z.string(), analysisRuns: z.array(z.number().int().positive()) }).optional(),
});

function contract<S extends z.ZodType>(definition: JobContract<S>): JobContract<S> {
  return definition;
}

export const jobContracts = {
  [JOB_NAMES.importRun]: contract({ schema: ImportRunPayload, jobId: (p) => `import-${p.batchId}` }),
  [JOB_NAMES.kpisCompute]: contract({
    schema: KpisComputePayload,
    jobId: (p) => `kpis-${p.from}-${p.to}`,
  }),
  [JOB_NAMES.integrityDetect]: contract({
    schema: z.object({ from: Day, to: Day }),
    jobId: (p) => `detect-${p.from}-${p.to}`,
  }),
  // Repeatable (CASE_SLA_SCHEDULE); enqueued by hand it is one job per hour.
  [JOB_NAMES.integritySlaCheck]: contract({
    schema: z.object({}),
    jobId: () => `sla-check-${new Date().toISOString().slice(0, 13)}`,
  }),
  [JOB_NAMES.kpisRecomputeOpen]: contract({
    schema: z.object({}),
    jobId: () => `kpis-open-${todayIso()}`,
  }),
  // Why it was asked for (an import, a dashboard that found values missing): the jobId, so one request is one job.
  [JOB_NAMES.contractsRefreshIndicators]: contract({
    // analysisRuns: the import's TRS and mirror runs, queued when the refresh ends (lib/kpis/queue-recomputation.ts).
    schema: z.object({
      reason: z.string().regex(/^[\w.-]{1,80}$/),
      analysisRuns: z.array(z.number().int().positive()).optional(),
    }),
    jobId: (p) => `contracts-refresh-${p.reason}`,
  }),
  [JOB_NAMES.selectivityCompute]: contract({
    schema: AnalysisRunPayload,
    jobId: (p) => `selectivity-compute-${p.runId}`,
  }),
  [JOB_NAMES.riskTrain]: contract({ schema: AnalysisRunPayload, jobId: (p) => `risk-train-${p.runId}` }),
  [JOB_NAMES.riskScore]: contract({ schema: AnalysisRunPayload, jobId: (p) => `risk-score-${p.runId}` }),
  [JOB_NAMES.riskDrift]: contract({ schema: AnalysisRunPayload, jobId: (p) => `risk-drift-${p.runId}` }),
  // The monthly schedule: a request for a drift check of the latest model.
  [JOB_NAMES.riskDriftMonthly]: contract({ schema: z.object({}), jobId: () => `risk-drift-monthly-${todayIso()}` }),
  [JOB_NAMES.trsCompute]: contract({ schema: AnalysisRunPayload, jobId: (p) => `trs-compute-${p.runId}` }),
  [JOB_NAMES.mirrorCompute]: contract({ schema: AnalysisRunPayload, jobId: (p) => `mirror-compute-${p.runId}` }),
  [JOB_NAMES.viewLogFlush]: contract({
    schema: z.object({}),
    jobId: () => `viewlog-flush-${new Date().toISOString().slice(0, 16)}`,
  }),
  [JOB_NAMES.retentionRun]: contract({ schema: z.object({}), jobId: () => `retention-${todayIso()}` }),
} satisfies Record<JobName, unknown>;

export type JobPayload<N extends JobName> = z.input<(typeof jobContracts)[N]["schema"]>;
export type ParsedJobPayload<N extends JobName> = z.infer<(typeof jobContracts)[N]["schema"]>;

export function parseJobPayload<N extends JobName>(name: N, data: unknown): ParsedJobPayload<N> {
  return (jobContracts[name] as JobContract<z.ZodType>).schema.parse(data) as ParsedJobPayload<N>;
}
