// The architecture's lint rules fail when broken: an import cycle, a page's dependency on the worker, a component's
// on a route, and production code's on the dev tooling. Runs the project's own ESLint configuration.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// The fixtures are ignored by `npm run lint` (they are wrong on purpose), so this run lifts the ignores.
const eslint = new ESLint({ cwd: root, ignore: false });
// Probes of imports are linted as text under a path that does not exist: the cycle rule, which reads files, is off.
const probes = new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function ruleIds(filePath: string, code?: string): Promise<string[]> {
  const [result] =
    code === undefined
      ? await eslint.lintFiles([filePath])
      : await probes.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe("architecture lint rules", () => {
  it("refuses an import cycle", async () => {
    expect(await ruleIds("tests/fixtures/lint/cycle/first.ts")).toContain("import/no-cycle");
  }, 60_000);

  it("refuses jobs/ outside jobs/, app/ outside app/ and tools/ in production code", async () => {
    const jobs = 'import { jobHandlers } from "@/jobs/handlers";\nexport const n = Object.keys(jobHandlers).length;\n';
    const route =
      'import { openDisputeAction } from "@/app/(portal)/me/disputes-actions";\nexport const a = openDisputeAction;\n';
    const tools =
      'import { generateDataset } from "@/tools/generator/generate-dataset";\nexport const g = generateDataset;\n';
    expect(await ruleIds("lib/kpis/probe.ts", jobs)).toContain("no-restricted-imports");
    expect(await ruleIds("app/(portal)/probe/page.tsx", jobs)).toContain("no-restricted-imports");
    expect(await ruleIds("components/disputes/probe.tsx", route)).toContain("no-restricted-imports");
    expect(await ruleIds("lib/risk/probe.ts", tools)).toContain("no-restricted-imports");
    expect(await ruleIds("jobs/probe.ts", tools)).toContain("no-restricted-imports");
  }, 60_000);

  it("accepts the allowed directions", async () => {
    const queue = 'import { JOB_NAMES } from "@/lib/queue/job-names";\nexport const n = JOB_NAMES.importRun;\n';
    expect(await ruleIds("app/(portal)/probe/page.tsx", queue)).toEqual([]);
    const tools =
      'import { generateDataset } from "@/tools/generator/generate-dataset";\nexport const g = generateDataset;\n';
    expect(await ruleIds("tests/integration/probe.test.ts", tools)).toEqual([]);
  }, 60_000);
});
