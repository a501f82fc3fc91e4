// Explore end to end in Chromium against the built portal (tests/support/e2e-setup.ts: canonical-small imported,
// demo users seeded). A manager opens OF001's same-day assessment rate (P1) for March 2025, sees the value equal to
// computeKpis and the rows adding up to it, filters to the numerator, exports CSV/XLSX and opens a declaration;
// officer OF001 is refused OF002's drill-down, exports and declarations; the French pages are in French.
// Screenshots: screenshots/explore-*.png.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { manager: MANAGER, officer: OFFICER } = DEMO_SIGN_IN;
const MARCH = "from=2025-03-01&to=2025-03-31";
const P1_OF001 = `/explore/kpi?kpi=P1&type=officer&id=OF001&${MARCH}`;
const P1_OF002 = `/explore/kpi?kpi=P1&type=officer&id=OF002&${MARCH}`;

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);

const rowIds = (page: Page) =>
  page
    .locator('[data-testid="drilldown-table"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-decl"), r.getAttribute("data-in-numerator")]));

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
});

describe("explore", () => {
  it("takes a manager from a KPI value to the declarations behind it and to one declaration", async () => {
    const page = await signIn(MANAGER);
    const response = await page.goto(P1_OF001);
    expect(response?.status()).toBe(200);
    await page.locator('[data-testid="drilldown-table"]').waitFor();
    const [expected] = await computeKpis({
      from: "2025-03-01",
      to: "2025-03-31",
      subject: "officer",
      subjectIds: ["OF001"],
      kpiIds: ["P1"],
    });
    expect(await page.locator('[data-testid="kpi-n"]').textContent()).toBe(String(expected!.denominator));
    expect(await page.locator('[data-testid="kpi-numerator"]').textContent()).toBe(String(expected!.numerator));
    // The fixture by hand: D001 assessed the day it was registered, D002 the next day → 1 of 2, 50 %.
    expect(await page.locator('[data-testid="kpi-value"]').textContent()).toBe("50%");
    const rows = await rowIds(page);
    expect(rows).toContainEqual(["D001", "true"]);
    expect(rows).toContainEqual(["D002", "false"]);
    expect(rows).toHaveLength(expected!.denominator!);
    expect(rows.filter(([, inNumerator]) => inNumerator === "true")).toHaveLength(expected!.numerator!);
    await screenshot(page, "explore-kpi-manager-en");

    await page.getByRole("link", { name: "Numerator only" }).click();
    await page.waitForURL(/only=numerator/);
    await expect.poll(async () => (await rowIds(page)).every(([, n]) => n === "true")).toBe(true);

    const csv = await page.request.get(`/api/explore/kpi.csv?kpi=P1&type=officer&id=OF001&${MARCH}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^decl_id,/);
    expect(lines).toHaveLength(expected!.denominator! + 1);
    const xlsx = await page.request.get(`/api/explore/kpi.xlsx?kpi=P1&type=officer&id=OF001&${MARCH}`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

    await page.goto(P1_OF001);
    await page.getByRole("link", { name: "D001", exact: true }).click();
    await page.waitForURL(/\/explore\/declarations\/D001/);
    await page.getByRole("heading", { level: 1, name: "Declaration D001" }).waitFor();
    expect(await page.locator('[data-field="assessing_officer_id"]').textContent()).toBe("OF001");
    expect(await page.locator('[data-testid="declaration-items"] tbody tr').count()).toBe(2);
    expect(await page.locator('[data-testid="declaration-events"] li').count()).toBe(4);
    await screenshot(page, "explore-declaration-manager-en");
    await page.getByRole("link", { name: "Back to the indicator" }).click();
    await page.waitForURL(/\/explore\/kpi\?/);
  });

  it("shows an empty state and the form when nothing is chosen, and a percentile's measures", async () => {
    const page = await signIn(MANAGER);
    expect((await page.goto("/explore/kpi"))?.status()).toBe(200);
    await page.getByRole("heading", { name: "Choose an indicator and a subject" }).waitFor();
    await screenshot(page, "explore-empty-en");
    await page.goto(`/explore/kpi?kpi=P4&type=office&id=CMDLA1&${MARCH}`);
    await page.locator('[data-testid="drilldown-table"]').waitFor();
    expect(await page.locator("thead").textContent()).toContain("Measure");
  });

  it("refuses officer OF001 OF002's drill-down, its exports and its declarations", async () => {
    const page = await signIn(OFFICER);
    // The empty form starts from the officer's own id.
    await page.goto("/explore/kpi");
    expect(await page.locator('input[name="id"]').inputValue()).toBe("OF001");
    expect((await page.goto(P1_OF001))?.status()).toBe(200);
    await page.locator('[data-testid="drilldown-table"]').waitFor();
    await screenshot(page, "explore-kpi-officer-en");
    expect((await page.goto(P1_OF002))?.status()).toBe(403);
    await screenshot(page, "explore-other-officer-403-officer");
    expect((await page.goto(`/explore/kpi?kpi=P1&type=office&id=CMDLA1&${MARCH}`))?.status()).toBe(403);
    expect((await page.request.get(`/api/explore/kpi.csv?kpi=P1&type=officer&id=OF002&${MARCH}`)).status()).toBe(403);
    expect((await page.request.get(`/api/explore/kpi.xlsx?kpi=P1&type=officer&id=OF002&${MARCH}`)).status()).toBe(403);
    // D003 was assessed by OF002: not found for OF001, like a declaration that does not exist.
    expect((await page.goto("/explore/declarations/D003"))?.status()).toBe(404);
    expect((await page.goto("/explore/declarations/D001"))?.status()).toBe(200);
  });

  it("speaks French", async () => {
    const page = await signIn(MANAGER, "fr");
    await page.goto(P1_OF001);
    await page.locator('[data-testid="drilldown-table"]').waitFor();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("P1 · Taux de liquidation le jour même");
    await page.getByRole("link", { name: "Numérateur seulement" }).waitFor();
    await page.getByRole("link", { name: "Exporter en CSV" }).waitFor();
    expect(await page.locator('[data-testid="drilldown-table"] thead').textContent()).toContain("Déclaration");
    await screenshot(page, "explore-kpi-manager-fr");
    await page.goto("/explore/declarations/D003");
    await page.getByRole("heading", { level: 1, name: "Déclaration D003" }).waitFor();
    await page.getByRole("heading", { name: "Visites" }).waitFor();
    await screenshot(page, "explore-declaration-manager-fr");
  });
});
