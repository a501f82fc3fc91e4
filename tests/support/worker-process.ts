// Runs the real BullMQ worker (jobs/worker.ts) as a child process, for integration tests of jobs and for the e2e
// harness. Each worker is its own process group; several may run at once on the same queue.
import { spawnGroup } from "./child-group";
import { projectRoot } from "./local-services";

export type WorkerProcess = {
  pid: number;
  /** Everything the worker wrote so far (pino JSON lines, and anything on stderr). */
  output: () => string;
  /** SIGTERM (the worker finishes its running jobs), then SIGKILL after `graceMs`. Resolves with the exit code. */
  stop: (graceMs?: number) => Promise<number | null>;
  /** A signal to the worker's whole process group (SIGKILL: as kill -9, nothing handed back). */
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
  /** Its exit code; undefined while it runs. */
  exitCode: () => number | null | undefined;
};

export function isReadyLine(line: string): boolean {
  try {
    return (JSON.parse(line) as { msg?: unknown }).msg === "worker ready";
  } catch {
    return false;
  }
}

/** Starts a worker with the test environment (process.env), plus `env`, and resolves once it logged "worker ready". */
export async function startWorker(
  options: { env?: Record<string, string | undefined>; readyTimeoutMs?: number } = {},
): Promise<WorkerProcess> {
  // As `npm run worker` starts it: one Node process that handles its own signals.
  const worker = spawnGroup(
    process.execPath,
    ["--require", "./lib/runtime/allow-server-only.cjs", "--import", "tsx", "jobs/worker.ts"],
    {
      cwd: projectRoot,
      // lib/logger.ts raises the level to "warn" under NODE_ENV=test unless LOG_LEVEL is set to something other
      // than info, and the readiness line is logged at info.
      env: { ...process.env, LOG_LEVEL: "debug", ...options.env },
    },
  );
  try {
    await worker.waitForLine(isReadyLine, options.readyTimeoutMs ?? 60_000, "worker");
  } catch (error) {
    await worker.stop(2_000);
    throw error;
  }
  return { pid: worker.pid, output: worker.output, stop: worker.stop, kill: worker.kill, exitCode: worker.exitCode };
}
