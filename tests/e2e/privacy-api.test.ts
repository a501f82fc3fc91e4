// An administrator issues an API token on the admin screen and a script pulls the control outcomes with it; a
// manager opens an officer's drill-down (served again from the page cache although the view was recorded in
// between) and the officer then sees, on his own page, that his manager looked at his figures. The WCO Data Model
// upload and export of the Data page, the view log and retention screens are photographed in English and French.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";
import { baseUrl, launchChromium, screenshot, signedInSessions } from "./support/browser";
import { WCO_SAMPLES_DIR, wcoDataMissing } from "@/tests/support/wco-data";
import yazl from "yazl";

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await db.$disconnect();
  await pool.end();
});

// A zip of a folder with its sub-folders, as an administrator would pack a folder of messages.
async function zipTree(dir: string): Promise<string> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pmc-e2e-zip-")), "wco-samples.zip");
  const zip = new yazl.ZipFile();
  const add = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) add(full);
      else zip.addFile(full, path.relative(dir, full));
    }
  };
  add(dir);
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(fs.createWriteStream(out)).on("close", resolve).on("error", reject),
  );
  return out;
}

async function issueToken(admin: Page, name: string): Promise<string> {
  await admin.goto("/admin/api-tokens");
  await admin.locator('input[name="name"]').fill(name);
  await admin.locator('input[name="scopes"][value="labels:read"]').check();
  await admin.getByRole("button", { name: "Issue token" }).click();
  const token = admin.getByTestId("new-token");
  await token.waitFor();
  return (await token.textContent())!.trim();
}

