// The KCS evaluation run the portal's way: both KCS files imported (pmc import --kcs), then risk.train's work with
// the authors' windows (train 2020, evaluate 2021-Q1) on the labelled outcomes of the database. The stored model and
// its evaluation must be exactly those of the evaluation on the files (bench/results/risk.json, which
// risk-kcs-evaluation.test.ts holds to the code), so the risk screen shows the benchmark's numbers.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { createImportBatch } from "@/lib/clearance/create-import-batch";
import { runImportBatch } from "@/lib/clearance/run-import-batch";
import type { KcsEvaluationResult } from "@/lib/risk/kcs-evaluation";
import { trainAndStoreRiskModel } from "@/lib/risk/train-risk-model";
import type { RiskEvaluation } from "@/lib/risk/evaluate-risk-model";
import { closeQueue } from "@/lib/queue/enqueue";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { KCS_DATA_DIR, KCS_FILES, kcsDataMissing } from "@/tests/support/kcs-data";
import { clearQueuedJobs } from "@/tests/support/clear-jobs";

describe.skipIf(kcsDataMissing())("risk model trained on the imported KCS data", () => {
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM risk_models");
    for (const file of KCS_FILES) {
      await runImportBatch(await createImportBatch({ kind: "KCS", sourcePath: path.join(KCS_DATA_DIR, file) }));
    }
    // The imports queued KPI work no worker runs here.
    await clearQueuedJobs();
  }, 180_000);
  afterAll(async () => {
    await closeQueue();
    await db.$disconnect();
  });

  it("stores the model and the evaluation of the files", async () => {
    const outcome = await trainAndStoreRiskModel(
      { trainFrom: "2020-01-01", trainTo: "2020-12-31", testFrom: "2021-01-01", testTo: "2021-03-31" },
      async () => {},
    );
    expect(outcome).toMatchObject({ created: true, rows: 37385, testRows: 8134 });
    const files = JSON.parse(fs.readFileSync(path.resolve("bench/results/risk.json"), "utf8")) as KcsEvaluationResult;
    const model = await db.riskModel.findUniqueOrThrow({ where: { id: outcome.modelId } });
    expect(model.selection).toMatchObject({ chosen: files.optionSelection.chosen });
    const features = model.features as { factor: string; coefficient: number }[];
    for (const f of features)
      expect(f.coefficient).toBeCloseTo((files.model.coefficients as Record<string, number>)[f.factor]!, 9);
    const metrics = model.metrics as RiskEvaluation;
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
    expect(
      metrics.test.perN.map((r) => ({
        n: r.n,
        k: r.k,
        illicit: r.model.illicit,
        precisionPct: pct(r.model.precision),
        recallPct: pct(r.model.recall),
        revenuePct: pct(r.model.revenue),
      })),
    ).toEqual(
      files.perN.map((r) => ({
        n: r.n,
        k: r.k,
        illicit: r.model.illicit,
        precisionPct: r.model.precisionPct,
        recallPct: r.model.recallPct,
        revenuePct: r.model.revenuePct,
      })),
    );
    expect(metrics.test.perN.map((r) => r.random.illicit)).toEqual(files.perN.map((r) => r.random.illicit));
    expect(metrics.test.auc).toBe(files.auc);
  }, 900_000);
});
