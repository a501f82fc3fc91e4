// The repeatable jobs (nightly KPI pass, hourly case SLA check, view log flush, nightly retention, monthly risk
// drift check). Every worker registers them when it starts and again on each reconcile pass: idempotent (one
// scheduler per id however many workers), and a Redis that restarted empty gets them back within a pass.
import "server-only";
import {
  CASE_SLA_SCHEDULE,
  JOB_NAMES,
  NIGHTLY_KPI_SCHEDULE,
  RETENTION_SCHEDULE,
  RISK_DRIFT_SCHEDULE,
  VIEW_LOG_FLUSH_SCHEDULE,
} from "@/lib/queue/job-names";
import { databaseIdentity } from "@/lib/queue/database-identity";
import { getQueue, withTimeout } from "@/lib/queue/queue-client";

export const SCHEDULES = [
  { ...NIGHTLY_KPI_SCHEDULE, name: JOB_NAMES.kpisRecomputeOpen },
  { ...CASE_SLA_SCHEDULE, name: JOB_NAMES.integritySlaCheck },
  { ...VIEW_LOG_FLUSH_SCHEDULE, name: JOB_NAMES.viewLogFlush },
  { ...RETENTION_SCHEDULE, name: JOB_NAMES.retentionRun },
  { ...RISK_DRIFT_SCHEDULE, name: JOB_NAMES.riskDriftMonthly },
] as const;

export async function registerSchedules(): Promise<void> {
  const database = await databaseIdentity();
  for (const schedule of SCHEDULES) {
    await withTimeout(
      getQueue().upsertJobScheduler(
        schedule.id,
        { pattern: schedule.pattern },
        { name: schedule.name, data: { database: database.id, databaseName: database.name } },
      ),
      5_000,
    );
  }
}
