// The one list of jobs. Names are domain.verb; each has its payload contract in lib/queue/job-payloads.ts and its
// handler in jobs/handlers.ts.
import type { AnalysisRunKind } from "@prisma/client";

export const QUEUE_NAME = "pmc";

export const JOB_NAMES = {
  importRun: "import.run",
  kpisCompute: "kpis.compute",
  kpisRecomputeOpen: "kpis.recompute-open",
  integrityDetect: "integrity.detect",
  integritySlaCheck: "integrity.sla-check",
  contractsRefreshIndicators: "contracts.refresh-indicators",
  selectivityCompute: "selectivity.compute",
  riskTrain: "risk.train",
  riskScore: "risk.score",
  riskDrift: "risk.drift",
  riskDriftMonthly: "risk.drift-monthly",
  trsCompute: "trs.compute",
  mirrorCompute: "mirror.compute",
  viewLogFlush: "viewlog.flush",
  retentionRun: "retention.run",
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

// The job that carries each kind of analysis run (payload { runId }, lib/analysis/analysis-runs.ts).
export const ANALYSIS_RUN_JOBS = {
  SELECTIVITY_COMPUTE: JOB_NAMES.selectivityCompute,
  RISK_TRAIN: JOB_NAMES.riskTrain,
  RISK_SCORE: JOB_NAMES.riskScore,
  RISK_DRIFT: JOB_NAMES.riskDrift,
  TRS_COMPUTE: JOB_NAMES.trsCompute,
  MIRROR_COMPUTE: JOB_NAMES.mirrorCompute,
} as const satisfies Record<AnalysisRunKind, JobName>;

// One attempt per queue job: retries are decided by the job's row in PostgreSQL (lib/queue/job-lease.ts), which
// queues the next attempt under a new job id, so a job the queue marked failed never blocks a retry.
export const DEFAULT_JOB_OPTIONS = {
  attempts: 1,
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

// Open periods are recomputed every night at 02:00 (server time), when late data of the day has arrived.
export const NIGHTLY_KPI_SCHEDULE = { id: "kpis-nightly", pattern: "0 2 * * *" } as const;
// Cases past their due date are marked overdue every hour; the first run of each day writes the daily digest.
export const CASE_SLA_SCHEDULE = { id: "integrity-sla-hourly", pattern: "5 * * * *" } as const;
// Views of officers' figures wait in Redis until this moves them to PostgreSQL (lib/view-log).
export const VIEW_LOG_FLUSH_SCHEDULE = { id: "viewlog-flush", pattern: "*/5 * * * *" } as const;
// Retention (lib/privacy/run-retention.ts) runs every night after the KPI recomputation.
export const RETENTION_SCHEDULE = { id: "retention-nightly", pattern: "30 3 * * *" } as const;
// The risk model's drift is checked on the 1st of every month at 04:00, when the month before is complete.
export const RISK_DRIFT_SCHEDULE = { id: "risk-drift-monthly", pattern: "0 4 1 * *" } as const;
