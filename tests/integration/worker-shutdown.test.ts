// The worker stops by itself on a signal, however it was started: `npm run worker` is one Node process behind npm
// (no wrapper that kills it or is killed without it), so a SIGTERM to npm alone, as a process manager sends to the
// process it started, stops the worker too, which exits 0.
import { afterAll, describe, expect, it } from "vitest";
import { spawnGroup, type ChildGroup } from "@/tests/support/child-group";
import { projectRoot } from "@/tests/support/local-services";
import { isReadyLine } from "@/tests/support/worker-process";

describe("worker shutdown", () => {
  const started: ChildGroup[] = [];
  afterAll(async () => {
    await Promise.all(started.map((group) => group.stop(2_000)));
  });

  it("stops with its worker when SIGTERM reaches `npm run worker` alone, and exits 0", async () => {
    const npm = spawnGroup("npm", ["run", "--silent", "worker"], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: "debug", WORKER_SHUTDOWN_GRACE_SECONDS: "5" },
    });
    started.push(npm);
    await npm.waitForLine(isReadyLine, 60_000, "npm run worker");
    process.kill(npm.pid, "SIGTERM");
    // Nothing of the group may outlive npm: no orphaned worker left running unattended.
    expect(await npm.gone(15_000)).toBe(0);
    expect(npm.output()).toMatch(/"msg":"worker stopped"/);
  });
});
