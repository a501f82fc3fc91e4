// The pages tell what happened to a job from the error its row stores: each message the lease and the reconcile pass
// write is recognised.
import { describe, expect, it } from "vitest";
import { interruptedTooOften, jobErrorKind } from "@/lib/queue/job-lease";

describe("jobErrorKind", () => {
  it("recognises each message written on a job's row", () => {
    const heartbeatAt = new Date("2026-03-02T10:00:00Z");
    expect(jobErrorKind(interruptedTooOften({ owner: "worker a:1", heartbeatAt, attempts: 3 }, 3))).toBe(
      "interruptedTooOften",
    );
    expect(
      jobErrorKind(
        "interrupted: worker a:1 stopped answering (last heartbeat 2026-03-02T10:00:00.000Z); queued again for attempt 2 of 3",
      ),
    ).toBe("interrupted");
    expect(jobErrorKind("attempt 1 of 3 failed: connection terminated")).toBe("attemptFailed");
    expect(jobErrorKind("handed back by worker a:1 when it stopped (SIGTERM) after its grace period of 30 s")).toBe(
      "handedBack",
    );
    expect(jobErrorKind("stopped by SIGINT in pmc import")).toBe("stopped");
  });

  it("leaves any other error as it is, and no error as none", () => {
    expect(jobErrorKind("declarations.csv: missing required column(s): lane_initial")).toBe("other");
    expect(jobErrorKind(null)).toBeNull();
  });
});
