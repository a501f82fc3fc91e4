// `pmc risk evaluate` (docs/cli.md) on a hand-made data set whose figures can be counted by hand.
//
// Office EV, one product (610910, from CN, shipped from CN), one importer I1, every item 10 kg worth 100 with taxes
// 10: the only thing that tells declarations apart is their declarant.
//   Training window, January 2025: 100 inspected declarations from 1 January on. Declarant BX lodged
//   20 of them, 15 with an offence found; BY lodged 80, 8 with an offence.
//   Test window, February 2025: 100 inspected declarations T-001 … T-100. BX lodged T-001 … T-020, offences in the
//   twelve whose number is not a multiple of 3 up to 17 (1 2 4 5 7 8 10 11 13 14 16 17); BY lodged T-021 … T-100,
//   offences in T-025, T-035, …, T-095 (8). 20 positives.
// Rows that must be left out: 30 declarations of December 2024 lodged by BY, all offences (had they counted, BY
// would look worse than BX and the ranking would turn over); 20 January declarations of BX never inspected
// (unlabelled); a cancelled February declaration with an offence.
//
// Every BX test declaration gets one score and every BY one another, BX's above BY's, so the ranking is T-001 …
// T-020 then T-021 … T-100 (ties by declaration id). Hence, with k = round(100 · n / 100):
//   n = 1: k 1, T-001 → precision 1, recall 1/20          n = 2: k 2, 2 of 2 → 1, 2/20
//   n = 5: k 5, T-001…T-005 hold 1 2 4 5 → 4/5, 4/20      n = 10: k 10, 1 2 4 5 7 8 10 → 7/10, 7/20
//   ROC AUC: of the 20 × 80 (positive, negative) pairs, BX positives beat the 72 BY negatives (12 × 72 = 864),
//   tie with the 8 BX negatives (96) and BY positives tie with the 72 BY negatives (576) for half each, BY positives
//   lose to BX negatives (64): (864 + 672 / 2) / 1600 = 0.75.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { clearClearanceData } from "@/tests/support/clearance-db";

const run = promisify(execFile);

async function insertFixture() {
  await pool.query(
    `INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES ('EV', 'Office EV', '08:00', '16:00', '{1,2,3,4,5}')`,
  );
  await pool.query(`SELECT ensure_declaration_partitions('2024-12-01', '2025-03-31')`);
  // id, broker, registration, inspected result ('offence' / 'no_offence' / null), status
  const rows: [string, string, string, string | null, string][] = [];
  for (let i = 1; i <= 100; i++) {
    // BX: training declarations 1–20, offences 1–15; BY: 21–100, offences 21–28.
    const broker = i <= 20 ? "BX" : "BY";
    const offence = i <= 15 || (i > 20 && i <= 28);
    // Both declarants start on 1 January: BX one a day (1–20 January), BY cycling over 1–28 January.
    const day = i <= 20 ? i : 1 + ((i - 21) % 28);
    const date = `2025-01-${String(day).padStart(2, "0")}`;
    rows.push([`L-${String(i).padStart(3, "0")}`, broker, date, offence ? "offence" : "no_offence", "registered"]);
  }
  for (let i = 1; i <= 100; i++) {
    const broker = i <= 20 ? "BX" : "BY";
    const offence = i <= 20 ? i <= 17 && i % 3 !== 0 : i % 10 === 5;
    const date = `2025-02-${String(1 + ((i - 1) % 28)).padStart(2, "0")}`;
    rows.push([`T-${String(i).padStart(3, "0")}`, broker, date, offence ? "offence" : "no_offence", "registered"]);
  }
  for (let i = 1; i <= 30; i++)
    rows.push([`D-${String(i).padStart(3, "0")}`, "BY", "2024-12-15", "offence", "registered"]);
  for (let i = 1; i <= 20; i++) rows.push([`U-${String(i).padStart(3, "0")}`, "BX", "2025-01-20", null, "registered"]);
  rows.push(["C-001", "BY", "2025-02-10", "offence", "cancelled"]);

  await pool.query(
    `INSERT INTO declarations (decl_id, office_code, flow, broker_id, importer_id, export_country, reg_ts, lane_initial,
                               lane_final, assignment_mode, status)
     SELECT t.id, 'EV', 'I', t.broker, 'I1', 'CN', t.reg::timestamp + interval '9 hours', 'R', 'R', 'auto', t.status::"DeclarationStatus"
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, broker, reg, status)`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[4])],
  );
  await pool.query(
    `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, cif_value, taxes)
     SELECT id, 1, '610910', '610910', 'CN', 10, 100, 10 FROM unnest($1::text[]) AS id`,
    [rows.map((r) => r[0])],
  );
  const inspected = rows.filter((r) => r[3] !== null);
  await pool.query(
    `INSERT INTO inspections (decl_id, exam_ts, result, offence_code, adjustment_amount)
     SELECT t.id, t.reg::timestamp + interval '1 day', t.result::"InspectionResult",
            CASE WHEN t.result = 'offence' THEN 'UNDERVALUATION' END, NULL
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, reg, result)`,
    [inspected.map((r) => r[0]), inspected.map((r) => r[2]), inspected.map((r) => r[3])],
  );
}

