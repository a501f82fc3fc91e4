// How a job's run can end besides success, shared by the lease (lib/queue/job-lease.ts), the domains that run jobs
// and the worker. No dependencies: domain errors extend PermanentJobError.
export type JobStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";

// The run no longer owns its row (interrupted by a reconcile pass, handed back at shutdown): it must stop and write
// nothing.
export class LeaseLostError extends Error {
  constructor(message = "the job's row is no longer held by this run") {
    super(message);
    this.name = "LeaseLostError";
  }
}

// A job that can never succeed as asked (a missing file, an invalid request): failed at once, never retried.
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

// The job was not run: its row is finished, or another session runs it. Not an error of the job.
export class JobNotRunError extends Error {
  constructor(
    readonly reason: "finished" | "running elsewhere" | "lease lost",
    readonly status: JobStatus | null,
    message: string,
  ) {
    super(message);
    this.name = "JobNotRunError";
  }
}
