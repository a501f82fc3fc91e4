// Selectivity performance and risk feedback end to end in Chromium against the built portal and its worker. The
// test brings its own data, in office EZ over January–May 2024 (far from the canonical-small fixture's 2025):
//   EZ-0001 … EZ-0500, 100 a month, registered in red; broker BZ<n mod 10>; inspected the next day for n ≤ 400
//   (January–April), with an offence (adjustment 100) for broker BZ9 and for n mod 7 = 0; May's 100 not inspected.
//   EZ-0501: yellow re-routed to green by officer EZ-01 on 2024-02-01, found with an offence on 2024-02-20.
// The manager asks for a training on January–March evaluated on April through the screen; the worker trains and
// then scores May. The evaluation and selectivity figures on screen must be those stored; an officer is refused
// every page and export (403).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import type { RiskEvaluation } from "@/lib/risk/evaluate-risk-model";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { manager: MANAGER, officer: OFFICER } = DEMO_SIGN_IN;

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);

async function insertData() {
  await pool.query(`INSERT INTO offices (office_code, name, open_time, close_time, workdays) VALUES ('EZ', 'Office EZ', '08:00', '16:00', '{1,2,3,4,5}')
                    ON CONFLICT DO NOTHING`);
  await pool.query(
    `INSERT INTO officers (officer_id, full_name, office_code, unit) VALUES ('EZ-01', 'Zoé Test', 'EZ', 'Risk') ON CONFLICT DO NOTHING`,
  );
  await pool.query(`SELECT ensure_declaration_partitions('2024-01-01', '2024-05-31')`);
  const reg = `(make_date(2024, 1 + (n - 1) / 100, 1) + ((n - 1) % 100 % 28))::timestamp + interval '9 hours'`;
  const offence = `(n % 10 = 9 OR n % 7 = 0)`;
  await pool.query(
    `INSERT INTO declarations (decl_id, office_code, flow, broker_id, reg_ts, lane_initial, lane_final, assignment_mode, status)
     SELECT 'EZ-' || lpad(n::text, 4, '0'), 'EZ', 'I', 'BZ' || n % 10, ${reg}, 'R', 'R', 'auto', 'assessed' FROM generate_series(1, 500) n`,
  );
  await pool.query(
    `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, cif_value)
     SELECT 'EZ-' || lpad(n::text, 4, '0'), 1, '620342', '620342', 'CN', 10, 100 FROM generate_series(1, 500) n`,
  );
  await pool.query(
    `INSERT INTO inspections (decl_id, exam_ts, result, offence_code, adjustment_amount)
     SELECT 'EZ-' || lpad(n::text, 4, '0'), ${reg} + interval '1 day', CASE WHEN ${offence} THEN 'offence' ELSE 'no_offence' END::"InspectionResult",
            CASE WHEN ${offence} THEN 'UNDERVALUATION' END, CASE WHEN ${offence} THEN 100 END
       FROM generate_series(1, 400) n`,
  );
  await pool.query(`INSERT INTO declarations (decl_id, office_code, flow, broker_id, reg_ts, lane_initial, lane_final, assignment_mode, assessing_officer_id, status)
                    VALUES ('EZ-0501', 'EZ', 'I', 'BZ1', '2024-02-01 08:00', 'Y', 'G', 'manual', 'EZ-01', 'assessed')`);
  await pool.query(
    `INSERT INTO events (decl_id, ts, action, officer_id, lane_from, lane_to) VALUES ('EZ-0501', '2024-02-01 09:00', 'reroute', 'EZ-01', 'Y', 'G')`,
  );
  await pool.query(
    `INSERT INTO inspections (decl_id, exam_ts, result, offence_code, adjustment_amount) VALUES ('EZ-0501', '2024-02-20 10:00', 'offence', 'QUANTITY', 55)`,
  );
}

// Polls until `read` gives something (the worker's jobs finish in their own time).
async function waitFor<T>(read: () => Promise<T | null | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for the worker");
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const percent = (locale: string, v: number | null) =>
  v === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v);

