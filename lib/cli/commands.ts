// The CLI's commands, each a small function over a shared service, loaded only when called. `generate` is dev
// tooling (tools/generator), which only this table may load.

import type { CliOptions } from "@/lib/cli/options";

export type Command = (options: CliOptions) => Promise<number>;

export const commands: Record<string, Command> = {
  "db reset": async (o) => (await import("@/lib/cli/reset-database")).resetDatabase(o),
  generate: async (o) => (await import("@/tools/generator/generate-command")).runGenerateCommand(o),
  import: async (o) => (await import("@/lib/cli/import-command")).runImportCommand(o),
  kpis: async (o) => (await import("@/lib/cli/kpis-command")).runKpisCommand(o),
  flags: async (o) => (await import("@/lib/cli/flags-command")).runFlagsCommand(o),
  trs: async (o) => (await import("@/lib/cli/trs-command")).runTrsCommand(o),
  mirror: async (o) => (await import("@/lib/cli/mirror-command")).runMirrorCommand(o),
  "risk evaluate": async (o) => (await import("@/lib/cli/risk-command")).runRiskEvaluateCommand(o),
};
