// The one list of jobs. Names are domain.verb; each has its payload contract in lib/queue/job-payloads.ts and its
// handler in jobs/handlers.ts.
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
  trsCompute: "trs.compute",
  mirrorCompute: "mirror.compute",
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

// Open periods are recomputed every night at 02:00 (server time), when late data of the day has arrived.
export const NIGHTLY_KPI_SCHEDULE = { id: "kpis-nightly", pattern: "0 2 * * *" } as const;
// Cases past their due date are marked overdue every hour; the first run of each day writes the daily digest.
export const CASE_SLA_SCHEDULE = { id: "integrity-sla-hourly", pattern: "5 * * * *" } as const;
// The risk model's drift is checked on the 1st of every month at 04:00, when the month before is complete.
export const RISK_DRIFT_SCHEDULE = { id: "risk-drift-monthly", pattern: "0 4 1 * *" } as const;
