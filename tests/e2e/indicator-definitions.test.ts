// Each KPI name the portal shows opens its definition, in English and French: the manager's overview legend and a
// contract's terms, the officer's own page, the drill-down header, and the page that lists them all. The words are
// the ones of contracts.kpis (docs/indicators.md is generated from the same messages). Screenshots:
// screenshots/definitions-*.png.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session-user";
import { createContract } from "@/lib/contracts/create-contract";
import { signContract } from "@/lib/contracts/sign-contract";
import { acknowledgeContract } from "@/lib/contracts/acknowledge-contract";
import { refreshContractIndicators } from "@/lib/contracts/refresh-contract-indicators";
import en from "@/lib/i18n/messages/en/contracts.json";
import fr from "@/lib/i18n/messages/fr/contracts.json";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";

const { manager: MANAGER, officer: OFFICER } = DEMO_SIGN_IN;

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);
let contractId = 0;

async function openDefinition(page: Page, kpiId: string) {
  // A page may still refresh itself after loading (the session's language is saved, stale cells are queued), and a
  // re-render closes an open <details>: open it once the page has settled.
  await page.waitForLoadState("networkidle");
  const details = page.locator(`[data-testid="kpi-definition-${kpiId}"]`).first();
  await details.locator("summary").click();
  const panel = details.getByRole("group");
  await panel.waitFor();
  return panel;
}

beforeAll(async () => {
  browser = await launchChromium();
  const manager = await db.user.findUniqueOrThrow({ where: { email: MANAGER.email } });
  const officerUser = await db.user.findUniqueOrThrow({ where: { email: OFFICER.email } });
  const actor: Actor = { id: manager.id, role: "MANAGER", officeCode: manager.officeCode, officerId: null };
  // A contract of the demo officer's own, in a year no other test file contracts for (contracts must not overlap).
  const { id } = await createContract(
    {
      title: "Definitions — demo officer",
      partyType: "OFFICER",
      partyOfficerId: officerUser.officerId!,
      officeCode: manager.officeCode ?? "CMDLA1",
      periodFrom: "2026-01-01",
      periodTo: "2026-01-31",
      indicators: [
        { kpiId: "P1", threshold: 0.2, target: 0.6, weight: 60, minVolume: 1 },
        { kpiId: "P2", threshold: 0.5, target: 0.1, weight: 40, minVolume: 1 },
      ],
    },
    actor,
  );
  await signContract(id, actor);
  const officerActor: Actor = {
    id: officerUser.id,
    role: officerUser.role,
    officeCode: officerUser.officeCode,
    officerId: officerUser.officerId,
  };
  await acknowledgeContract(id, officerActor);
  await refreshContractIndicators();
  contractId = id;
}, 120_000);

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await db.$disconnect();
});

describe("indicator definitions", () => {
  it("opens a contract indicator's definition for the manager, in English and French", async () => {
    const page = await signIn(MANAGER);
    await page.goto(`/contracts/${contractId}`);
    const panel = await openDefinition(page, "P2");
    await expect(panel.textContent()).resolves.toContain(en.kpis.P2.formula);
    await expect(panel.textContent()).resolves.toContain(en.kpis.P2.n);
    await screenshot(page, "definitions-contract-manager-en");

    const french = await signIn(MANAGER, "fr-FR");
    await french.goto(`/contracts/${contractId}`);
    const panelFr = await openDefinition(french, "P2");
    await expect(panelFr.textContent()).resolves.toContain(fr.kpis.P2.formula);
    await screenshot(french, "definitions-contract-manager-fr");
  });

  it("explains the overview's lights in a legend whose names open their definitions", async () => {
    const page = await signIn(MANAGER, "fr-FR");
    await page.goto("/dashboard?month=2026-01");
    const legend = page.getByTestId("indicator-legend");
    await legend.waitFor();
    await expect(legend.textContent()).resolves.toContain(fr.kpis.P1.name);
    const panel = await openDefinition(page, "P1");
    await expect(panel.textContent()).resolves.toContain(fr.kpis.P1.raises);
    await screenshot(page, "definitions-overview-manager-fr");
  });

  it("opens the definitions on the officer's own page and in the drill-down", async () => {
    const page = await signIn(OFFICER);
    await page.goto("/me");
    const panel = await openDefinition(page, "P1");
    await expect(panel.textContent()).resolves.toContain(en.kpis.P1.lowers);
    await screenshot(page, "definitions-me-officer-en");

    const officer = await db.user.findUniqueOrThrow({ where: { email: OFFICER.email } });
    await page.goto(`/explore/kpi?kpi=P2&type=officer&id=${officer.officerId}&from=2025-03-01&to=2025-03-31`);
    const drill = await openDefinition(page, "P2");
    await expect(drill.textContent()).resolves.toContain(en.kpis.P2.unit);
    await screenshot(page, "definitions-drilldown-officer-en");

    // "All definitions" leads to the list, at the indicator's own entry.
    await Promise.all([page.waitForURL(/\/explore\/indicators#kpi-P2$/), drill.getByRole("link").click()]);
    await expect(page.locator("#kpi-P2").textContent()).resolves.toContain(en.kpis.P2.reading);
    await screenshot(page, "definitions-list-officer-en");
  });
});
