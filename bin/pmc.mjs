#!/usr/bin/env -S node --max-semi-space-size=64
// `npx pmc …`: runs the TypeScript CLI (lib/cli/main.ts) in this process through tsx.
import { createRequire } from "node:module";
import { register } from "tsx/esm/api";

createRequire(import.meta.url)("../lib/runtime/allow-server-only.cjs");
register({ tsconfig: new URL("../tsconfig.json", import.meta.url).pathname });
await import("../lib/cli/main.ts");
