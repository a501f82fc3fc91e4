// Case follow-up end to end in Chromium against the built portal (canonical-small imported, demo users seeded). Two
// flags over the first quarter of 2025 are stored here as detection would store them, on the fixture's rows:
//   BROKER_OFFICER_PAIR BR01 × OF001 in CMDLA1 (score 6.4; evidence D001, D002) · UNIT_VALUE D002 item 1 (2.1)
// The national analyst opens the top flag from the inbox, opens a case with it, assigns it to themselves with a due
// date, records a confirmed finding with a tax adjustment on D001, and is told that someone else must close it (four
// eyes); the administrator closes it. The timeline shows each step with who did it; the feedback CSV labels D001 and
// D002. The case page reads in French. Officer OF001, whom the flag is about, gets HTTP 403 on every case page and
// route. Screenshots: screenshots/cases-*.png.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { integrity: ANALYST, admin: ADMIN, officer: OFFICER } = DEMO_SIGN_IN;
const Q1 = { from: "2025-01-01", to: "2025-03-31" };

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);
const flags = { pair: 0, unitValue: 0 };
let caseId = 0;

async function insertFlag(f: {
  method: string;
  subjectType: string;
  subjectId: string;
  relatedId: string;
  score: number;
  n: number;
  stats: object;
}) {
  const { rows } = await pool.query<{ id: number }>(
    `INSERT INTO flags (method, kpi_id, subject_type, subject_id, related_id, period_from, period_to, score, n, stats, rule, office_code)
     VALUES ($1, '', $2, $3, $4, $5, $6, $7, $8, $9, $10, 'CMDLA1') RETURNING id`,
    [
      f.method,
      f.subjectType,
      f.subjectId,
      f.relatedId,
      Q1.from,
      Q1.to,
      f.score,
      f.n,
      JSON.stringify(f.stats),
      JSON.stringify({ method: f.method, params: { minPair: 2, ratio: 1.2, pValue: 0.01 } }),
    ],
  );
  return rows[0]!.id;
}

// A step's form, submitted; resolves once the page shows what `done` waits for.
async function submit(page: Page, testId: string, done: () => Promise<unknown>) {
  await page.getByTestId(testId).locator('button[type="submit"]').click();
  await done();
  await page.waitForLoadState("networkidle");
}

const timeline = (page: Page) =>
  page
    .locator('[data-testid="case-timeline"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-action"),
        tr.querySelector('[data-testid="timeline-actor"]')?.textContent?.trim() ?? "",
      ]),
    );

beforeAll(async () => {
  browser = await launchChromium();
  await pool.query("DELETE FROM flags WHERE period_from = $1 AND period_to = $2", [Q1.from, Q1.to]);
  flags.pair = await insertFlag({
    method: "BROKER_OFFICER_PAIR",
    subjectType: "broker",
    subjectId: "BR01",
    relatedId: "OF001",
    score: 6.4,
    n: 2,
    stats: { officeCode: "CMDLA1", N: 3, n_b: 2, n_o: 2, n_bo: 2, expected: 4 / 3, pValue: 0.0005 },
  });
  flags.unitValue = await insertFlag({
    method: "UNIT_VALUE",
    subjectType: "declaration",
    subjectId: "D002",
    relatedId: "1",
    score: 2.1,
    n: 12,
    stats: { hs6: "220421", originCountry: "FR", logUnitValue: 7.7, median: 9.1, mad: 0.5, m: -2.1 },
  });
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  // The case keeps its frozen evidence; the flags go, so other tests' counts are not moved.
  await pool.query("DELETE FROM flags WHERE id = ANY ($1::int[])", [Object.values(flags)]);
  await db.$disconnect();
});