describe("API tokens, the view log and the WCO screens", () => {
  it("issues a token that a script uses to pull the labels, and the call is listed under the token", async () => {
    const admin = await signIn(DEMO_SIGN_IN.admin);
    const secret = await issueToken(admin, "Risk engine (e2e)");
    expect(secret).toMatch(/^pmc_/);
    await screenshot(admin, "api-tokens-admin-en");

    // The script: a plain HTTP client with the token, no session.
    const response = await fetch(`${baseUrl()}/api/v1/labels?limit=100`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { declId: string; result: string }[]; nextCursor: string | null };
    // The first page of the labels, whatever other test files have imported into the shared e2e database.
    const { rows } = await pool.query<{ decl_id: string; result: string }>(
      `SELECT decl_id, result::text FROM inspections ORDER BY exam_ts, decl_id LIMIT 100`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(body.data.map((l) => [l.declId, l.result])).toEqual(rows.map((r) => [r.decl_id, r.result]));
    expect((await fetch(`${baseUrl()}/api/v1/labels`)).status).toBe(401);
    const openapi = (await (await fetch(`${baseUrl()}/api/v1/openapi.json`)).json()) as { openapi: string };
    expect(openapi.openapi).toBe("3.1.0");

    await admin.reload();
    const row = admin.locator('tr[data-token="Risk engine (e2e)"]');
    await expect.poll(async () => row.textContent()).not.toContain("Never");
    const { rows: audit } = await pool.query(
      `SELECT data->>'token' AS token, data->>'status' AS status FROM audit_log WHERE action = 'api.call' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual([{ token: "Risk engine (e2e)", status: "200" }]);

    const french = await signIn(DEMO_SIGN_IN.admin, "fr-FR");
    await french.goto("/admin/api-tokens");
    await screenshot(french, "api-tokens-admin-fr");
  });

  it("shows the officer that his manager looked at his figures, without defeating the page cache", async () => {
    const officerUser = await db.user.findUniqueOrThrow({ where: { email: DEMO_SIGN_IN.officer.email } });
    const officerId = officerUser.officerId!;
    const manager = await signIn(DEMO_SIGN_IN.manager);
    const url = `/explore/kpi?kpi=P1&type=officer&id=${encodeURIComponent(officerId)}&from=2025-03-01&to=2025-03-31`;
    const beacon = manager.waitForResponse((r) => r.url().endsWith("/api/view-log") && r.request().method() === "POST");
    await manager.goto(url);
    expect((await beacon).status()).toBe(204);
    // Opened again: the same page from the cache (the view was written to Redis, not to the database), and the
    // page's beacon records this view too.
    const again = manager.waitForResponse((r) => r.url().endsWith("/api/view-log"));
    const second = await manager.goto(url);
    expect(second?.headers()["x-pmc-page-cache"]).toBe("hit");
    expect((await again).status()).toBe(204);

    const officer = await signIn(DEMO_SIGN_IN.officer);
    await officer.goto("/me");
    const views = officer.getByTestId("view-log");
    await views.waitFor();
    await expect.poll(async () => views.textContent()).toContain("Demo Manager");
    expect(await views.textContent()).toContain("Drill-down rows");
    await officer.getByTestId("my-views").scrollIntoViewIfNeeded();
    await screenshot(officer, "me-who-looked-en");

    // A colleague cannot even record a view of these figures.
    const colleague = await signIn(DEMO_SIGN_IN.officer2);
    const refused = await colleague.request.post("/api/view-log", {
      data: { officerId, what: "drilldown", source: url },
    });
    expect(refused.status()).toBe(403);

    const frenchOfficer = await signIn(DEMO_SIGN_IN.officer, "fr-FR");
    await frenchOfficer.goto("/me");
    await frenchOfficer.getByTestId("view-log").waitFor();
    await expect.poll(async () => frenchOfficer.getByTestId("my-views").textContent()).toContain("Lignes de détail");
    await screenshot(frenchOfficer, "me-who-looked-fr");

    for (const [locale, suffix] of [
      [undefined, "en"],
      ["fr-FR", "fr"],
    ] as const) {
      const admin = await signIn(DEMO_SIGN_IN.admin, locale);
      await admin.goto("/admin/view-log");
      await expect.poll(async () => admin.getByTestId("view-log").textContent()).toContain("Demo Manager");
      await screenshot(admin, `view-log-admin-${suffix}`);
      await admin.goto("/admin/retention");
      await admin.locator('input[name="viewLogDays"]').waitFor();
      await screenshot(admin, `retention-admin-${suffix}`);
    }
  });

  it.skipIf(wcoDataMissing())("imports WCO messages uploaded as a zip and offers the WCO export", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pmc-e2e-wco-"));
    for (const scenario of ["TT_IM001a", "TT_IM017a", "TT_IM001b"]) {
      fs.cpSync(path.join(WCO_SAMPLES_DIR, scenario), path.join(dir, scenario), { recursive: true });
    }
    const zip = await zipTree(dir);
    const admin = await signIn(DEMO_SIGN_IN.admin);
    await admin.goto("/data");
    await admin.getByLabel("WCO Data Model XML messages").check();
    await screenshot(admin, "data-wco-admin-en");
    await admin.locator("#import-file").setInputFiles(zip);
    await admin.getByRole("button", { name: "Upload and import" }).click();
    await admin.waitForURL(/\/data\/imports\/\d+$/);
    const accepted = admin.getByTestId("accepted-declarations.csv");
    await accepted.waitFor({ timeout: 120_000 });
    expect(await accepted.textContent()).toBe("2");
    await screenshot(admin, "data-wco-import-en");
    const { rows } = await pool.query(
      `SELECT decl_id FROM declarations WHERE decl_id IN ('24GB22WOA1EV2P6AR5', '21GB7X8M7S6NG8N6R0')`,
    );
    expect(rows).toHaveLength(2);

    const download = admin.waitForEvent("download");
    await admin.goto("/data");
    await admin.locator('input[name="from"]').fill("2021-01-01");
    await admin.locator('input[name="to"]').fill("2024-12-31");
    await admin.getByRole("button", { name: "Download .zip" }).click();
    const file = await (await download).path();
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const french = await signIn(DEMO_SIGN_IN.admin, "fr-FR");
    await french.goto("/data");
    await french.getByLabel("Messages XML du modèle de données de l'OMD").check();
    await screenshot(french, "data-wco-admin-fr");

    // The other e2e files work out their figures on the fixture: what this import added goes again.
    const ids = ["24GB22WOA1EV2P6AR5", "21GB7X8M7S6NG8N6R0"];
    for (const table of ["events", "items", "declarations"]) {
      await pool.query(`DELETE FROM ${table} WHERE decl_id = ANY($1)`, [ids]);
    }
    await pool.query(`DELETE FROM offices o WHERE name LIKE 'WCO office %'
                        AND NOT EXISTS (SELECT 1 FROM declarations d WHERE d.office_code = o.office_code)`);
  });
});
