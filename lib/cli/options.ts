// Parsing of the options the commands share.
export type CliOptions = Record<string, string | boolean | undefined>;

export function stringOption(options: CliOptions, name: string): string | undefined {
  const value = options[name];
  if (value === true) throw new Error(`--${name} needs a value`);
  return value === undefined ? undefined : String(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function periodOptions(options: CliOptions): { from: string; to: string } {
  const from = stringOption(options, "from");
  const to = stringOption(options, "to");
  if (!from || !to) throw new Error("--from DATE and --to DATE are required");
  if (!DATE.test(from) || !DATE.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
    throw new Error("--from and --to must be dates YYYY-MM-DD");
  }
  if (from > to) throw new Error("--from must not be after --to");
  return { from, to };
}
