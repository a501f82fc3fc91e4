// The integrity work queue end to end in Chromium against the built portal (canonical-small imported, demo users
// seeded). Five flags over the first quarter of 2025 are stored here as detection would store them, with the number
// of tests each method ran:
//   RATE_OUTLIER I1 OF002 over Q1 (z 6) and over March (z 5) · BROKER_OFFICER_PAIR BR01 × OF001 (15 of 20) ·
//   UNIT_VALUE D002 item 1 (M −4.5; broker BR01, importer IMP02) · RATE_OUTLIER I8 OF003 in CMDLA5 (z 5)
// The national analyst opens the queue, opens officer OF002, opens a case with both of his flags at once, assigns it
// and records a confirmed (founded) finding; the administrator closes it (four eyes); the outcomes page's founded
// rate of RATE_OUTLIER moves by those two flags. The weekly digest reaches a real SMTP receiver: the national analyst
// reads every office's subjects, a CMDLA5 manager granted the area only CMDLA5's. Pages read in English and French.
// Screenshots: screenshots/triage-*.png.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { insertFlags } from "@/tests/support/integrity-fixture";
import { sendWeeklyDigests } from "@/lib/cases/send-weekly-digests";
import { weekStartOf } from "@/lib/cases/weekly-digest";
import { todayIso } from "@/lib/kernel/calendar";
import { launchChromium, screenshot, signedInSessions } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { integrity: ANALYST, admin: ADMIN, officer: OFFICER } = DEMO_SIGN_IN;
const Q1 = { from: "2025-01-01", to: "2025-03-31" };
const MARCH = { from: "2025-03-01", to: "2025-03-31" };
const QUEUE = `/integrity/queue?period=${Q1.from}_${Q1.to}`;

let browser: Browser;
const { signIn, closeAll } = signedInSessions(() => browser);
let ids: number[] = [];
let caseId = 0;
const manager = { email: `cmdla5-manager-${Date.now()}@triage.test`, id: "" };

