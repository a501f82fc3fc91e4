import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import path from "node:path";

const root = path.resolve(import.meta.dirname);
const resolve = {
  alias: {
    "@": root,
    // server-only throws outside React Server Components; tests, the worker and the CLI are server code too.
    "server-only": path.join(root, "tests/support/server-only-stub.ts"),
  },
};

// The e2e files share one database, and data-import adds 20,000 generated declarations to it, which changes the
// hand-worked figures of the others (the dashboard's office scores): whatever order vitest picks, it runs last.
class DataImportLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => f.moduleId.endsWith("tests/e2e/data-import.test.ts");
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}

export default defineConfig({
  resolve,
  test: {
    sequence: { sequencer: DataImportLast },
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts", "tools/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/integration-setup.ts"],
          setupFiles: ["tests/support/test-env.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/e2e-setup.ts"],
          setupFiles: ["tests/support/test-env.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
