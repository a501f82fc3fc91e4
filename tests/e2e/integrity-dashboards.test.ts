// Integrity dashboards end to end in Chromium against the built portal (canonical-small imported, demo users
// seeded). Five flags over March 2025 are stored here as detection would store them, on the fixture's rows:
//   UNIT_VALUE D001 item 1 (score 5.0) · RATE_OUTLIER I7 OF001 (4.5; numerator = D002, the one manual assignment)
//   VALUE_OUTLIER P4 OF002 (3.9) · BROKER_OFFICER_PAIR BR01 × OF001 in CMDLA1 (3.2; evidence D001, D002) ·
//   BENFORD BR03 (0.02, no office)
// The national analyst opens the inbox (highest score first), filters by method, sorts the other way, opens the pair's
// evidence and a declaration's record (events timeline) and back, and dismisses a flag (a reason is required); the
// French inbox reads in French. Officer OF001 — whom two of the flags name — gets HTTP 403 on every integrity page,
// on a flag about themselves and on the flag exports. Screenshots: screenshots/integrity-*.png.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { insertFlags } from "@/tests/support/integrity-fixture";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { integrity: ANALYST, officer: OFFICER } = DEMO_SIGN_IN;
const MARCH = { from: "2025-03-01", to: "2025-03-31" };

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);
const id = { unitValue: 0, rate: 0, value: 0, pair: 0, benford: 0 };

const rows = (page: Page) => page.locator('[data-testid="flag-table"] tbody tr');
const rowIds = async (page: Page) =>
  await rows(page).evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-flag"))));

beforeAll(async () => {
  browser = await launchChromium();
  await pool.query("DELETE FROM flags WHERE period_from = $1 AND period_to = $2", [MARCH.from, MARCH.to]);
  const inserted = await insertFlags([
    {
      method: "UNIT_VALUE",
      subjectType: "declaration",
      subjectId: "D001",
      relatedId: "1",
      officeCode: "CMDLA1",
      score: 5,
      n: 24,
      period: MARCH,
      stats: {
        hs6: "851713",
        originCountry: "CN",
        logUnitValue: Math.log(1000000 / 120.5),
        median: Math.log(200000),
        mad: 0.4,
        m: -5,
      },
    },
    {
      method: "RATE_OUTLIER",
      kpiId: "I7",
      subjectType: "officer",
      subjectId: "OF001",
      officeCode: "CMDLA1",
      score: 4.5,
      n: 2,
      period: MARCH,
      stats: { p: 0.5, p0: 1 / 3, z: 4.5, officeCode: "CMDLA1" },
    },
    {
      method: "VALUE_OUTLIER",
      kpiId: "P4",
      subjectType: "officer",
      subjectId: "OF002",
      officeCode: "CMDLA1",
      score: 3.9,
      n: 1,
      period: MARCH,
      stats: { x: 168, median: 13.1, mad: 11.4, m: 3.9, peers: 2, officeCode: "CMDLA1" },
    },
    {
      method: "BROKER_OFFICER_PAIR",
      subjectType: "broker",
      subjectId: "BR01",
      relatedId: "OF001",
      officeCode: "CMDLA1",
      score: 3.2,
      n: 2,
      period: MARCH,
      stats: { officeCode: "CMDLA1", N: 3, n_b: 2, n_o: 2, n_bo: 2, expected: 4 / 3, pValue: 0.0005 },
    },
    {
      method: "BENFORD",
      subjectType: "broker",
      subjectId: "BR03",
      officeCode: null,
      score: 0.02,
      n: 1,
      period: MARCH,
      stats: { mad: 0.02, ordersOfMagnitude: 0, counts: "1,0,0,0,0,0,0,0,0" },
    },
  ]);
  Object.assign(id, {
    unitValue: inserted[0]!,
    rate: inserted[1]!,
    value: inserted[2]!,
    pair: inserted[3]!,
    benford: inserted[4]!,
  });
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await pool.query("DELETE FROM flags WHERE id = ANY ($1::int[])", [Object.values(id)]);
  await db.$disconnect();
});

