// Dashboards end to end in Chromium against the built portal (canonical-small imported, demo users seeded). Three
// contracts are signed here for March–April 2025, scored by hand from tests/fixtures/canonical-small:
//   office CMDLA1 (P1 threshold 0.2 / target 0.6, P2 0.5 / 0.1, 50/50): March = D001, D002, D003;
//     P1 = 1/3 (D001 same day) → (1/3 − 0.2)/0.4 = 1/3 → 16.67; P2 = 1/3 (D003 took 168 h) → (1/3 − 0.5)/(0.1 − 0.5)
//     = 5/12 → 20.83; overall 37.5
//   unit CMDLA1/Assessment A (P1 only, 0.2 / 0.6): the same three declarations → 33.3
//   officer OF003 of CMDLA5 (P1 only, 0.2 / 0.6): D004 never assessed → P1 = 0 → threshold not met, 0
// The manager filters the overview, opens the office and unit pages, drills from a light to the declarations and
// to one declaration, and reads it all in French; officer OF001 is refused every dashboard and export and sees no
// colleague on their own page. Screenshots: screenshots/dashboard-*.png.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { createContract } from "@/lib/contracts/create-contract";
import { signContract } from "@/lib/contracts/sign-contract";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import { acknowledgeContract } from "@/lib/contracts/acknowledge-contract";
import { hashPassword } from "@/lib/auth/password";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { manager: MANAGER } = DEMO_SIGN_IN;
// An account of its own for OF004 (CMDLA5), whose contract this test signs and the officer acknowledges; the demo
// officers' (OF001, OF002) contracts belong to the contracts test.
const OFFICER = { email: "of004-dashboard@pmc.local", password: "of004-dashboard-2026" };
const PERIOD = { periodFrom: "2025-03-01", periodTo: "2025-04-30" };
const P1 = { kpiId: "P1" as const, threshold: 0.2, target: 0.6, weight: 100, minVolume: 1 };

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);
const ids = { office: 0, unit: 0, officer: 0, own: 0 };

const row = (page: Page, id: number) => page.locator(`[data-testid="overview-table"] tr[data-contract="${id}"]`);

beforeAll(async () => {
  browser = await launchChromium();
  const manager = await db.user.findUniqueOrThrow({ where: { email: MANAGER.email } });
  const actor: Actor = { id: manager.id, role: "MANAGER", officeCode: manager.officeCode, officerId: null };
  const make = async (terms: Parameters<typeof createContract>[0]) => {
    const { id } = await createContract(terms, actor);
    await signContract(id, actor);
    return id;
  };
  ids.office = await make({
    title: "Douala Port I — office 2025",
    partyType: "OFFICE",
    officeCode: "CMDLA1",
    ...PERIOD,
    indicators: [
      { ...P1, weight: 50 },
      { kpiId: "P2" as const, threshold: 0.5, target: 0.1, weight: 50, minVolume: 1 },
    ],
  });
  ids.unit = await make({
    title: "Assessment A — 2025",
    partyType: "UNIT",
    partyUnit: "Assessment A",
    officeCode: "CMDLA1",
    ...PERIOD,
    indicators: [P1],
  });
  ids.officer = await make({
    title: "Marie Fotso — 2025",
    partyType: "OFFICER",
    partyOfficerId: "OF003",
    officeCode: "CMDLA5",
    ...PERIOD,
    indicators: [P1],
  });
  ids.own = await make({
    title: "Paul Etoa — 2025",
    partyType: "OFFICER",
    partyOfficerId: "OF004",
    officeCode: "CMDLA5",
    ...PERIOD,
    indicators: [P1],
  });
  const own = await db.user.upsert({
    where: { email: OFFICER.email },
    create: {
      email: OFFICER.email,
      name: "Paul Etoa",
      role: "OFFICER",
      officeCode: "CMDLA5",
      officerId: "OF004",
      passwordHash: await hashPassword(OFFICER.password),
    },
    update: {},
  });
  await acknowledgeContract(ids.own, { id: own.id, role: "OFFICER", officeCode: "CMDLA5", officerId: "OF004" });
  // What the contracts.refresh-indicators job does after an import, run here so the test does not wait for it.
  await refreshContractIndicators();
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await db.$disconnect();
});

