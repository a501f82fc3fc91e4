// An administrator uploads a zip of generated clearance data on the Data page, watches the import's progress bar
// climb to 100 %, reads the per-file counts and downloads the rejected rows; a manager can read the import but not
// upload; an officer is refused the Data area.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { generateDataset } from "@/tools/generator/generate-dataset";
import { zipFolder } from "@/tests/support/zip-folder";
import { launchChromium, login, newPage, screenshot } from "@/tests/e2e/support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const DECLARATIONS = 20_000;

// A generated set large enough for the import to take a few seconds, plus two planted bad declarations.
async function uploadFolder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmc-e2e-upload-"));
  await generateDataset({ outDir: dir, declarations: DECLARATIONS, seed: 11, from: "2025-01-01", to: "2025-06-30" });
  const file = path.join(dir, "declarations.csv");
  const lines = (await fs.readFile(file, "utf8")).trimEnd().split("\n");
  const header = lines[0]!.split(",");
  const bad = (id: string, column: string, value: string) => {
    const fields = lines[1]!.split(",");
    fields[header.indexOf("decl_id")] = id;
    fields[header.indexOf(column)] = value;
    return fields.join(",");
  };
  lines.push(bad("E2E-BAD-LANE", "lane_initial", "Z"), bad("E2E-BAD-OFFICE", "office_code", "NOWHERE"));
  await fs.writeFile(file, lines.join("\n") + "\n");
  return zipFolder(dir, "clearance-h1.zip");
}

describe("Data page: upload, progress, rejected rows", () => {
  let browser: Browser;
  let zip: string;
  beforeAll(async () => {
    [browser, zip] = await Promise.all([launchChromium(), uploadFolder()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("imports an uploaded zip with a live progress bar and offers the rejected rows", async () => {
    const { context, page } = await newPage(browser);
    await login(page, DEMO_SIGN_IN.admin.email, DEMO_SIGN_IN.admin.password);
    await page.goto("/data");
    await screenshot(page, "data-admin-en");
    await page.locator("#import-file").setInputFiles(zip);
    await page.getByRole("button", { name: "Upload and import" }).click();
    await page.waitForURL(/\/data\/imports\/\d+$/);

    // Sample the bar as the user sees it until it reads 100.
    const seen: number[] = [];
    const bar = page.getByRole("progressbar").last();
    const deadline = Date.now() + 120_000;
    for (;;) {
      const now = Number(await bar.getAttribute("aria-valuenow").catch(() => null));
      if (Number.isFinite(now) && seen[seen.length - 1] !== now) seen.push(now);
      if (now === 100 || Date.now() > deadline) break;
      await page.waitForTimeout(100);
    }
    expect(seen[seen.length - 1]).toBe(100);
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    await page.getByRole("heading", { name: "Rows per file" }).waitFor();
    await expect.poll(() => page.getByTestId("rejected-declarations.csv").textContent()).toBe("2");
    expect(Number((await page.getByTestId("accepted-declarations.csv").textContent())!.replace(/\D/g, ""))).toBe(
      DECLARATIONS,
    );
    await page.getByRole("heading", { name: "Data quality" }).waitFor();
    await screenshot(page, "data-import-done-en");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /declarations\.csv: 2 rejected rows/ }).click(),
    ]);
    const csv = await fs.readFile((await download.path())!, "utf8");
    const rows = csv.trim().split("\n");
    expect(rows[0]).toMatch(/^decl_id,office_code,.*,_line,_column,_reason$/);
    expect(rows).toHaveLength(3);
    expect(csv).toContain("E2E-BAD-LANE");
    expect(csv).toMatch(/lane_initial,"""Z"" is not one of G, B, Y, R"/);
    expect(csv).toMatch(/office_code,"unknown office_code ""NOWHERE""/);
    await context.close();
  });

  it("shows the import to a manager, in French, without the upload form", async () => {
    const { context, page } = await newPage(browser, { locale: "fr-FR" });
    await login(page, DEMO_SIGN_IN.manager.email, DEMO_SIGN_IN.manager.password);
    await page.goto("/data");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Données");
    expect(await page.locator("#import-file").count()).toBe(0);
    await page
      .getByRole("link", { name: /^#\d+$/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Qualité des données" }).waitFor();
    await screenshot(page, "data-import-manager-fr");
    const upload = await page.request.post("/api/imports", { headers: { "x-file-name": "x.zip" }, data: "PK" });
    expect(upload.status()).toBe(403);
    await context.close();
  });

  it("refuses the Data area and its API to an officer", async () => {
    const { context, page } = await newPage(browser);
    await login(page, DEMO_SIGN_IN.officer.email, DEMO_SIGN_IN.officer.password);
    const response = await page.goto("/data");
    expect(response?.status()).toBe(403);
    expect((await page.request.get("/api/imports")).status()).toBe(403);
    expect((await page.request.get("/api/imports/1")).status()).toBe(403);
    expect((await page.request.get("/api/imports/1/rejected?file=declarations.csv")).status()).toBe(403);
    await screenshot(page, "data-officer-403");
    await context.close();
  });

  it("answers 401 to anonymous API calls", async () => {
    const { context, page } = await newPage(browser);
    expect((await page.request.get("/api/imports")).status()).toBe(401);
    await context.close();
  });
});
