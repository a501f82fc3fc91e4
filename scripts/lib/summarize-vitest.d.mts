// Types of summarize-vitest.mjs, for its unit test.
export type StepCounts = { passed: number; failed: number; skipped: number };
export function countProject(report: Record<string, unknown> | undefined, exitCode: number): StepCounts;
export function summarize(dir: string): StepCounts & { failedSteps: string[]; line: string };