describe("case follow-up", () => {
  it("takes the top flag into a case, assigned, with a confirmed finding and an action, closed by a second person", async () => {
    const analyst = await signIn(ANALYST);
    const analystId = (await db.user.findUniqueOrThrow({ where: { email: ANALYST.email } })).id;

    // The top flag of the inbox, highest score first.
    expect((await analyst.goto(`/integrity/flags?period=${Q1.from}_${Q1.to}`))?.status()).toBe(200);
    const top = analyst.locator('[data-testid="flag-table"] tbody tr').first();
    expect(Number(await top.getAttribute("data-flag"))).toBe(flags.pair);
    await Promise.all([
      analyst.waitForURL(new RegExp(`/integrity/flags/${flags.pair}`)),
      top.getByTestId("flag-link").click(),
    ]);
    await analyst.waitForLoadState("networkidle");

    await analyst.getByTestId("flag-case").click();
    await analyst
      .locator('[data-testid="flag-triage"] input[name="title"]')
      .fill("BR01 and OF001 in the first quarter");
    await analyst.locator('[data-testid="flag-triage"] button[type="submit"]').click();
    await expect
      .poll(async () => (await db.caseFlag.findUnique({ where: { flagId: flags.pair } }))?.caseId ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    caseId = (await db.caseFlag.findUniqueOrThrow({ where: { flagId: flags.pair } })).caseId;
    // The flag's page now says which case it is in and leads there.
    expect((await analyst.goto(`/integrity/flags/${flags.pair}`))?.status()).toBe(200);
    await expect(analyst.getByTestId("flag-case-link").getAttribute("href")).resolves.toBe(
      `/integrity/cases/${caseId}`,
    );
    await screenshot(analyst, "flag-in-case");

    expect((await analyst.goto("/integrity/cases"))?.status()).toBe(200);
    await analyst.locator(`[data-testid="cases-table"] tr[data-case="${caseId}"][data-status="OPEN"]`).waitFor();
    await screenshot(analyst, "cases-list");
    expect((await analyst.goto(`/integrity/cases/${caseId}`))?.status()).toBe(200);
    await analyst.waitForLoadState("networkidle");
    // The frozen evidence: the flag's two declarations, its hash checked.
    const flag = analyst.locator(`[data-testid="case-flag"][data-flag="${flags.pair}"]`);
    expect(
      await flag
        .locator("[data-testid=evidence-table] tbody tr")
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-decl"))),
    ).toEqual(["D001", "D002"]);
    await expect.poll(() => flag.locator("[data-intact]").getAttribute("data-intact")).toBe("true");
    expect(await flag.getByTestId("evidence-hash").textContent()).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(analyst, "cases-case-open");

    // Assigned to the analyst themselves, due in a week.
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await analyst.locator("#assign-assignee").selectOption(analystId);
    await analyst.locator("#assign-due").fill(due);
    await submit(analyst, "assign-form", () => analyst.getByTestId("finding-form").waitFor());
    expect(await analyst.getByTestId("case-assignee").textContent()).toBe("Demo Integrity Analyst");

    // A confirmed finding, then a tax adjustment on D001.
    await analyst.locator('[data-testid="finding-form"] input[name="finding"][value="CONFIRMED"]').check();
    await analyst.locator("#finding-offence").selectOption("UNDERVALUATION");
    await analyst.locator("#finding-summary").fill("The broker's invoices show values well above those declared.");
    await submit(analyst, "finding-form", () => analyst.getByTestId("action-form").waitFor());
    await analyst.locator("#action-type").selectOption("TAX_ADJUSTMENT");
    await analyst.locator("#action-amount").fill("250.75");
    await analyst.locator("#action-decl").selectOption("D001");
    await submit(analyst, "action-form", () =>
      analyst.locator('[data-testid="case-actions"] [data-action-type="TAX_ADJUSTMENT"]').waitFor(),
    );
    // Four eyes: the analyst recorded the finding, so the page offers no closure and says why.
    await analyst.getByTestId("four-eyes-note").waitFor();
    expect(await analyst.getByTestId("close-form").count()).toBe(0);
    await screenshot(analyst, "cases-case-finding");

    // The administrator closes it.
    const admin = await signIn(ADMIN);
    expect((await admin.goto(`/integrity/cases/${caseId}`))?.status()).toBe(200);
    await admin.waitForLoadState("networkidle");
    await admin.locator("#close-note").fill("Finding and adjustment checked against the invoices.");
    await submit(admin, "close-form", () => admin.getByTestId("reopen-form").waitFor());
    expect(await admin.locator('[data-testid="case-summary"] [data-status]').first().getAttribute("data-status")).toBe(
      "CLOSED",
    );
    expect(await admin.getByTestId("case-closed-by").textContent()).toContain("Demo Administrator");
    expect(await timeline(admin)).toEqual([
      ["case.open", "Demo Integrity Analyst"],
      ["case.assign", "Demo Integrity Analyst"],
      ["case.finding", "Demo Integrity Analyst"],
      ["case.action", "Demo Integrity Analyst"],
      ["case.close", "Demo Administrator"],
    ]);
    await screenshot(admin, "cases-case-closed");

    const stored = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(stored).toMatchObject({
      status: "CLOSED",
      finding: "CONFIRMED",
      assigneeId: analystId,
      findingById: analystId,
      dueDate: new Date(due),
    });
    expect(stored.closedById).not.toBe(analystId);

    // The confirmed finding fed back: both declarations illicit, the adjustment on D001.
    const labels = await admin.request.get("/api/cases/feedback/labels.csv");
    expect(labels.status()).toBe(200);
    const lines = (await labels.text()).split("\r\n");
    expect(lines[0]).toBe("decl_id,illicit,revenue,offence_code");
    expect(lines.filter((l) => /^D00[12],/.test(l))).toEqual([
      "D001,1,250.75,UNDERVALUATION",
      "D002,1,0,UNDERVALUATION",
    ]);
  });

  it("shows the case and the integrity home's overdue section in French", async () => {
    const page = await signIn(ANALYST, "fr-FR");
    expect((await page.goto(`/integrity/cases/${caseId}`))?.status()).toBe(200);
    await page.getByRole("heading", { name: "Historique" }).waitFor();
    expect(await page.locator('[data-testid="case-summary"] [data-status="CLOSED"]').textContent()).toBe("Clos");
    await screenshot(page, "cases-case-fr");
    expect((await page.goto("/integrity"))?.status()).toBe(200);
    await page
      .getByTestId("overdue-cases")
      .getByRole("heading", { name: /Dossiers en retard/ })
      .waitFor();
    await screenshot(page, "cases-integrity-home-fr");
  });

  it("refuses the officer the flag is about every case page and route (HTTP 403)", async () => {
    const page = await signIn(OFFICER);
    for (const url of ["/integrity/cases", `/integrity/cases/${caseId}`]) {
      expect((await page.goto(url))?.status(), url).toBe(403);
    }
    for (const url of [
      "/api/cases",
      "/api/cases/feedback/labels.csv",
      "/api/cases/feedback/offences.csv",
      `/api/cases/${caseId}/evidence/${flags.pair}`,
      `/api/cases/${caseId}/attachments/1`,
    ]) {
      expect((await page.request.get(url)).status(), url).toBe(403);
    }
    expect((await page.request.post("/api/cases", { data: { flagIds: [flags.unitValue] } })).status()).toBe(403);
    expect(
      (
        await page.request.post(`/api/cases/${caseId}/attachments`, {
          data: "%PDF-1.4",
          headers: { "x-file-name": "a.pdf" },
        })
      ).status(),
    ).toBe(403);
    await screenshot(page, "cases-officer-403");
  });
});
