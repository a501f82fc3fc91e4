// Contracts end to end in Chromium against the built portal (tests/support/e2e-setup.ts: the e2e database with the
// canonical-small fixture and the demo users). A manager drafts a contract from a template for officer OF001 and
// signs it; the officer acknowledges it and sees indicators equal to `pmc kpis` and to computeKpis for the same
// period; nobody sees what is not theirs; reviews, evaluation, appeal; PDFs in the user's language. Screenshots of
// every page as each role are saved as screenshots/contracts-*.png.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { computeKpis } from "@/lib/kpis/compute-kpis";
import { pool } from "@/lib/pg";
import { SCREENSHOTS_DIR } from "@/tests/support/browser";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { manager: MANAGER, officer: OFFICER, admin: ADMIN } = DEMO_SIGN_IN;
const PERIOD = { from: "2025-03-01", to: "2025-08-31" };
// The Cameroon 2010 template, plus throughput (P13) shown for context.
const CONTRACT_KPIS = ["P1", "P2", "P3", "P8", "I1", "I2", "I4", "I7", "P13"];

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);
let contractId = 0;
let otherContractId = 0;

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
}

// Sign (or acknowledge): the button asks for confirmation, then the page shows the new status.
async function confirmAction(page: Page, button: string, status: string) {
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("button", { name: "Yes, continue" }).click();
  await page.getByText(status, { exact: true }).first().waitFor();
  await settle(page);
}

type ScorecardRow = { kpiId: string; value: string; n: string; text: string };

async function scorecardRows(page: Page, scope: string): Promise<ScorecardRow[]> {
  return page.locator(`${scope} [data-testid="current-scorecard"] tbody tr`).evaluateAll((rows) =>
    rows.map((row) => ({
      kpiId: row.getAttribute("data-kpi") ?? "",
      value: row.getAttribute("data-value") ?? "",
      n: row.getAttribute("data-n") ?? "",
      text: row.querySelector("td")?.textContent?.trim() ?? "",
    })),
  );
}

// `pmc kpis` on the e2e database, parsed: officer OF001's rows by KPI id.
async function cliKpis(): Promise<Map<string, { value: string; denominator: string }>> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), "pmc-e2e-kpis-")), "kpis.csv");
  await promisify(execFile)(
    process.execPath,
    ["bin/pmc.mjs", "kpis", "--from", PERIOD.from, "--to", PERIOD.to, "--subject", "officer", "--out", out],
    { env: process.env },
  );
  const [header, ...lines] = (await readFile(out, "utf8")).trim().split("\n");
  expect(header).toBe("subject_type,subject_id,period_from,period_to,kpi_id,value,numerator,denominator");
  const rows = new Map<string, { value: string; denominator: string }>();
  for (const line of lines) {
    const [, subjectId, from, to, kpiId, value, , denominator] = line.split(",");
    if (subjectId === "OF001" && from === PERIOD.from && to === PERIOD.to)
      rows.set(kpiId!, { value: value!, denominator: denominator! });
  }
  return rows;
}

// The PDF's document title (UTF-16 hex in Chromium's output): the print page's <title>, in the user's language.
function pdfTitle(pdf: Buffer): string {
  const hex = /\/Title <FEFF([0-9A-F]+)>/.exec(pdf.toString("latin1"))?.[1] ?? "";
  return Buffer.from(hex, "hex").swap16().toString("utf16le");
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await pool.end();
});

