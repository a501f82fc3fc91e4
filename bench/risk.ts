// npm run bench:risk — the risk model on the KCS synthetic declarations, evaluated as the customs fraud-detection
// literature does (lib/risk/kcs-evaluation.ts): trained on 2020, scored on 2021-Q1, precision@n, recall@n and
// revenue@n for n = 1, 2, 5, 10 % of the test rows against the fraud share and a seeded random selection, with the
// training time. Reads the CSV files directly (no database). Writes bench/results/risk.json.
import { evaluateOnKcs } from "@/lib/risk/kcs-evaluation";
import { requireKcsDataDir } from "@/tests/support/kcs-data";
import { machine, round, writeResult } from "./support";

let kcsDataDir: string;
try {
  kcsDataDir = requireKcsDataDir();
} catch (error) {
  console.error(`bench:risk: ${(error as Error).message}`);
  process.exit(1);
}

const result = await evaluateOnKcs(kcsDataDir);
writeResult("risk", {
  benchmark: "risk",
  at: new Date().toISOString(),
  machine: machine(),
  ...result,
  seconds: { read: round(result.seconds.read, 3), training: round(result.seconds.training, 3) },
});
