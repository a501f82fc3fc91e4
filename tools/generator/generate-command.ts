// pmc generate --out DIR [--declarations N] [--seed S] [--from DATE --to DATE]
import { generateDataset } from "@/tools/generator/generate-dataset";
import { stringOption, type CliOptions } from "@/lib/cli/options";

export async function runGenerateCommand(options: CliOptions): Promise<number> {
  const outDir = stringOption(options, "out");
  if (!outDir) throw new Error("--out DIR is required");
  const declarations = Number(stringOption(options, "declarations") ?? 200_000);
  const seed = Number(stringOption(options, "seed") ?? 42);
  const from = stringOption(options, "from") ?? "2025-01-01";
  const to = stringOption(options, "to") ?? "2025-12-31";
  if (!Number.isInteger(declarations) || declarations < 1) throw new Error("--declarations must be a whole number ≥ 1");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) {
    throw new Error("--from and --to must be dates YYYY-MM-DD with from ≤ to");
  }
  let shown = -1;
  const summary = await generateDataset({
    outDir,
    declarations,
    seed,
    from,
    to,
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent > shown) {
        shown = percent;
        process.stderr.write(`generate: ${percent} %\n`);
      }
    },
  });
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}
