// The risk model's drift watch (lib/risk/risk-drift.ts): a model trained on January–March, April's declarations drawn
// like the training ones, May's all of the one risky product from the one risky origin. April must read as no
// drift, May as a drift, with a RISK_DRIFT flag for the integrity unit (one, audited, kept by a detection run of the
// month, retired when a later check finds the month back to normal) and the check through the job and the worker.
//
// Office DR, 200 declarations a month, n = 1 … 1000 (month = 1 + (n − 1) / 200). Declaration n draws (from a hash
// of n, so the same every run) its broker among 40 and its importer among 150; HS6 610910 + n mod 4, origin CN
// when n mod 3 = 0 else VN, shipped from its origin, 10 kg worth 100 + n mod 97, taxes 8 %. Offence: HS6 610910
// from CN 60 % of the time, anything else 12 %. May (n = 801 … 1000) is all HS6 610910 from CN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { getRunOrThrow, requestAnalysisRun } from "@/lib/analysis/analysis-runs";
import { trainAndStoreRiskModel } from "@/lib/risk/train-risk-model";
import { checkRiskDrift, driftChecks } from "@/lib/risk/risk-drift";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { closeQueue, getQueue } from "@/lib/queue/enqueue";
import { JOB_NAMES } from "@/lib/queue/job-names";
import { clearClearanceData } from "@/tests/support/clearance-db";
import { startWorker, type WorkerProcess } from "@/tests/support/worker-process";

const draw = (label: string, modulo: number) => `(abs(hashtext('${label}' || n)) % ${modulo})`;
const reg = `(make_date(2025, 1 + (n - 1) / 200, 1) + ((n - 1) % 200 % 28))::timestamp + interval '9 hours'`;
const hs6 = `(610910 + CASE WHEN n > 800 THEN 0 ELSE n % 4 END)::text`;
const origin = `CASE WHEN n > 800 OR n % 3 = 0 THEN 'CN' ELSE 'VN' END`;
const offence = `${draw("y", 100)} < CASE WHEN (${hs6}) = '610910' AND (${origin}) = 'CN' THEN 60 ELSE 12 END`;

async function insertDriftData() {
  await pool.query(
    `INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES ('DR', 'Office DR', '08:00', '16:00', '{1,2,3,4,5}')`,
  );
  await pool.query(`SELECT ensure_declaration_partitions('2025-01-01', '2025-06-30')`);
  await pool.query(
    `INSERT INTO declarations (decl_id, office_code, flow, broker_id, importer_id, export_country, reg_ts, lane_initial,
                               lane_final, assignment_mode, status)
     SELECT 'DR-' || lpad(n::text, 4, '0'), 'DR', 'I', 'B' || ${draw("b", 40)}, 'I' || ${draw("i", 150)}, ${origin}, ${reg},
            'R', 'R', 'auto', 'assessed'
       FROM generate_series(1, 1000) n`,
  );
  await pool.query(
    `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, cif_value, taxes)
     SELECT 'DR-' || lpad(n::text, 4, '0'), 1, ${hs6}, ${hs6}, ${origin}, 10, 100 + n % 97, (100 + n % 97) * 0.08
       FROM generate_series(1, 1000) n`,
  );
  await pool.query(
    `INSERT INTO inspections (decl_id, exam_ts, result, offence_code)
     SELECT 'DR-' || lpad(n::text, 4, '0'), ${reg} + interval '1 day',
            CASE WHEN ${offence} THEN 'offence' ELSE 'no_offence' END::"InspectionResult",
            CASE WHEN ${offence} THEN 'ORIGIN' END
       FROM generate_series(1, 1000) n`,
  );
}

async function driftFlags() {
  const { rows } = await pool.query<{ id: number; period_from: string; active: boolean; n: number; score: number }>(
    `SELECT id, to_char(period_from, 'YYYY-MM-DD') AS period_from, active, n, score FROM flags
      WHERE method = 'RISK_DRIFT' ORDER BY id`,
  );
  return rows;
}