async function evaluate(args: string[]): Promise<unknown> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pmc-risk-"));
  const out = path.join(dir, "risk.json");
  await run(process.execPath, ["bin/pmc.mjs", "risk", "evaluate", ...args, "--out", out], { env: process.env });
  return JSON.parse(await readFile(out, "utf8"));
}

const WINDOWS = ["--train-from", "2025-01-01", "--train-to", "2025-01-31", "--test-from", "2025-02-01"];

describe("pmc risk evaluate", () => {
  beforeAll(async () => {
    await clearClearanceData();
    await pool.query("DELETE FROM risk_models");
    await insertFixture();
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("trains on the training window's labelled declarations only and writes the selection metrics of the test window", async () => {
    const result = (await evaluate([...WINDOWS, "--test-to", "2025-02-28"])) as {
      perN: { precision: number; recall: number }[];
      auc: number;
    };
    expect(Object.keys(result)).toEqual(["train", "test", "auc", "perN"]);
    expect(result).toMatchObject({
      train: { from: "2025-01-01", to: "2025-01-31", rows: 100 },
      test: { from: "2025-02-01", to: "2025-02-28", rows: 100, positives: 20 },
    });
    expect(result.auc).toBeCloseTo(0.75, 12);
    expect(result.perN.map((r) => Object.keys(r))).toEqual(Array(4).fill(["pct", "k", "precision", "recall"]));
    const expected = [
      [1, 1, 1, 1 / 20],
      [2, 2, 1, 2 / 20],
      [5, 5, 4 / 5, 4 / 20],
      [10, 10, 7 / 10, 7 / 20],
    ];
    result.perN.forEach((r, i) => {
      const [pct, k, precision, recall] = expected[i]!;
      expect(r).toMatchObject({ pct, k });
      expect(r.precision).toBeCloseTo(precision!, 12);
      expect(r.recall).toBeCloseTo(recall!, 12);
    });
  });

  it("stores the model it evaluated, once, with the options chosen and the evaluation the risk page shows", async () => {
    const again = await evaluate([...WINDOWS, "--test-to", "2025-02-28"]);
    expect((again as { auc: number }).auc).toBeCloseTo(0.75, 12);
    const models = await db.riskModel.findMany();
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ rows: 100, positives: 23 });
    expect(models[0]!.sources).toMatchObject({ labels: "inspections", inspections: 100, caseFindings: 0 });
  });

  it("refuses a test window that does not come after the training window, with a one-line reason", async () => {
    const failure = await evaluate([...WINDOWS.slice(0, 5), "2025-01-15", "--test-to", "2025-02-28"]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe("pmc: --test-from must be after --train-to");
  });
});
