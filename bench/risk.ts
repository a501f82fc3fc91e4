// npm run bench:risk — the risk model on the KCS synthetic declarations, evaluated as the customs fraud-detection
// literature does (lib/risk/kcs-evaluation.ts): trained on 2020, scored on 2021-Q1, precision@n, recall@n and
// revenue@n for n = 1, 2, 5, 10 % of the test rows against the fraud share and a seeded random selection, with the
// training time. Reads the CSV files directly (no database). Writes bench/results/risk.json.
import path from "node:path";
import { evaluateOnKcs } from "@/lib/risk/kcs-evaluation";
import { machine, ROOT, round, writeResult } from "./support";

const KCS_DIR = process.env.KCS_DIR ?? path.resolve(ROOT, "../shared/data/kcs");

const result = await evaluateOnKcs(KCS_DIR);
writeResult("risk", {
  benchmark: "risk",
  at: new Date().toISOString(),
  machine: machine(),
  ...result,
  seconds: { read: round(result.seconds.read, 3), training: round(result.seconds.training, 3) },
});