describe("integrity dashboards", () => {
  it("lets an analyst filter and sort the inbox, open a flag's evidence and a declaration, and dismiss a flag with a reason", async () => {
    const page = await signIn(ANALYST);
    const home = await page.goto("/integrity");
    expect(home?.status()).toBe(200);
    await page.getByTestId("integrity-summary").waitFor();
    await screenshot(page, "integrity-home");

    expect((await page.goto(`/integrity/flags?period=${MARCH.from}_${MARCH.to}`))?.status()).toBe(200);
    await rows(page).first().waitFor();
    expect(await rowIds(page)).toEqual([id.unitValue, id.rate, id.value, id.pair, id.benford]);
    await screenshot(page, "integrity-inbox");

    // Filter on a method through the form, then sort lowest score first.
    await page.locator("#f-method").selectOption("VALUE_OUTLIER");
    await Promise.all([page.waitForURL(/method=VALUE_OUTLIER/), page.getByRole("button", { name: "Apply" }).click()]);
    await page.getByTestId("flag-table").waitFor();
    expect(await rowIds(page)).toEqual([id.value]);
    await page.locator("#f-method").selectOption("");
    await page.locator("#f-sort").selectOption("score-asc");
    await Promise.all([page.waitForURL(/sort=score-asc/), page.getByRole("button", { name: "Apply" }).click()]);
    await page.getByTestId("flag-table").waitFor();
    expect(await rowIds(page)).toEqual([id.benford, id.pair, id.value, id.rate, id.unitValue]);

    // The pair's evidence: D001 and D002 (BR01, assessed by OF001, CMDLA1, March), each opening its record.
    await Promise.all([
      page.waitForURL(`**/integrity/flags/${id.pair}`),
      page.locator(`tr[data-flag="${id.pair}"] [data-testid="flag-link"]`).click(),
    ]);
    await page.getByTestId("evidence-table").waitFor();
    expect(
      await page
        .locator('[data-testid="evidence-table"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-decl"))),
    ).toEqual(["D001", "D002"]);
    await expect.poll(() => page.getByTestId("flag-statistics").textContent()).toContain("BR01");
    await page.getByTestId("pairs-heatmap").waitFor();
    expect(await page.locator('[data-testid="pairs-heatmap"] [data-flagged="true"]').count()).toBe(1);
    await screenshot(page, "integrity-flag-pair");
    await Promise.all([
      page.waitForURL("**/explore/declarations/D001**"),
      page.locator('[data-testid="evidence-table"] a', { hasText: "D001" }).click(),
    ]);
    await page.getByTestId("declaration-events").waitFor();
    expect(await page.locator('[data-testid="declaration-events"] li').count()).toBe(4);
    await screenshot(page, "integrity-declaration");
    await Promise.all([
      page.waitForURL(`**/integrity/flags/${id.pair}`),
      page.getByRole("link", { name: "Back to the flag" }).click(),
    ]);

    // The rate flag's evidence: the numerator of I7 for OF001 in March is D002 (manual assignment).
    await page.goto(`/integrity/flags/${id.rate}`);
    await page.getByTestId("evidence-table").waitFor();
    expect(
      await page
        .locator('[data-testid="evidence-table"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-decl"))),
    ).toEqual(["D002"]);
    await page.getByTestId("flag-rule").waitFor();
    await screenshot(page, "integrity-flag-rate");

    // Dismiss the value outlier from the inbox: refused without a reason, then done with one.
    await page.goto(`/integrity/flags?period=${MARCH.from}_${MARCH.to}`);
    await rows(page).first().waitFor();
    await page.locator(`input[name="flagIds"][value="${id.value}"]`).check();
    await expect.poll(() => page.getByTestId("selected-count").textContent()).toBe("1 flag selected");
    await page.getByTestId("bulk-dismiss").click();
    await page.getByRole("button", { name: "Dismiss 1 flag" }).click();
    await expect
      .poll(() => page.locator('[data-testid="flag-triage-form"] [role="alert"]').textContent())
      .toContain("Give the reason");
    await page.locator("#dismiss-reason").fill("Checked with the office: one long file, no pattern");
    await page.getByRole("button", { name: "Dismiss 1 flag" }).click();
    await expect
      .poll(() => page.locator('[data-testid="flag-triage-form"] [role="status"]').first().textContent())
      .toContain("1 flag dismissed");
    await expect.poll(() => rowIds(page)).toEqual([id.unitValue, id.rate, id.pair, id.benford]);
    await screenshot(page, "integrity-inbox-dismissed");
    const flag = await db.flag.findUniqueOrThrow({ where: { id: id.value } });
    expect([flag.state, flag.dismissReason]).toEqual([
      "DISMISSED",
      "Checked with the office: one long file, no pattern",
    ]);
    expect(
      await db.auditLog.count({ where: { entityType: "flag", entityId: String(id.value), action: "flag.dismissed" } }),
    ).toBe(1);
    const csv = await page.request.get(`/api/integrity/flags.csv?period=${MARCH.from}_${MARCH.to}&state=all`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(6);
  });

  it("reads in French", async () => {
    const page = await signIn(ANALYST, "fr-FR");
    expect((await page.goto(`/integrity/flags?period=${MARCH.from}_${MARCH.to}&state=all`))?.status()).toBe(200);
    await rows(page).first().waitFor();
    expect(await page.locator("h1").textContent()).toBe("Alertes à traiter");
    expect(await page.locator(`tr[data-flag="${id.value}"]`).textContent()).toContain("Classée sans suite");
    await screenshot(page, "integrity-inbox-fr");
    await page.goto(`/integrity/flags/${id.unitValue}`);
    await page.getByTestId("unit-value-boxes").waitFor();
    await screenshot(page, "integrity-flag-unit-value-fr");
  });

  it("refuses an officer every integrity page, the flags about themselves and the exports (HTTP 403)", async () => {
    const page = await signIn(OFFICER);
    for (const url of [
      "/integrity",
      "/integrity/flags",
      `/integrity/flags/${id.rate}`,
      `/integrity/flags/${id.pair}`,
      "/integrity/funnel",
      "/integrity/pairs",
      "/integrity/benford",
      "/integrity/benford/BR03",
      "/integrity/unit-values",
      "/integrity/settings",
    ]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }
    await screenshot(page, "integrity-officer-403");
    for (const url of [
      "/api/integrity/flags.csv",
      "/api/integrity/flags.xlsx",
      `/api/integrity/flags/${id.rate}/evidence.csv`,
      `/api/integrity/flags/${id.rate}/evidence.xlsx`,
    ]) {
      expect((await page.request.get(url)).status(), url).toBe(403);
    }
  });
});