describe("dashboards", () => {
  it("lets a manager filter the overview, open the office and unit pages and drill down to a declaration", async () => {
    const page = await signIn(MANAGER);
    await page.waitForURL("**/dashboard");
    const response = await page.goto("/dashboard?month=2025-03");
    expect(response?.status()).toBe(200);
    await page.getByTestId("overview-table").waitFor();
    await expect(row(page, ids.office).getByTestId("month-score").textContent()).resolves.toBe("37.5");
    await expect(row(page, ids.unit).getByTestId("month-score").textContent()).resolves.toBe("33.3");
    await expect(row(page, ids.officer).getByTestId("month-score").textContent()).resolves.toBe("0");
    await expect(row(page, ids.officer).locator('[data-kpi="P1"]').getAttribute("data-light")).resolves.toBe(
      "below_threshold",
    );
    await expect(row(page, ids.office).locator('[data-kpi="P2"]').getAttribute("data-light")).resolves.toBe("between");
    // Lowest score first.
    const order = await page
      .locator('[data-testid="overview-table"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-contract"))));
    expect(order.indexOf(ids.officer)).toBeLessThan(order.indexOf(ids.unit));
    expect(order.indexOf(ids.unit)).toBeLessThan(order.indexOf(ids.office));
    await screenshot(page, "dashboard-overview-manager-en");

    // Filter to CMDLA1, highest score first, through the form.
    await page.getByLabel("Office", { exact: true }).selectOption("CMDLA1");
    await page.getByLabel("Sort by").selectOption("score-desc");
    await Promise.all([page.waitForURL(/office=CMDLA1/), page.getByRole("button", { name: "Apply" }).click()]);
    await page.getByTestId("overview-table").waitFor();
    const filtered = await page
      .locator('[data-testid="overview-table"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-contract"))));
    expect(filtered).not.toContain(ids.officer);
    expect(filtered.indexOf(ids.office)).toBeLessThan(filtered.indexOf(ids.unit));
    await screenshot(page, "dashboard-overview-filtered-manager-en");

    // The export is the same table.
    const csv = await page.request.get(`/api/dashboard/overview.csv?month=2025-03&office=CMDLA1`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(new RegExp(`^${ids.office},.*,37\\.5,`, "m"));

    // The office page: its table, the trend against the contract's band, the officers' distribution, revenue.
    await page.goto("/dashboard/offices/CMDLA1?kpi=P1&month=2025-03");
    await expect(
      page.locator('[data-testid="subject-kpis"] tr[data-kpi="P1"] [data-testid="kpi-month-value"]').textContent(),
    ).resolves.toBe("33.3%");
    await page.locator('[data-testid="trend-chart"] svg.recharts-surface').first().waitFor();
    await page.locator('[data-testid="distribution-chart"] svg.recharts-surface').first().waitFor();
    await screenshot(page, "dashboard-office-manager-en");
    await page.goto("/dashboard/offices/CMDLA1/units/Assessment%20A?kpi=P1&month=2025-03");
    await expect(page.locator("h1").textContent()).resolves.toBe("Unit Assessment A · office CMDLA1");
    await screenshot(page, "dashboard-unit-manager-en");
    expect((await page.goto("/dashboard/offices/NOPE"))?.status()).toBe(404);

    // From the office contract's P1 light to the declarations behind it, then to one of them.
    await page.goto("/dashboard?month=2025-03");
    await Promise.all([page.waitForURL(/\/explore\/kpi\?/), row(page, ids.office).locator('[data-kpi="P1"]').click()]);
    await page.getByTestId("drilldown-table").waitFor();
    await expect(page.getByTestId("kpi-n").textContent()).resolves.toBe("3");
    await expect(page.getByTestId("kpi-numerator").textContent()).resolves.toBe("1");
    await Promise.all([
      page.waitForURL(/\/explore\/declarations\/D003/),
      page.getByRole("link", { name: "D003" }).click(),
    ]);
    await expect(page.locator("h1").textContent()).resolves.toContain("D003");
  });

  it("shows the overview and the office page in French", async () => {
    const page = await signIn(MANAGER);
    await page.goto("/dashboard?month=2025-03");
    try {
      await page.getByRole("button", { name: "Français" }).click();
      await page.waitForFunction(() => document.documentElement.lang === "fr");
      await expect(page.locator("h1").textContent()).resolves.toBe("Vue d’ensemble");
      // The French table replaces the English one as it streams in: wait for it by its French caption.
      await page.getByRole("table", { name: /^Contrats en vigueur/ }).waitFor();
      await expect(page.getByRole("columnheader", { name: "Note (mois)" }).count()).resolves.toBe(1);
      await expect(row(page, ids.office).getByTestId("month-score").textContent()).resolves.toBe("37,5");
      await screenshot(page, "dashboard-overview-manager-fr");
      await page.goto("/dashboard/offices/CMDLA1?kpi=P2&month=2025-03");
      await page.getByRole("heading", { name: "Recettes par mois et prévision du trimestre suivant" }).waitFor();
      await screenshot(page, "dashboard-office-manager-fr");
    } finally {
      await page.getByRole("button", { name: "English" }).click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
    }
  });

  it("refuses every dashboard and export to an officer, whose own page names no colleague", async () => {
    const page = await signIn(OFFICER);
    await page.waitForURL("**/me");
    for (const url of [
      "/dashboard",
      "/dashboard?month=2025-03",
      "/dashboard/offices/CMDLA1",
      "/dashboard/offices/CMDLA1/units/Assessment%20A",
    ]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }
    expect((await page.request.get("/api/dashboard/overview.csv?month=2025-03")).status()).toBe(403);
    expect((await page.request.get("/api/dashboard/overview.xlsx?month=2025-03")).status()).toBe(403);
    expect((await page.goto("/explore/kpi?kpi=P1&type=officer&id=OF002&from=2025-03-01&to=2025-03-31"))?.status()).toBe(
      403,
    );
    expect((await page.goto("/explore/kpi?kpi=P1&type=office&id=CMDLA1&from=2025-03-01&to=2025-03-31"))?.status()).toBe(
      403,
    );
    const me = await page.goto("/me");
    expect(me?.status()).toBe(200);
    // OF004's own March: D006 assessed the day it was registered → P1 = 100 %, charted month by month.
    await page.locator('[data-testid="my-trend-P1"] svg.recharts-surface').first().waitFor();
    await page.getByTestId("my-trend-P1").getByText("Show the figures as a table").click();
    await expect(page.getByTestId("my-trend-P1").locator("tbody tr").first().innerText()).resolves.toMatch(
      /March 2025\s+100%\s+1/,
    );
    // CMDLA5 has one other officer: too few to compare with, so nothing about them is shown, in one line.
    await expect(page.getByTestId("my-standing-hidden").getAttribute("data-kpis")).resolves.toBe("P1");
    await expect(page.getByTestId("my-standing-P1").count()).resolves.toBe(0);
    const text = await page.locator("main").innerText();
    for (const other of ["OF003", "Marie Fotso", "OF001", "OF002"]) expect(text).not.toContain(other);
    await screenshot(page, "dashboard-me-officer-en");
  });
});
