// Contracts that measure, end to end in Chromium: a manager applies the Cameroon template to a unit, loads the
// unit's baselines, proposes terms from them, sees the score preview, adjusts one threshold and creates the drafts;
// signs the planted gaming officer's; the officer acknowledges it and sees observed/expected on his page; the
// GAMING watch flags him, which his contract's manager and the integrity unit see and he does not. Screenshots of
// each step in English and French go to screenshots/calibration-*.png. Scoring on observed/expected: the manager
// switches P1 of one officer's draft to O/E, proposes O/E terms and saves (screenshots/contract-oe-*.png), and
// calibrates P1 on O/E in the unit template form (calibration-oe-*.png).
//
// Its own office ZGW1 (unit "Watch", officers ZG01–ZG05) with declarations of 2024 only, so that no other test's
// figures move: 40 declarations a month per officer; lane R for every fourth, G otherwise; HS chapter 87 for every
// third, 62 otherwise; officer k assesses the same day 3 + k of every 10 (40 % … 80 %). From 2024-07-01 the gaming
// officer ZG01 cancels every declaration he would not assess the same day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { hashPassword } from "@/lib/auth/password";
import { detectAndStoreFlags } from "@/lib/integrity/store-flags";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";

const { manager: MANAGER, integrity: INTEGRITY } = DEMO_SIGN_IN;
const OFFICE = "ZGW1";
const GAMER = { email: "zg01@pmc.local", password: "zg01-e2e-password" };
const H2 = { from: "2024-07-01", to: "2024-12-31" };

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);
let gamerContractId = 0;

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
}

async function confirmAction(page: Page, button: string, status: string) {
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("button", { name: "Yes, continue" }).click();
  await page.getByText(status, { exact: true }).first().waitFor();
  await settle(page);
}

beforeAll(async () => {
  browser = await launchChromium();
  await db.office.create({
    data: {
      officeCode: OFFICE,
      name: "Garoua Watch",
      openTime: "07:30",
      closeTime: "15:30",
      workdays: [1, 2, 3, 4, 5],
    },
  });
  await db.officer.createMany({
    data: [1, 2, 3, 4, 5].map((k) => ({
      officerId: `ZG0${k}`,
      fullName: `Watch Officer ${k}`,
      officeCode: OFFICE,
      unit: "Watch",
    })),
  });
  await pool.query(`SELECT ensure_declaration_partitions('2024-01-01', '2024-12-31')`);
  await pool.query(
    `INSERT INTO declarations (decl_id, office_code, flow, reg_ts, lane_initial, lane_final, assignment_mode,
                               assessing_officer_id, asmt_ts, value_initial, value_final, taxes_initial, taxes_final, status)
     SELECT 'ZG-' || k || '-' || m || '-' || i, $1, 'I'::"Flow", reg,
            lane::"Lane", lane::"Lane", 'auto'::"AssignmentMode", 'ZG0' || k,
            CASE WHEN gamed THEN NULL WHEN same_day THEN reg + interval '2 hours' ELSE reg + interval '1 day' END,
            1000000, 1000000, 100000 + 1000 * i, 100000 + 1000 * i,
            (CASE WHEN gamed THEN 'cancelled' ELSE 'assessed' END)::"DeclarationStatus"
       FROM generate_series(1, 5) AS k, generate_series(1, 12) AS m, generate_series(0, 39) AS i,
            LATERAL (SELECT make_timestamp(2024, m, 2 + i % 25, 9, 0, 0) AS reg,
                            CASE WHEN i % 4 = 0 THEN 'R' ELSE 'G' END AS lane,
                            (i * 7 + k) % 10 < 3 + k AS same_day) s,
            LATERAL (SELECT k = 1 AND m >= 7 AND NOT s.same_day AS gamed) g`,
    [OFFICE],
  );
  await pool.query(
    `INSERT INTO items (decl_id, item_no, hs_code, hs6, origin_country, net_kg, gross_kg, cif_value)
     SELECT decl_id, 1, hs, left(hs, 6), 'CN', 100, 100, 1000000
       FROM (SELECT decl_id, CASE WHEN split_part(decl_id, '-', 4)::int % 3 = 0 THEN '8703231000' ELSE '6203420000' END AS hs
               FROM declarations WHERE office_code = $1) d`,
    [OFFICE],
  );
  await db.user.upsert({
    where: { email: GAMER.email },
    create: {
      email: GAMER.email,
      name: "Watch Officer 1",
      role: "OFFICER",
      officeCode: OFFICE,
      officerId: "ZG01",
      passwordHash: await hashPassword(GAMER.password),
    },
    update: {},
  });
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await db.$disconnect();
  await pool.end();
});