describe("contracts", () => {
  it("a manager drafts a contract for OF001 from the Cameroon template and signs it", async () => {
    const page = await signIn(MANAGER);
    await page.goto("/contracts");
    await settle(page);
    await screenshot(page, "contracts-list-empty-manager");

    await page.goto("/contracts/new");
    await page.getByLabel("Template").selectOption("cameroon-2010");
    await page.getByLabel("Search officers").fill("OF001");
    await page.getByRole("button", { name: "Choose" }).first().click();
    await expect(page.getByTestId("picked-officer").textContent()).resolves.toContain("OF001");
    await page.getByRole("textbox", { name: "Title", exact: true }).fill("Douala Port I — pilot 2025");
    await page.getByLabel("First day").fill(PERIOD.from);
    await page.getByLabel("Last day").fill(PERIOD.to);
    await expect(page.getByTestId("weight-total").textContent()).resolves.toBe("Weights add up to 100%.");
    await screenshot(page, "contracts-new-manager");
    await Promise.all([
      page.waitForURL(/\/contracts\/\d+$/),
      page.getByRole("button", { name: "Create draft" }).click(),
    ]);
    contractId = Number(new URL(page.url()).pathname.split("/").at(-1));
    await settle(page);
    await screenshot(page, "contracts-draft-manager");

    await confirmAction(page, "Sign as principal", "Signed, awaiting acknowledgement");
    await screenshot(page, "contracts-signed-manager");

    // A second contract, for OF002, through the JSON API, signed too: the officer must never see it.
    const created = await page.request.post("/api/contracts", {
      data: {
        title: "Douala Port I — colleague",
        partyType: "OFFICER",
        partyOfficerId: "OF002",
        officeCode: "CMDLA1",
        periodFrom: PERIOD.from,
        periodTo: PERIOD.to,
        indicators: [{ kpiId: "P1", threshold: 0.4, target: 0.7, weight: 100 }],
      },
    });
    expect(created.status()).toBe(201);
    otherContractId = ((await created.json()) as { id: number }).id;
    await page.goto(`/contracts/${otherContractId}`);
    await confirmAction(page, "Sign as principal", "Signed, awaiting acknowledgement");

    await page.goto("/contracts");
    await settle(page);
    // Both contracts listed, once each (other files' contracts may be listed too: the database is shared).
    for (const id of [contractId, otherContractId]) {
      await expect(page.locator(`[data-testid="contracts-table"] tr[data-contract="${id}"]`).count()).resolves.toBe(1);
    }
    await screenshot(page, "contracts-list-manager");
  });

  it("the officer acknowledges it and sees indicators equal to `pmc kpis` and computeKpis", async () => {
    const page = await signIn(OFFICER);
    await page.goto("/me");
    await settle(page);
    await expect(page.locator(`[data-contract="${otherContractId}"]`).count()).resolves.toBe(0);
    await screenshot(page, "contracts-me-awaiting-officer");
    await confirmAction(page, "Acknowledge the contract", "Active");
    // The indicators stream in once computed ("being computed" placeholder until then).
    await page.locator(`[data-contract="${contractId}"] [data-testid="current-scorecard"]`).waitFor();
    await screenshot(page, "contracts-me-officer");

    const shown = await scorecardRows(page, `[data-contract="${contractId}"]`);
    expect(shown.map((r) => r.kpiId)).toEqual(CONTRACT_KPIS);
    const cli = await cliKpis();
    const engine = new Map(
      (await computeKpis({ ...PERIOD, subject: "officer", subjectIds: ["OF001"] })).map((r) => [r.kpiId as string, r]),
    );
    for (const row of shown) {
      const expected = cli.get(row.kpiId);
      expect(expected, `pmc kpis has ${row.kpiId}`).toBeDefined();
      expect({ kpi: row.kpiId, value: row.value, n: row.n }).toEqual({
        kpi: row.kpiId,
        value: expected!.value,
        n: expected!.denominator,
      });
      const computed = engine.get(row.kpiId)!;
      expect({ kpi: row.kpiId, value: row.value, n: row.n }).toEqual({
        kpi: row.kpiId,
        value: computed.value === null ? "" : String(computed.value),
        n: String(computed.denominator ?? 0),
      });
    }
    // What the officer reads is that value too (rates as percentages).
    const p1 = shown.find((r) => r.kpiId === "P1")!;
    expect(p1.text).toBe(
      new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }).format(
        Number(cli.get("P1")!.value),
      ),
    );

    await page.goto(`/me/contracts/${contractId}`);
    await settle(page);
    await screenshot(page, "contracts-page-officer");
    await expect(
      page
        .locator('[data-testid="timeline"] tr[data-action]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action"))),
    ).resolves.toEqual(["contract.create", "contract.sign", "contract.acknowledge", "contract.activate"]);
  });

  it("the officer gets 404 on another officer's contract and 403 on the manager-only pages and API", async () => {
    const page = await signIn(OFFICER);
    expect((await page.goto(`/me/contracts/${otherContractId}`))?.status()).toBe(404);
    await screenshot(page, "contracts-other-officer-404-officer");
    expect((await page.goto(`/me/contracts/${otherContractId}/print`))?.status()).toBe(404);
    expect((await page.goto(`/contracts/${contractId}`))?.status()).toBe(403);
    expect((await page.goto("/contracts"))?.status()).toBe(403);
    expect((await page.request.get("/api/contracts")).status()).toBe(403);
    expect((await page.request.post("/api/contracts", { data: {} })).status()).toBe(403);
    expect((await page.request.get(`/api/contracts/${otherContractId}/pdf`)).status()).toBe(404);
  });

  it("the manager records a monthly review and evaluates a quarter; the officer appeals the sanction; an administrator decides", async () => {
    const manager = await signIn(MANAGER);
    await manager.goto(`/contracts/${contractId}`);
    await settle(manager);
    const review = manager.locator("form", { has: manager.getByRole("heading", { name: "Record a monthly review" }) });
    await review.getByLabel("Month").selectOption("2025-03");
    await review.getByLabel("What was discussed").fill("Same-day rate on target; one late declaration discussed.");
    await review.getByLabel("Agreed actions").fill("Clear the backlog of March by mid-April.");
    await review.getByRole("button", { name: "Record the review" }).click();
    await manager.locator('[data-review-month="2025-03"]').waitFor();

    const evaluation = manager.locator("form", { has: manager.getByRole("heading", { name: "Evaluate a quarter" }) });
    await evaluation.getByLabel("Quarter").selectOption("2025-Q1");
    await evaluation.getByLabel("Decision").selectOption("SANCTION");
    await evaluation.getByLabel("Comments").fill("Lane downgrades above threshold.");
    await evaluation.getByRole("button", { name: "Record the evaluation" }).click();
    await manager.locator("[data-evaluation]").first().waitFor();
    await settle(manager);
    await expect(manager.getByTestId("inputs-hash").first().textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await screenshot(manager, "contracts-evaluated-manager");

    const officer = await signIn(OFFICER);
    await officer.goto(`/me/contracts/${contractId}`);
    await officer
      .getByLabel("Reason for your appeal")
      .fill("Two of the downgrades were ordered by the head of office.");
    await officer.getByRole("button", { name: "Lodge the appeal" }).click();
    await officer.getByText("Awaiting the decision of a second manager.").waitFor();
    await screenshot(officer, "contracts-appealed-officer");

    // The evaluator may not decide the appeal: the form is not offered to them.
    await manager.reload();
    await settle(manager);
    await expect(manager.getByRole("button", { name: "Record the decision" }).count()).resolves.toBe(0);

    const admin = await signIn(ADMIN);
    await admin.goto(`/contracts/${contractId}`);
    const decide = admin.locator('form[aria-label="Decide the appeal"]');
    await decide.getByLabel("Outcome").selectOption("OVERTURNED");
    await decide.getByLabel("Comments").fill("Downgrades confirmed as ordered by the head of office.");
    await decide.getByRole("button", { name: "Record the decision" }).click();
    await admin.getByText("Sanction overturned on appeal").first().waitFor();
    await settle(admin);
    await screenshot(admin, "contracts-appeal-decided-admin");
  });

  it("gives the contract and the evaluation as PDF in French when the officer chose French", async () => {
    const page = await signIn(OFFICER);
    await page.goto("/me");
    await Promise.all([
      page.waitForLoadState("networkidle"),
      page.locator('button[name="locale"][value="fr"]').click(),
    ]);
    await page.getByRole("heading", { name: "Mes indicateurs" }).waitFor();
    await screenshot(page, "contracts-me-officer-fr");

    const contractPdf = await page.request.get(`/api/contracts/${contractId}/pdf`, { timeout: 120_000 });
    expect(contractPdf.status()).toBe(200);
    expect(contractPdf.headers()["content-type"]).toBe("application/pdf");
    const contractBytes = await contractPdf.body();
    expect(contractBytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pdfTitle(contractBytes)).toMatch(/^Contrat de mesure de la performance/);
    await writeFile(path.join(SCREENSHOTS_DIR, "contracts-contract-fr.pdf"), contractBytes);

    await page.goto(`/me/contracts/${contractId}`);
    const evaluationId = await page.locator("[data-evaluation]").first().getAttribute("data-evaluation");
    const evaluationPdf = await page.request.get(`/api/contracts/${contractId}/evaluations/${evaluationId}/pdf`, {
      timeout: 120_000,
    });
    expect(evaluationPdf.status()).toBe(200);
    const evaluationBytes = await evaluationPdf.body();
    expect(evaluationBytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pdfTitle(evaluationBytes)).toMatch(/^Évaluation trimestrielle/);

    await page.goto(`/me/contracts/${contractId}/print`);
    await settle(page);
    await screenshot(page, "contracts-print-officer-fr");
    await page.goto(`/me/contracts/${contractId}/evaluations/${evaluationId}/print`);
    await settle(page);
    await screenshot(page, "contracts-evaluation-print-officer-fr");
  });

  it("shows the manager's screens in French too", async () => {
    const page = await signIn(MANAGER);
    await page.goto("/contracts");
    await Promise.all([
      page.waitForLoadState("networkidle"),
      page.locator('button[name="locale"][value="fr"]').click(),
    ]);
    await page.getByRole("heading", { name: "Contrats de performance" }).waitFor();
    await screenshot(page, "contracts-list-manager-fr");
    await page.goto(`/contracts/${contractId}`);
    await settle(page);
    await screenshot(page, "contracts-page-manager-fr");
    await page.goto("/contracts/apply-template");
    await settle(page);
    await screenshot(page, "contracts-apply-template-manager-fr");
    await page.goto("/contracts/new");
    await settle(page);
    await screenshot(page, "contracts-new-manager-fr");
  });
});
