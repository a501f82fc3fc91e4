// Hands the environment a global setup prepared (database URL, queue prefix, temp dirs…) to the test files.
// A global setup runs in vitest's main process; `provide` scopes the values to its own project, and this setup
// file (setupFiles) copies them into process.env before a test file, and so lib/env.ts, is imported.
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: Record<string, string>;
  }
}

Object.assign(process.env, inject("testEnv"));