async function fillApplyForm(page: Page, title: string) {
  await page.goto("/contracts/apply-template");
  await page.locator("#apply-template").selectOption("cameroon-2010");
  await page.locator("#apply-office").selectOption(OFFICE);
  await page.locator("#apply-unit").selectOption("Watch");
  await page.locator("#apply-title").fill(title);
  await page.locator("#apply-from").fill(H2.from);
}

describe("contracts calibrated from baselines", () => {
  it("a manager applies a template to a unit, proposes from the unit's baseline, previews, adjusts and creates", async () => {
    const page = await signIn(MANAGER);
    await fillApplyForm(page, "Garoua Watch — H2 2024");
    await page.getByRole("button", { name: "Show baselines" }).click();
    const panel = page.getByTestId("baseline-panel");
    // January–June 2024, the unit's five officers.
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain("the 5 officers of unit ZGW1/Watch");
    await expect(panel.textContent()).resolves.toContain("Reference period Jan 1, 2024 – Jun 30, 2024.");
    await expect(page.getByTestId("baseline-P1").textContent()).resolves.toMatch(
      /Group: Q1 .* median .* Q3 .* \(5 with a value\)/,
    );
    await expect(page.getByTestId("strip-plot").count()).resolves.toBeGreaterThan(0);
    await screenshot(page, "calibration-baselines-manager");

    await page.getByRole("button", { name: "Propose from baseline" }).click();
    // P1 same-day over January–June: officers at 40, 50, 60, 70, 80 % → quartiles 50 % and 70 %.
    await expect(page.getByLabel("Threshold — P1").inputValue()).resolves.toBe("50");
    await expect(page.getByLabel("Target — P1").inputValue()).resolves.toBe("70");
    const preview = page.getByTestId("score-preview");
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toMatch(
      /Median .* interquartile range .* over 5 officers with a score/,
    );
    await screenshot(page, "calibration-preview-manager");

    // The manager lowers one threshold; the preview follows.
    const before = await preview.textContent();
    await page.getByLabel("Threshold — P1").fill("45");
    await expect.poll(() => preview.textContent()).not.toBe(before);
    await screenshot(page, "calibration-adjusted-manager");

    await page.getByRole("button", { name: "Create the drafts" }).click();
    const outcome = page.getByTestId("apply-outcome");
    await outcome.waitFor();
    await expect(outcome.textContent()).resolves.toContain("ZG01");
    await screenshot(page, "calibration-created-manager");

    const drafts = await db.contract.findMany({
      where: { officeCode: OFFICE, status: "DRAFT" },
      include: { indicators: true },
      orderBy: { partyOfficerId: "asc" },
    });
    expect(drafts.map((c) => c.partyOfficerId)).toEqual(["ZG01", "ZG02", "ZG03", "ZG04", "ZG05"]);
    for (const c of drafts) {
      const p1 = c.indicators.find((i) => i.kpiId === "P1")!;
      expect([p1.threshold, p1.target]).toEqual([0.45, 0.7]);
    }
    gamerContractId = drafts[0]!.id;

    await page.goto(`/contracts/${gamerContractId}`);
    await settle(page);
    await confirmAction(page, "Sign as principal", "Signed, awaiting acknowledgement");
    await screenshot(page, "calibration-signed-manager");
  });

  it("the same form reads in French", async () => {
    const page = await signIn(MANAGER, "fr-FR");
    await fillApplyForm(page, "Garoua Watch — S2 2024 (essai)");
    await page.getByRole("button", { name: "Afficher les références" }).click();
    await expect
      .poll(() => page.getByTestId("baseline-panel").textContent(), { timeout: 30_000 })
      .toContain("Groupe : les 5 agents de l'unité ZGW1/Watch.");
    await page.getByRole("button", { name: "Proposer d'après la référence" }).click();
    await page.getByTestId("score-preview").waitFor();
    await expect(page.getByTestId("score-preview").textContent()).resolves.toContain("Médiane");
    await screenshot(page, "calibration-preview-manager-fr");
  });

  it("a manager scores P1 of a draft on O/E; the audit keeps the basis and the contract shows O/E ratios", async () => {
    const draft = await db.contract.findFirstOrThrow({
      where: { officeCode: OFFICE, partyOfficerId: "ZG02", status: "DRAFT" },
    });
    const page = await signIn(MANAGER);
    await page.goto(`/contracts/${draft.id}/edit`);
    await page.locator('select[name="indicators.0.basis"]').selectOption("OE");
    await page.getByRole("button", { name: "Show baselines" }).click();
    const oe = page.getByTestId("baseline-oe-P1");
    await oe.waitFor({ timeout: 30_000 });
    // ZG02's own O/E over January–June with its counts, and the office's officers' O/E.
    await expect(oe.textContent()).resolves.toMatch(/Own O\/E \d\.\d\d \(observed \d+, expected [\d.]+; 95 % interval/);
    await page.getByRole("button", { name: "Propose from baseline" }).click();
    await expect.poll(() => page.locator('input[name="indicators.0.threshold"]').inputValue()).not.toBe("");
    await screenshot(page, "contract-oe-form-manager");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL(new RegExp(`/contracts/${draft.id}$`));

    const p1 = await db.contractIndicator.findFirstOrThrow({ where: { contractId: draft.id, kpiId: "P1" } });
    expect(p1.basis).toBe("OE");
    expect(p1.target).toBeGreaterThan(p1.threshold);
    expect(p1.target).toBeLessThan(3);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "contract.update", entityId: String(draft.id) },
      orderBy: { at: "desc" },
    });
    const after = (audit.data as { after: { indicators: { kpiId: string; basis: string }[] } }).after;
    expect(after.indicators.find((i) => i.kpiId === "P1")!.basis).toBe("OE");
    expect(after.indicators.find((i) => i.kpiId === "P2")!.basis).toBe("RAW");

    await settle(page);
    await expect(page.getByTestId("terms-table").textContent()).resolves.toContain("Scored on O/E");
    const row = page.getByTestId("current-scorecard").locator('tr[data-kpi="P1"]');
    await row.waitFor({ timeout: 30_000 });
    await expect(row.getAttribute("data-basis")).resolves.toBe("OE");
    // The value is ZG02's O/E over July–December, not his raw rate (a fraction of declarations).
    const value = Number(await row.getAttribute("data-value"));
    expect(value).toBeGreaterThan(0.3);
    await expect(row.textContent()).resolves.toMatch(/Scored on O\/E.*\d\.\d\d.*observed \d+ · expected/);
    await screenshot(page, "contract-oe-detail-manager");
    const fr = await signIn(MANAGER, "fr-FR");
    await fr.goto(`/contracts/${draft.id}`);
    await fr.getByTestId("current-scorecard").waitFor({ timeout: 30_000 });
    await expect(fr.getByTestId("terms-table").textContent()).resolves.toContain("Noté sur O/A");
    await screenshot(fr, "contract-oe-detail-manager-fr");
  });

  it("scores an indicator on observed/expected: the form calibrates and previews it on O/E ratios", async () => {
    // A trial that is never submitted: P1 same-day assessment on O/E for each officer of the unit. O/E exists for
    // P1 (a counted rate over declarations), standardised over lane × HS chapter within ZGW1.
    for (const [locale, load, propose, shot] of [
      ["en-GB", "Show baselines", "Propose from baseline", "calibration-oe-manager"],
      ["fr-FR", "Afficher les références", "Proposer d'après la référence", "calibration-oe-manager-fr"],
    ] as const) {
      const page = await signIn(MANAGER, locale);
      await fillApplyForm(page, "Garoua Watch — O/E trial");
      await page.locator('select[name="indicators.0.basis"]').selectOption("OE");
      await page.getByRole("button", { name: load }).click();
      const oe = page.getByTestId("baseline-oe-P1");
      await expect.poll(() => oe.count(), { timeout: 30_000 }).toBe(1);
      await expect(oe.textContent()).resolves.toMatch(locale === "en-GB" ? /Group O\/E: Q1 / : /O\/A du groupe : Q1 /);
      await page.getByRole("button", { name: propose }).click();
      // The proposal is an O/E ratio (1.00 = as expected), the target above the threshold for a higher-is-better
      // rate; a raw proposal would have been in % (50 and 70).
      const threshold = page.locator('input[name="indicators.0.threshold"]');
      const target = page.locator('input[name="indicators.0.target"]');
      await expect.poll(() => threshold.inputValue()).not.toBe("");
      const [t, g] = [await threshold.inputValue(), await target.inputValue()].map((v) => Number(v.replace(",", ".")));
      expect(t).toBeGreaterThan(0.3);
      expect(t).toBeLessThan(2);
      expect(g).toBeGreaterThan(t!);
      expect(g).toBeLessThan(3);
      await page.getByTestId("score-preview").waitFor();
      await screenshot(page, shot);
    }
  });

  it("the officer acknowledges and sees observed / expected beside his figures", async () => {
    const page = await signIn(GAMER);
    await page.goto("/me");
    await settle(page);
    await confirmAction(page, "Acknowledge the contract", "Active");
    const summary = page.getByTestId("my-summary");
    await summary.waitFor();
    const fair = summary.getByTestId("observed-expected");
    await fair.waitFor();
    // December 2024: he assessed every live declaration the same day, O/E for P1 above 1.
    const ratio = Number(await fair.locator('[data-kpi="P1"]').getAttribute("data-ratio"));
    expect(ratio).toBeGreaterThan(1);
    await expect(summary.textContent()).resolves.toContain("Score for December 2024");
    await screenshot(page, "calibration-me-officer");
    // Never a gaming flag on his own pages.
    await page.goto(`/me/contracts/${gamerContractId}`);
    await settle(page);
    await expect(page.getByTestId("gaming-watch").count()).resolves.toBe(0);
    const integrity = await page.goto(`/integrity`);
    expect(integrity?.status()).toBe(403);

    const fr = await signIn(GAMER, "fr-FR");
    await fr.goto("/me");
    await fr.getByTestId("observed-expected").waitFor();
    await expect(fr.getByTestId("my-summary").textContent()).resolves.toContain("observé/attendu");
    await screenshot(fr, "calibration-me-officer-fr");
  });

  it("the gaming watch flags the gaming officer, for his manager and the integrity unit", async () => {
    await detectAndStoreFlags(H2);
    const flags = await db.flag.findMany({ where: { method: "GAMING", officeCode: OFFICE } });
    expect(flags.map((f) => [f.subjectId, f.kpiId, f.relatedId])).toEqual([["ZG01", "P1", "I12"]]);

    const manager = await signIn(MANAGER);
    await manager.goto(`/contracts/${gamerContractId}`);
    const watch = manager.getByTestId("gaming-watch");
    await watch.waitFor();
    await expect(watch.textContent()).resolves.toContain("P1 went from");
    await screenshot(manager, "calibration-gaming-manager");
    const managerFr = await signIn(MANAGER, "fr-FR");
    await managerFr.goto(`/contracts/${gamerContractId}`);
    await managerFr.getByTestId("gaming-watch").waitFor();
    await screenshot(managerFr, "calibration-gaming-manager-fr");

    const analyst = await signIn(INTEGRITY);
    await analyst.goto(`/integrity/flags/${flags[0]!.id}`);
    await settle(analyst);
    await expect(analyst.getByTestId("flag-statistics").textContent()).resolves.toContain("rewards P1");
    await screenshot(analyst, "calibration-gaming-flag-integrity");
    const analystFr = await signIn(INTEGRITY, "fr-FR");
    await analystFr.goto(`/integrity/flags/${flags[0]!.id}`);
    await settle(analystFr);
    await screenshot(analystFr, "calibration-gaming-flag-integrity-fr");
  });
});
