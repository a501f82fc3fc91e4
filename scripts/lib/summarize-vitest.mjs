// Prints "N passed, N failed" over the vitest JSON reports of one `npm test` run (scripts/test.sh), the line CI
// reads. A project whose run failed without a failed test (setup error, crash, no report) counts as one failure,
// so that the line never claims success for a red run.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export function countProject(report, exitCode) {
  const passed = report?.numPassedTests ?? 0;
  let failed = report?.numFailedTests ?? 0;
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

export function summarize(dir) {
  let passed = 0;
  let failed = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".exit"))) {
    const project = path.basename(file, ".exit");
    const exitCode = Number(readFileSync(path.join(dir, file), "utf8").trim());
    const reportPath = path.join(dir, `${project}.json`);
    const report = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, "utf8")) : undefined;
    const counts = countProject(report, exitCode);
    passed += counts.passed;
    failed += counts.failed;
  }
  return `${passed} passed, ${failed} failed`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(summarize(process.argv[2] ?? "test-results/vitest"));
}
