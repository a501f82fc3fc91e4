// Time Release Study and mirror analysis end to end in Chromium against the built portal and its worker, on
// tests/fixtures/canonical-small (imported by the e2e setup, which queues the TRS of March 2025 and the mirror of
// 2025). The manager reads the TRS of March with the numbers computeTrs gives, computes a period not stored yet
// with the Compute button, downloads the report as PDF, opens the mirror ranking of 2025 and drills from the
// flagged CN × 851713 flow (partner reports 250,000 USD; D001's smartphones were declared at 1,000,000 XAF / 605.5 /
// 1.06 ≈ 1,558 USD) to its importer and declaration. An integrity analyst opens the same declaration; an officer is
// refused every analysis page and route (403). Screenshots: screenshots/analysis-*.png.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { computeTrs } from "@/lib/trs/compute-trs";
import { computeMirror } from "@/lib/mirror/compute-mirror";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { manager: MANAGER, integrity: INTEGRITY, officer: OFFICER } = DEMO_SIGN_IN;
const MARCH = { from: "2025-03-01", to: "2025-03-31" };

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);

// The import's trs.compute and mirror.compute jobs run on the e2e worker; wait for what this test reads.
async function waitForStored(sql: string, args: unknown[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(sql, args);
    if (rows[0]!.n > 0) return;
    if (Date.now() > deadline) throw new Error(`not stored in time: ${sql}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  await waitForStored("SELECT count(*)::int AS n FROM trs_results WHERE period_from = $1 AND period_to = $2", [
    MARCH.from,
    MARCH.to,
  ]);
  await waitForStored("SELECT count(*)::int AS n FROM mirror_results WHERE year = 2025", []);
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await db.$disconnect();
});

describe("Time Release Study and mirror analysis", () => {
  it("shows a manager the TRS of March 2025 with the numbers computeTrs gives, and the report as PDF", async () => {
    const page = await signIn(MANAGER);
    await page.waitForURL("**/dashboard");
    await page.getByRole("navigation", { name: "Portal areas" }).getByRole("link", { name: "Analysis" }).click();
    await page.waitForURL("**/analysis");
    const response = await page.goto(`/analysis/trs?from=${MARCH.from}&to=${MARCH.to}`);
    expect(response?.status()).toBe(200);
    await page.getByTestId("trs-table").waitFor();

    const expected = await computeTrs(MARCH);
    expect(expected.length).toBeGreaterThan(0);
    const shown = await page.locator('[data-testid="trs-table"] tbody tr').evaluateAll((rows) =>
      rows.map((tr) => {
        const value = (field: string) => {
          const v = tr.querySelector(`[data-field="${field}"]`)?.getAttribute("data-value") ?? "";
          return v === "" ? null : Number(v);
        };
        const [officeCode, lane, interval] = (tr.getAttribute("data-row") ?? "").split("|");
        return {
          officeCode,
          lane,
          interval,
          count: value("count"),
          meanH: value("meanH"),
          medianH: value("medianH"),
          p90H: value("p90H"),
          censored: value("censored"),
        };
      }),
    );
    expect(shown).toEqual(expected);
    // D001 (CMDLA1, green): registered 08:15, assessed 10:00 → 1.75 h, as the table reads it.
    const d001 = page.locator('[data-testid="trs-table"] tr[data-row="CMDLA1|G|reg_asmt"]');
    await expect(d001.locator('[data-field="count"]').innerText()).resolves.toBe("2");
    await page.locator('[data-testid="stage-chart-CMDLA1"] svg.recharts-surface').first().waitFor();
    await screenshot(page, "analysis-trs-manager-en");

    const pdf = await page.request.get(`/api/trs/report.pdf?from=${MARCH.from}&to=${MARCH.to}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    const report = await page.goto(`/analysis/trs/report?from=${MARCH.from}&to=${MARCH.to}`);
    expect(report?.status()).toBe(200);
    await page.getByTestId("trs-report-print").waitFor();
    await screenshot(page, "analysis-trs-report-en");

    const csv = await page.request.get(`/api/trs/table.csv?from=${MARCH.from}&to=${MARCH.to}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "period_from,period_to,office_code,lane,interval,count,mean_h,median_h,p90_h,censored",
    );
  });

  it("computes a period not stored yet from the Compute button, with progress, and shows it", async () => {
    const page = await signIn(MANAGER);
    const period = { from: "2025-03-01", to: "2025-03-05" };
    await page.goto(`/analysis/trs?from=${period.from}&to=${period.to}`);
    await expect(page.getByTestId("computation-status").getAttribute("data-stored")).resolves.toBe("no");
    await page.getByTestId("compute-button").click();
    await page.getByTestId("trs-table").waitFor({ timeout: 90_000 });
    const expected = await computeTrs(period);
    await expect(page.locator('[data-testid="trs-table"] tbody tr').count()).resolves.toBe(expected.length);
    await screenshot(page, "analysis-trs-computed-en");
  });

  it("shows the TRS views in French", async () => {
    const page = await signIn(MANAGER, "fr-FR");
    await page.goto(`/analysis/trs?from=${MARCH.from}&to=${MARCH.to}`);
    await expect(page.locator("h1").innerText()).resolves.toBe("Étude sur le temps nécessaire à la mainlevée");
    await page.getByTestId("trs-table").waitFor();
    await screenshot(page, "analysis-trs-manager-fr");
    for (const view of ["distribution", "trend", "peaks", "compare"]) {
      expect((await page.goto(`/analysis/trs/${view}?from=${MARCH.from}&to=${MARCH.to}`))?.status(), view).toBe(200);
      await screenshot(page, `analysis-trs-${view}-fr`);
    }
  });

  it("ranks the mirror flows of 2025 and drills from the flagged one to its importer and declaration", async () => {
    const page = await signIn(MANAGER);
    expect((await page.goto("/analysis/mirror?year=2025"))?.status()).toBe(200);
    const rows = await computeMirror({ year: 2025 });
    const flagged = rows.filter((r) => r.flagged).map((r) => `${r.partnerCountry}|${r.hs6}`);
    expect(flagged).toEqual(["CN|851713"]);
    const first = page.locator('[data-testid="mirror-table"] tbody tr').first();
    await expect(first.getAttribute("data-row")).resolves.toBe("CN|851713");
    await expect(first.getAttribute("data-flagged")).resolves.toBe("yes");
    const cn = rows.find((r) => r.partnerCountry === "CN")!;
    await expect(first.locator('[data-field="valueGapUsd"]').getAttribute("data-value")).resolves.toBe(
      String(cn.valueGapUsd),
    );
    await screenshot(page, "analysis-mirror-manager-en");

    await first.getByRole("link", { name: /CN × 851713/ }).click();
    await page.waitForURL("**/analysis/mirror/CN/851713?year=2025");
    // The import side streams in behind a skeleton.
    await page.getByTestId("drill-declarations").waitFor();
    await expect(
      page
        .locator('[data-testid="drill-importers"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-importer"))),
    ).resolves.toEqual(["IMP01"]);
    await expect(
      page
        .locator('[data-testid="drill-declarations"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-decl"))),
    ).resolves.toEqual(["D001"]);
    await screenshot(page, "analysis-mirror-drill-en");
    await page.getByRole("link", { name: "D001" }).click();
    await page.waitForURL("**/explore/declarations/D001");
    await page.getByTestId("declaration-record").waitFor();
    await expect(page.locator('[data-field="importer_id"]').innerText()).resolves.toBe("IMP01");
  });

  it("lets an integrity analyst drill to the same declaration", async () => {
    const page = await signIn(INTEGRITY);
    await page.waitForURL("**/integrity");
    expect((await page.goto("/analysis/mirror/CN/851713?year=2025"))?.status()).toBe(200);
    await page.getByRole("link", { name: "D001" }).click();
    await page.waitForURL("**/explore/declarations/D001");
    await page.getByTestId("declaration-record").waitFor();
  });

  it("refuses every analysis page and route to an officer", async () => {
    const page = await signIn(OFFICER);
    await page.waitForURL("**/me");
    await expect(
      page.getByRole("navigation", { name: "Portal areas" }).getByRole("link", { name: "Analysis" }).count(),
    ).resolves.toBe(0);
    const q = `from=${MARCH.from}&to=${MARCH.to}`;
    for (const url of [
      "/analysis",
      `/analysis/trs?${q}`,
      `/analysis/trs/distribution?${q}`,
      `/analysis/trs/trend?${q}`,
      `/analysis/trs/peaks?${q}`,
      `/analysis/trs/compare?${q}`,
      `/analysis/trs/report?${q}`,
      "/analysis/mirror?year=2025",
      "/analysis/mirror/CN/851713?year=2025",
    ]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }
    await screenshot(page, "analysis-refused-officer-en");
    for (const url of [
      `/api/trs/table.csv?${q}`,
      `/api/trs/table.xlsx?${q}`,
      `/api/trs/compare.csv?${q}`,
      `/api/trs/compare.xlsx?${q}`,
      `/api/trs/report.pdf?${q}`,
      "/api/trs/runs/1",
      "/api/mirror/table.csv?year=2025",
      "/api/mirror/table.xlsx?year=2025",
      "/api/mirror/runs/1",
    ]) {
      expect((await page.request.get(url)).status(), url).toBe(403);
    }
    expect((await page.request.post("/api/trs/runs", { data: { kind: "trs", ...MARCH } })).status()).toBe(403);
    expect((await page.request.post("/api/mirror/runs", { data: { kind: "mirror", year: 2025 } })).status()).toBe(403);
  });
});
