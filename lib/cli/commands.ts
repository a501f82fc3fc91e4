// The CLI's commands, each a small function over a shared service, loaded only when called. `generate` is dev
// tooling (tools/generator), which only this table may load.

import type { CliOptions } from "@/lib/cli/options";

export type Command = (options: CliOptions) => Promise<number>;

export const commands: Record<string, Command> = {
  "db reset": async (o) => (await import("@/lib/cli/reset-database")).resetDatabase(o),
  "db backup": async (o) => (await import("@/lib/cli/database-backup-command")).runBackupCommand(o),
  "db restore": async (o) => (await import("@/lib/cli/database-backup-command")).runRestoreCommand(o),
  generate: async (o) => (await import("@/tools/generator/generate-command")).runGenerateCommand(o),
  import: async (o) =>
    o.wco
      ? (await import("@/lib/cli/wco-import-command")).runWcoImportCommand(o)
      : (await import("@/lib/cli/import-command")).runImportCommand(o),
  export: async (o) => (await import("@/lib/cli/wco-export-command")).runWcoExportCommand(o),
  kpis: async (o) => (await import("@/lib/cli/kpis-command")).runKpisCommand(o),
  flags: async (o) => (await import("@/lib/cli/flags-command")).runFlagsCommand(o),
  trs: async (o) => (await import("@/lib/cli/trs-command")).runTrsCommand(o),
  mirror: async (o) => (await import("@/lib/cli/mirror-command")).runMirrorCommand(o),
  baselines: async (o) => (await import("@/lib/cli/baselines-command")).runBaselinesCommand(o),
  triage: async (o) => (await import("@/lib/cli/triage-command")).runTriageCommand(o),
  "risk evaluate": async (o) => (await import("@/lib/cli/risk-command")).runRiskEvaluateCommand(o),
};
