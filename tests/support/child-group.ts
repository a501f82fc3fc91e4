// Long-running children of the test harness (web server, workers), each in its own process group: npx/tsx/next
// start grandchildren, and only signalling the whole group stops them all.
import { spawn, type ChildProcess } from "node:child_process";

export type ChildGroup = {
  pid: number;
  /** Everything the child wrote so far, stdout and stderr interleaved. */
  output: () => string;
  /** Resolves when a stdout line satisfies `matches`; rejects if the child exits first or time runs out. */
  waitForLine: (matches: (line: string) => boolean, timeoutMs: number, what: string) => Promise<void>;
  /** Rejects as soon as the child exits: race it against a readiness check. */
  exitedEarly: (what: string) => Promise<never>;
  /** SIGTERM to the group, SIGKILL after `graceMs`. Resolves with the exit code. */
  stop: (graceMs?: number) => Promise<number | null>;
  /** Sends `signal` to the whole group (kill -9 with SIGKILL) and resolves when the group is gone. */
  kill: (signal: NodeJS.Signals) => Promise<number | null>;
  /** The child's exit code; undefined while it runs. */
  exitCode: () => number | null | undefined;
  /** Resolves with the exit code once the whole group is gone; rejects after `timeoutMs`. */
  gone: (timeoutMs: number) => Promise<number | null>;
};

const running = new Set<ChildProcess>();

// A harness that throws before its teardown must not leave servers or workers behind when vitest exits.
process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is already gone
  }
}

function groupAlive(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function spawnGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ChildGroup {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      exitCode = code;
      resolve(code);
    }),
  );

  let output = "";
  const lineListeners = new Set<(line: string) => void>();
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk;
    const lines = (pending + chunk).split("\n");
    pending = lines.pop()!;
    for (const line of lines) for (const listener of lineListeners) listener(line);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    output += chunk;
  });

  const exitedEarly = (what: string) => {
    const early = exited.then((code): never => {
      throw new Error(`${what} exited (code ${code}) before it was ready:\n${output.slice(-4000)}`);
    });
    // Once readiness has won the race, the child's later exit is not an error.
    early.catch(() => undefined);
    return early;
  };

  const waitForLine = (matches: (line: string) => boolean, timeoutMs: number, what: string) => {
    let timer: NodeJS.Timeout | undefined;
    let listener: ((line: string) => void) | undefined;
    const found = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what} not ready after ${timeoutMs} ms:\n${output.slice(-4000)}`)),
        timeoutMs,
      );
      listener = (line) => matches(line) && resolve();
      lineListeners.add(listener);
    });
    return Promise.race([found, exitedEarly(what)]).finally(() => {
      clearTimeout(timer);
      lineListeners.delete(listener!);
    });
  };

  // Waits for the whole group (tsx and next start leave grandchildren), not only the direct child, so a graceful
  // shutdown is never cut short; whatever is still running after `graceMs` is killed.
  const stop = async (graceMs = 15_000) => {
    const deadline = Date.now() + graceMs;
    signalGroup(child, "SIGTERM");
    while (groupAlive(child) && Date.now() < deadline) await sleep(50);
    if (groupAlive(child)) signalGroup(child, "SIGKILL");
    return exited;
  };

  const kill = async (signal: NodeJS.Signals) => {
    signalGroup(child, signal);
    while (groupAlive(child)) await sleep(50);
    return exited;
  };

  const gone = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (groupAlive(child)) {
      if (Date.now() > deadline) throw new Error(`process group ${child.pid} still running after ${timeoutMs} ms`);
      await sleep(50);
    }
    return exited;
  };

  return {
    pid: child.pid!,
    output: () => output,
    waitForLine,
    exitedEarly,
    stop,
    kill,
    exitCode: () => exitCode,
    gone,
  };
}