beforeAll(async () => {
  browser = await launchChromium();
  await insertData();
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await db.$disconnect();
});

describe("analysis: selectivity and risk", () => {
  it("lets a manager train a model from the screen and read its evaluation and scores as stored", async () => {
    const page = await signIn(MANAGER);
    expect((await page.goto("/analysis/risk"))?.status()).toBe(200);
    await page.locator("#risk-trainFrom").fill("2024-01-01");
    await page.locator("#risk-trainTo").fill("2024-03-31");
    await page.locator("#risk-testFrom").fill("2024-04-01");
    await page.locator("#risk-testTo").fill("2024-04-30");
    await page.getByTestId("train-form").getByRole("button", { name: "Train a model" }).click();

    // The training run through the worker (it then scores the latest month of all the data, the fixture's).
    const model = await waitFor(() =>
      db.riskModel.findFirst({
        where: { trainFrom: new Date("2024-01-01T00:00:00Z"), trainTo: new Date("2024-03-31T00:00:00Z") },
      }),
    );
    // Score May 2024 with it from the screen.
    await page.goto(`/analysis/risk?model=${model.id}`);
    await page.locator("#risk-score-month").selectOption("2024-05");
    await page.getByTestId("score-form").getByRole("button", { name: "Score with this model" }).click();
    // The fixture's office only: another file's data may have declarations of May 2024 too, scored alike.
    await waitFor(async () =>
      (await db.riskScore.count({
        where: {
          modelId: model.id,
          officeCode: "EZ",
          regTs: { gte: new Date("2024-05-01T00:00:00Z"), lt: new Date("2024-06-01T00:00:00Z") },
        },
      })) === 100
        ? true
        : null,
    );
    await page.goto(`/analysis/risk?model=${model.id}&month=2024-05`);
    await page.getByTestId("evaluation-table").waitFor();
    const evaluation = model.metrics as unknown as RiskEvaluation;
    expect(evaluation.test.rows).toBe(100);
    for (const r of evaluation.test.perN) {
      await expect(page.getByTestId(`precision-${r.n}`).textContent()).resolves.toBe(
        percent("en-GB", r.model.precision),
      );
      await expect(page.getByTestId(`recall-${r.n}`).textContent()).resolves.toBe(percent("en-GB", r.model.recall));
      await expect(page.getByTestId(`random-precision-${r.n}`).textContent()).resolves.toBe(
        percent("en-GB", r.random.precision),
      );
    }
    await page.locator('[data-testid="chart-precision"] svg.recharts-surface').first().waitFor();
    // Precision per office: EZ alone, its own top 5 % of April's 100 (5 declarations) as stored.
    const ez = evaluation.test.offices.find((o) => o.office === "EZ")!.perN.find((r) => r.n === 5)!;
    await expect(
      page
        .locator('[data-testid="office-precision"] tr[data-office="EZ"] [data-testid="office-precision-value"]')
        .textContent(),
    ).resolves.toBe(percent("en-GB", ez.precision));
    // The drift check the training queued: April, the month after the window, against the training rows.
    await waitFor(() => db.riskDriftCheck.findFirst({ where: { modelId: model.id } }));
    await page.reload();
    await page.locator('[data-testid="drift-table"] tr[data-month="2024-04"]').waitFor();
    // How the options were chosen: February and March, each from the months before.
    await page.getByTestId("selection-chosen").waitFor();
    // May's highest scores are broker BZ9's, raised by their declarant first (its offence rate shown), each opening
    // the declaration.
    const first = page.locator('[data-testid="top-scores"] tbody tr').first();
    await expect(first.getByTestId("raised-by").textContent()).resolves.toMatch(
      /^declarant BZ9: [\d.]+% offences \(\+/,
    );
    const declId = await first.getAttribute("data-decl");
    await screenshot(page, "analysis-risk-manager-en");
    await Promise.all([
      page.waitForURL(new RegExp(`/explore/declarations/${declId}`)),
      first.getByRole("link", { name: declId! }).click(),
    ]);

    // The labels export: the inspections in the cases' label format.
    const csv = await page.request.get("/api/risk/labels.csv?from=2024-01-01&to=2024-01-31");
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("decl_id,illicit,revenue,offence_code");
    expect(lines).toContain("EZ-0007,1,100,UNDERVALUATION");
    expect(lines).toContain("EZ-0001,0,0,");
  });

  it("shows the stored selectivity figures and the re-routing found out later, in English and French", async () => {
    const page = await signIn(MANAGER);
    // Recomputed now from the screen (the data above was not imported, so no import made the tables stale).
    await page.goto("/analysis/selectivity");
    await page.getByTestId("selectivity-run").getByRole("button", { name: "Recompute now" }).click();
    await waitFor(async () =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM selectivity_lanes WHERE office_code = 'EZ'`))
        .rows[0]!.n > 0
        ? true
        : null,
    );
    await page.goto("/analysis/selectivity?office=EZ&from=2024-01&to=2024-05");
    await page.getByTestId("lane-totals").waitFor();
    const { rows } = await pool.query<{ inspections: number; offences: number }>(
      `SELECT sum(inspections)::int AS inspections, sum(offences)::int AS offences FROM selectivity_lanes
        WHERE office_code = 'EZ' AND lane_kind = 'initial' AND lane = 'R'`,
    );
    const { inspections, offences } = rows[0]!;
    const count = (n: number) => new Intl.NumberFormat("en-GB").format(n);
    await expect(
      page.locator('[data-testid="lane-totals"] tr[data-lane="R"] [data-testid="hit-rate"]').textContent(),
    ).resolves.toBe(`${percent("en-GB", offences / inspections)} (${count(offences)}/${count(inspections)})`);
    await expect(
      page.locator('[data-testid="reroutes-table"] tr[data-officer="EZ-01"]').textContent(),
    ).resolves.toContain("100% (1/1)");
    await page.locator('[data-testid="chart-share"] svg.recharts-surface').first().waitFor();
    await screenshot(page, "analysis-selectivity-manager-en");

    const fr = await signIn(MANAGER, "fr-FR");
    await fr.goto("/analysis/selectivity?office=EZ&from=2024-01&to=2024-05");
    await expect(fr.locator("h1").textContent()).resolves.toBe("Performance de la sélectivité");
    await expect(fr.locator('[data-testid="lane-totals"] tr[data-lane="R"] th').textContent()).resolves.toBe("Rouge");
    await screenshot(fr, "analysis-selectivity-manager-fr");
    await fr.goto("/analysis/risk");
    await expect(fr.locator("h1").textContent()).resolves.toBe("Retour d’expérience du risque");
    await expect(fr.locator("#drift-title").textContent()).resolves.toBe("Surveillance de la dérive");
    await screenshot(fr, "analysis-risk-manager-fr");

    const lanes = await page.request.get("/api/selectivity/lanes.csv?office=EZ&from=2024-01&to=2024-05");
    expect(lanes.status()).toBe(200);
    expect((await lanes.text()).split("\r\n")[0]).toBe(
      "month,office_code,lane_kind,lane,declarations,office_declarations,share,inspections,offences,hit_rate,adjustment_total,yield_per_inspection,tax_delta,tax_delta_n",
    );
  });

  it("refuses both pages and every export to an officer", async () => {
    const page = await signIn(OFFICER);
    for (const url of ["/analysis/selectivity", "/analysis/risk"])
      expect((await page.goto(url))?.status(), url).toBe(403);
    for (const url of [
      "/api/risk/labels.csv",
      "/api/selectivity/lanes.csv",
      "/api/selectivity/reroutes.xlsx",
      "/api/risk/runs/1",
      "/api/selectivity/runs/1",
    ]) {
      expect((await page.request.get(url)).status(), url).toBe(403);
    }
  });
});
