// pmc risk evaluate --train-from DATE --train-to DATE --test-from DATE --test-to DATE --out FILE
// Trains the risk model on the declarations registered in the training window that have an inspection outcome,
// scores those of the test window and writes the selection metrics as JSON (docs/cli.md). It is risk.train's own
// work (trainAndStoreRiskModel, which also stores the model, once per training data): the figures are those the
// risk page shows for that model. A positive is a declaration one of whose inspections found an offence.
import fs from "node:fs/promises";
import { pool } from "@/lib/pg";
import { db } from "@/lib/db";
import { stringOption, type CliOptions } from "@/lib/cli/options";
import { trainAndStoreRiskModel } from "@/lib/risk/train-risk-model";
import { evaluationJson } from "@/lib/risk/evaluation-json";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOption(options: CliOptions, name: string): string {
  const value = stringOption(options, name);
  if (!value) throw new Error(`--${name} DATE is required`);
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new Error(`--${name} must be a date YYYY-MM-DD`);
  return value;
}

export async function runRiskEvaluateCommand(options: CliOptions): Promise<number> {
  const window = {
    trainFrom: dateOption(options, "train-from"),
    trainTo: dateOption(options, "train-to"),
    testFrom: dateOption(options, "test-from"),
    testTo: dateOption(options, "test-to"),
  };
  const out = stringOption(options, "out");
  if (!out) throw new Error("--out FILE is required");
  if (window.trainFrom > window.trainTo) throw new Error("--train-from must not be after --train-to");
  if (window.testFrom > window.testTo) throw new Error("--test-from must not be after --test-to");
  if (window.testFrom <= window.trainTo) throw new Error("--test-from must be after --train-to");
  try {
    let last = -10;
    const outcome = await trainAndStoreRiskModel({ ...window, labels: "inspections" }, async (percent) => {
      if (percent - last < 10 && percent < 100) return;
      last = percent;
      process.stderr.write(`risk evaluate: ${Math.round(percent)} %\n`);
    });
    if (!outcome.metrics) throw new Error("no evaluation was stored with the model");
    await fs.writeFile(out, `${JSON.stringify(evaluationJson(outcome.metrics), null, 2)}\n`);
    const at5 = outcome.metrics.test.perN.find((r) => r.n === 5)?.model.precision;
    process.stderr.write(
      `model ${outcome.modelId}${outcome.created ? "" : " (already stored)"}: ${outcome.rows} training rows, ` +
        `${outcome.testRows} test rows, precision@5 % ${at5 ?? "—"}; written to ${out}\n`,
    );
    return 0;
  } finally {
    await pool.end();
    await db.$disconnect();
  }
}