const subjects = (page: Page) =>
  page
    .locator('[data-testid="queue-table"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-subject")));

const foundedOf = async (page: Page, method: string) => {
  const row = page.locator(`[data-testid="outcomes-by-method"] tr[data-method="${method}"]`);
  return { founded: Number(await row.getAttribute("data-founded")), n: Number(await row.getAttribute("data-n")) };
};

beforeAll(async () => {
  browser = await launchChromium();
  // The quarter's and its months' flags are this file's: whatever other files left there goes first.
  await pool.query(
    `DELETE FROM flags WHERE period_from >= $1 AND period_to <= $2 AND (period_from, period_to) IN
       (SELECT $1::date, $2::date UNION ALL SELECT d::date, (d + interval '1 month - 1 day')::date
          FROM generate_series($1::date, $2::date, interval '1 month') d)`,
    [Q1.from, Q1.to],
  );
  ids = await insertFlags([
    {
      method: "RATE_OUTLIER",
      kpiId: "I1",
      subjectType: "officer",
      subjectId: "OF002",
      officeCode: "CMDLA1",
      score: 6,
      n: 40,
      period: Q1,
      stats: { p: 0.4, p0: 0.1, z: 6, officeCode: "CMDLA1" },
    },
    {
      method: "RATE_OUTLIER",
      kpiId: "I1",
      subjectType: "officer",
      subjectId: "OF002",
      officeCode: "CMDLA1",
      score: 5,
      n: 35,
      period: MARCH,
      stats: { p: 0.36, p0: 0.1, z: 5, officeCode: "CMDLA1" },
    },
    {
      method: "BROKER_OFFICER_PAIR",
      subjectType: "broker",
      subjectId: "BR01",
      relatedId: "OF001",
      officeCode: "CMDLA1",
      score: 3.75,
      n: 15,
      period: Q1,
      stats: { officeCode: "CMDLA1", N: 100, n_b: 20, n_o: 20, n_bo: 15, expected: 4, pValue: 1e-7 },
    },
    {
      method: "UNIT_VALUE",
      subjectType: "declaration",
      subjectId: "D002",
      relatedId: "1",
      officeCode: "CMDLA1",
      score: 4.5,
      n: 24,
      period: Q1,
      stats: { hs6: "220421", originCountry: "FR", logUnitValue: 7.7, median: 9.9, mad: 0.33, m: -4.5 },
    },
    {
      method: "RATE_OUTLIER",
      kpiId: "I8",
      subjectType: "officer",
      subjectId: "OF003",
      officeCode: "CMDLA5",
      score: 5,
      n: 60,
      period: Q1,
      stats: { p: 0.3, p0: 0.05, z: 5, officeCode: "CMDLA5" },
    },
  ]);
  for (const [method, period, tests] of [
    ["RATE_OUTLIER", Q1, 20],
    ["RATE_OUTLIER", MARCH, 20],
    ["BROKER_OFFICER_PAIR", Q1, 5],
    ["UNIT_VALUE", Q1, 50],
  ] as const) {
    await pool.query(
      `INSERT INTO detection_tests (method, period_from, period_to, tests) VALUES ($1, $2, $3, $4)
       ON CONFLICT (method, period_from, period_to) DO UPDATE SET tests = EXCLUDED.tests`,
      [method, period.from, period.to, tests],
    );
  }
  const row = await db.user.create({
    data: {
      email: manager.email,
      name: "CMDLA5 Manager",
      role: "MANAGER",
      officeCode: "CMDLA5",
      integrityAccess: true,
      passwordHash: "unused",
    },
  });
  manager.id = row.id;
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await pool.query("DELETE FROM flags WHERE id = ANY ($1::int[])", [ids]);
  await pool.query("DELETE FROM weekly_digests WHERE user_id = $1", [manager.id]);
  await db.user.delete({ where: { id: manager.id } });
  await db.$disconnect();
});

describe("integrity work queue", () => {
  it("opens on the subjects behind the flags, takes one of them into a case and closes it as founded", async () => {
    const analyst = await signIn(ANALYST);
    const analystId = (await db.user.findUniqueOrThrow({ where: { email: ANALYST.email } })).id;

    expect((await analyst.goto("/integrity/outcomes"))?.status()).toBe(200);
    const before = await foundedOf(analyst, "RATE_OUTLIER");

    expect((await analyst.goto(QUEUE))?.status()).toBe(200);
    await analyst.getByTestId("queue-table").waitFor();
    // One row per officer, broker and importer behind the five flags; the declaration D002 stands behind its broker
    // and importer, the pair behind the broker and the officer.
    expect((await subjects(analyst)).sort()).toEqual(
      ["broker:BR01", "importer:IMP02", "officer:OF001", "officer:OF002", "officer:OF003"].sort(),
    );
    // All five fit the national unit's capacity (20 cases a month × 3).
    expect(
      await analyst
        .locator('[data-testid="queue-table"] tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-above-line"))),
    ).toEqual(["yes", "yes", "yes", "yes", "yes"]);
    await screenshot(analyst, "triage-queue");

    // Officer OF002: his two flags, each one click away, both surviving the FDR control.
    await Promise.all([
      analyst.waitForURL(/\/integrity\/queue\/officer\/OF002/),
      analyst.locator('tr[data-subject="officer:OF002"] [data-testid="queue-subject-link"]').click(),
    ]);
    await analyst.waitForLoadState("networkidle");
    const flagRows = analyst.locator('[data-testid="subject-flags"] tbody tr');
    expect((await flagRows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-flag"))))).sort()).toEqual(
      [ids[0], ids[1]].sort(),
    );
    expect(await flagRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-survives")))).toEqual([
      "yes",
      "yes",
    ]);
    await screenshot(analyst, "triage-subject");

    // One case with both flags at once.
    await analyst.getByTestId("subject-case-open").click();
    await analyst.locator('[data-testid="subject-case"] input[name="title"]').fill("OF002 lane downgrades, Q1");
    await Promise.all([
      analyst.waitForURL(/\/integrity\/cases\/\d+$/, { timeout: 60_000 }),
      analyst.locator('[data-testid="subject-case"] button[type="submit"]').click(),
    ]);
    await expect
      .poll(async () => (await db.caseFlag.findUnique({ where: { flagId: ids[0]! } }))?.caseId ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    caseId = (await db.caseFlag.findUniqueOrThrow({ where: { flagId: ids[0]! } })).caseId;
    expect((await db.caseFlag.findMany({ where: { caseId } })).map((f) => f.flagId).sort()).toEqual(
      [ids[0], ids[1]].sort(),
    );
    expect(analyst.url()).toMatch(new RegExp(`/integrity/cases/${caseId}$`));
    await analyst.waitForLoadState("networkidle");
    await screenshot(analyst, "triage-subject-case-opened");
    // The subject's page now says nothing is left to triage behind him.
    expect((await analyst.goto(`/integrity/queue/officer/OF002?period=${Q1.from}_${Q1.to}`))?.status()).toBe(200);
    await analyst.getByRole("heading", { name: "Nothing left to triage" }).waitFor();
    // The queue no longer holds him.
    expect((await analyst.goto(QUEUE))?.status()).toBe(200);
    expect(await subjects(analyst)).not.toContain("officer:OF002");

    // Assigned, a confirmed finding: the analyst may not close it himself.
    expect((await analyst.goto(`/integrity/cases/${caseId}`))?.status()).toBe(200);
    await analyst.waitForLoadState("networkidle");
    const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await analyst.locator("#assign-assignee").selectOption(analystId);
    await analyst.locator("#assign-due").fill(due);
    await analyst.locator('[data-testid="assign-form"] button[type="submit"]').click();
    await analyst.getByTestId("finding-form").waitFor();
    await analyst.locator('[data-testid="finding-form"] input[name="finding"][value="CONFIRMED"]').check();
    await analyst.locator("#finding-offence").selectOption("CORRUPTION");
    await analyst.locator("#finding-summary").fill("Downgraded yellow and red files without any recorded reason.");
    await analyst.locator('[data-testid="finding-form"] button[type="submit"]').click();
    await analyst.getByTestId("four-eyes-note").waitFor();

    // The administrator closes it.
    const admin = await signIn(ADMIN);
    expect((await admin.goto(`/integrity/cases/${caseId}`))?.status()).toBe(200);
    await admin.waitForLoadState("networkidle");
    await admin.locator("#close-note").fill("Checked the re-routings one by one.");
    await admin.locator('[data-testid="close-form"] button[type="submit"]').click();
    await admin.getByTestId("reopen-form").waitFor();
    expect(
      await admin
        .getByTestId("flag-outcome")
        .evaluateAll((ps) => ps.map((p) => [Number(p.getAttribute("data-flag")), p.getAttribute("data-founded")])),
    ).toEqual(
      expect.arrayContaining([
        [ids[0], "yes"],
        [ids[1], "yes"],
      ]),
    );
    await screenshot(admin, "triage-case-closed");

    // The method's founded rate moved by the two flags.
    expect((await analyst.goto("/integrity/outcomes"))?.status()).toBe(200);
    expect(await foundedOf(analyst, "RATE_OUTLIER")).toEqual({ founded: before.founded + 2, n: before.n + 2 });
    await screenshot(analyst, "triage-outcomes");
  });

  it("marks the flag's officer on its funnel plot and says whether the flag survives the FDR control", async () => {
    const analyst = await signIn(ANALYST);
    expect((await analyst.goto(`/integrity/flags/${ids[0]}`))?.status()).toBe(200);
    await analyst.waitForLoadState("networkidle");
    expect(await analyst.getByTestId("flag-fdr").getAttribute("data-survives")).toBe("yes");
    await analyst.getByTestId("funnel-chart").waitFor();
    await screenshot(analyst, "triage-flag-funnel");
  });

  it("sends the weekly digest to a real SMTP receiver, each reader seeing only their scope", async () => {
    type Mail = { to: string[]; raw: string };
    const received: Mail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.server.address() as { port: number }).port;
      // The worker's hourly run may already have kept this week's digests in the portal: this week starts again.
      await pool.query("DELETE FROM weekly_digests WHERE week_start = $1", [weekStartOf(todayIso())]);
      const result = await sendWeeklyDigests({ smtpUrl: `smtp://127.0.0.1:${port}` });
      expect(result.failed).toBe(0);
      const text = (to: string) =>
        received
          .find((m) => m.to.includes(to))!
          .raw.replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      const national = text(ANALYST.email);
      for (const who of ["OF001", "BR01", "IMP02", "OF003"]) expect(national, who).toContain(who);
      const cmdla5 = text(manager.email);
      expect(cmdla5).toContain("OF003");
      for (const who of ["OF001", "OF002", "BR01", "IMP02", "OF002 lane downgrades"])
        expect(cmdla5, who).not.toContain(who);
      // Officers and managers without the grant get none.
      expect(received.some((m) => m.to.includes(OFFICER.email))).toBe(false);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    // The portal keeps what was sent.
    const analyst = await signIn(ANALYST);
    expect((await analyst.goto("/integrity"))?.status()).toBe(200);
    await analyst.getByTestId("weekly-digest").waitFor();
    await analyst.getByTestId("home-queue").waitFor();
    await screenshot(analyst, "triage-integrity-home");
  });

  it("reads in French", async () => {
    const page = await signIn(ANALYST, "fr-FR");
    expect((await page.goto(QUEUE))?.status()).toBe(200);
    await page.getByRole("heading", { name: "File de travail", exact: true }).waitFor();
    await screenshot(page, "triage-queue-fr");
    expect((await page.goto(`${"/integrity/queue/broker/BR01"}?period=${Q1.from}_${Q1.to}`))?.status()).toBe(200);
    await page.getByRole("heading", { name: "Pourquoi cette priorité" }).waitFor();
    await screenshot(page, "triage-subject-fr");
    expect((await page.goto("/integrity/outcomes"))?.status()).toBe(200);
    await page.getByRole("heading", { name: "Taux d’alertes fondées par méthode" }).waitFor();
    await screenshot(page, "triage-outcomes-fr");
    expect((await page.goto(`/integrity/flags/${ids[0]}`))?.status()).toBe(200);
    await page.getByTestId("funnel-chart").waitFor();
    await screenshot(page, "triage-flag-funnel-fr");
    expect((await page.goto("/integrity"))?.status()).toBe(200);
    await page.getByTestId("home-queue").waitFor();
    await screenshot(page, "triage-integrity-home-fr");
  });

  it("refuses an officer the queue, a subject and the outcomes (HTTP 403)", async () => {
    const page = await signIn(OFFICER);
    for (const url of [QUEUE, `/integrity/queue/officer/OF002?period=${Q1.from}_${Q1.to}`, "/integrity/outcomes"])
      expect((await page.goto(url))?.status(), url).toBe(403);
  });
});
