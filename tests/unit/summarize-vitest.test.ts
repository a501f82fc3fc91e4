// The summary line CI reads at the end of `npm test` (scripts/lib/summarize-vitest.mjs), over hand-made reports.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { summarize } from "../../scripts/lib/summarize-vitest.mjs";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function reportsDir(steps: Record<string, { exit: number; report?: Record<string, number> }>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pmc-summary-"));
  dirs.push(dir);
  for (const [step, { exit, report }] of Object.entries(steps)) {
    writeFileSync(path.join(dir, `${step}.exit`), `${exit}\n`);
    if (report) writeFileSync(path.join(dir, `${step}.json`), JSON.stringify(report));
  }
  return dir;
}

describe("npm test summary", () => {
  it("adds up passed, failed and skipped (skipped and todo) tests over the projects", () => {
    const dir = reportsDir({
      typecheck: { exit: 0 },
      lint: { exit: 0 },
      unit: { exit: 0, report: { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1 } },
      integration: { exit: 1, report: { numPassedTests: 5, numFailedTests: 2, numPendingTests: 4, numTodoTests: 0 } },
    });
    expect(summarize(dir)).toMatchObject({
      line: "15 passed, 2 failed, 6 skipped",
      failedSteps: ["integration (exit 1)"],
    });
  });

  it("counts a failed typecheck or lint, and a project that failed without a failed test, as one failure each", () => {
    const dir = reportsDir({
      typecheck: { exit: 2 },
      lint: { exit: 1 },
      unit: { exit: 0, report: { numPassedTests: 3, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 } },
      e2e: { exit: 1 },
    });
    expect(summarize(dir).line).toBe("3 passed, 3 failed, 0 skipped");
  });
});
