// Prints "N passed, N failed, N skipped" over the steps of one `npm test` run (scripts/test.sh), the line CI reads.
// Each step leaves <step>.exit, and a vitest project also its JSON report <step>.json. A step that failed without a
// failed test (typecheck, lint, a setup error, a crash, no report) counts as one failure, so that the line never
// claims success for a red run; a passing step without a report (typecheck, lint) adds nothing.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export function countProject(report, exitCode) {
  const passed = report?.numPassedTests ?? 0;
  let failed = report?.numFailedTests ?? 0;
  // vitest files skipped tests (skip, skipIf, todo) under "pending" and "todo", as Jest's format does.
  const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed, failed, skipped };
}

export function summarize(dir) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const failedSteps = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".exit"))
    .sort()) {
    const step = path.basename(file, ".exit");
    const exitCode = Number(readFileSync(path.join(dir, file), "utf8").trim());
    const reportPath = path.join(dir, `${step}.json`);
    const report = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, "utf8")) : undefined;
    const counts = countProject(report, exitCode);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    if (exitCode !== 0) failedSteps.push(`${step} (exit ${exitCode})`);
  }
  return { ...total, failedSteps, line: `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { failedSteps, line } = summarize(process.argv[2] ?? "test-results/vitest");
  if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(", ")}`);
  console.log(line);
}
