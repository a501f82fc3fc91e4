// The CLI's commands, each a small function over a shared service, loaded only when called.

export type CliOptions = Record<string, string | boolean | undefined>;
export type Command = (options: CliOptions) => Promise<number>;

export const commands: Record<string, Command> = {
  "db reset": async (o) => (await import("@/lib/cli/reset-database")).resetDatabase(o),
  generate: async (o) => (await import("@/lib/cli/generate-command")).runGenerateCommand(o),
  import: async (o) => (await import("@/lib/cli/import-command")).runImportCommand(o),
};

export function stringOption(options: CliOptions, name: string): string | undefined {
  const value = options[name];
  if (value === true) throw new Error(`--${name} needs a value`);
  return value === undefined ? undefined : String(value);
}