describe("risk drift watch", () => {
  let modelId = "";
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM risk_models");
    await getQueue().obliterate({ force: true });
    await insertDriftData();
    const outcome = await trainAndStoreRiskModel({ trainFrom: "2025-01-01", trainTo: "2025-03-31" }, async () => {});
    modelId = outcome.modelId;
  });
  afterAll(async () => {
    await closeQueue();
    await db.$disconnect();
  });

  it("stores the training scores' deciles and the main factors of their top 5 % with the model", async () => {
    const model = await db.riskModel.findUniqueOrThrow({ where: { id: modelId } });
    const reference = model.driftReference as { rows: number; edges: number[]; shares: number[] };
    expect(reference.rows).toBe(600);
    expect(reference.edges).toHaveLength(9);
    expect(reference.shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it("reads April as no drift and May, all of the risky product and origin, as a drift, and flags it", async () => {
    const outcome = await checkRiskDrift({ modelId }, async () => {});
    expect(outcome.months.map((m) => [m.month, m.rows])).toEqual([
      ["2025-04", 200],
      ["2025-05", 200],
    ]);
    const [april, may] = outcome.months;
    expect(april!.level).not.toBe("drift");
    expect(april!.scorePsi).toBeLessThan(0.25);
    expect(may!.level).toBe("drift");
    expect(may!.scorePsi).toBeGreaterThan(april!.scorePsi + 0.25);
    expect(outcome.flagged).toBe(1);

    const checks = await driftChecks(modelId);
    expect(checks.map((c) => c.month)).toEqual(["2025-05", "2025-04"]);
    const { rows: mayOffences } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inspections WHERE result = 'offence' AND exam_ts >= '2025-05-02' AND exam_ts < '2025-06-01'`,
    );
    expect(checks[0]).toMatchObject({ rows: 200, illicit: mayOffences[0]!.n, level: "drift" });
    // Most of May's top 5 % is still caught: the model knows this product and origin.
    expect(checks[0]!.precisionAt5).toBeGreaterThan(0.4);

    const flags = await driftFlags();
    expect(flags).toEqual([expect.objectContaining({ period_from: "2025-05-01", active: true, n: 200 })]);
    // 200 declarations: a top 5 % of 10, too few for its factors to count; the score is the scores' PSI.
    expect(flags[0]!.score).toBeCloseTo(may!.scorePsi, 6);
    const { rows: audit } = await pool.query(
      `SELECT action FROM audit_log WHERE entity_type = 'flag' AND entity_id = $1`,
      [String(flags[0]!.id)],
    );
    expect(audit).toEqual([{ action: "flag.raised" }]);
  });

  it("keeps one flag per model and month, which a detection run of the month does not retire", async () => {
    await checkRiskDrift({ modelId, month: "2025-05" }, async () => {});
    expect(await driftFlags()).toHaveLength(1);
    await detectAndStoreFlags({ from: "2025-05-01", to: "2025-05-31" });
    expect((await driftFlags())[0]!.active).toBe(true);
  });

  it("retires the flag when the month reads as normal again", async () => {
    // May rewritten like the training months (the product and origin of its number).
    await pool.query(
      `UPDATE items i SET hs6 = (610910 + n % 4)::text, hs_code = (610910 + n % 4)::text,
                          origin_country = CASE WHEN n % 3 = 0 THEN 'CN' ELSE 'VN' END
         FROM generate_series(801, 1000) n WHERE i.decl_id = 'DR-' || lpad(n::text, 4, '0')`,
    );
    const outcome = await checkRiskDrift({ modelId, month: "2025-05" }, async () => {});
    expect(outcome.months[0]!.level).not.toBe("drift");
    expect(outcome.retired).toBe(1);
    expect(await driftFlags()).toEqual([expect.objectContaining({ period_from: "2025-05-01", active: false })]);
  });

  it("runs as the risk.drift job through a worker, and the monthly schedule's job asks for a check", async () => {
    const worker: WorkerProcess = await startWorker();
    try {
      const { runId } = await requestAnalysisRun("RISK_DRIFT", { modelId });
      const deadline = Date.now() + 90_000;
      let run = await getRunOrThrow(runId);
      while (run.status !== "SUCCEEDED" && run.status !== "FAILED" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        run = await getRunOrThrow(runId);
      }
      expect(run.error).toBeNull();
      expect(run.result).toMatchObject({ modelId, months: [{ month: "2025-04" }, { month: "2025-05" }] });
      // The monthly schedule's job carries no run: it registers one, which its own risk.drift job then runs.
      const before = await db.analysisRun.count({ where: { kind: "RISK_DRIFT" } });
      await getQueue().add(JOB_NAMES.riskDriftMonthly, {});
      const until = Date.now() + 60_000;
      while ((await db.analysisRun.count({ where: { kind: "RISK_DRIFT" } })) === before && Date.now() < until)
        await new Promise((r) => setTimeout(r, 250));
      expect(await db.analysisRun.count({ where: { kind: "RISK_DRIFT" } })).toBe(before + 1);
    } finally {
      await worker.stop();
    }
  });
});
