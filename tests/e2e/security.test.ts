// The security review's findings, tried as an attacker would against the production build: copied session cookies
// after sign-out, reset, deactivation and role change; a deactivated session on cached pages; forged
// X-Forwarded-For; headers on every page; statuses of out-of-scope pages; the audit of access and its page; API
// error bodies. Each test failed before the hardening it names.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg";
import { hashPassword } from "@/lib/auth/password";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUser } from "@/lib/users/update-user";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";
import { baseUrl, launchChromium, login, newPage, screenshot } from "./support/browser";

const run = randomUUID().slice(0, 8);
const PASSWORD = "security-pass-2026";
let browser: Browser;
let adminId = "";
const contexts: BrowserContext[] = [];

async function newUser(name: string, role: "MANAGER" | "INTEGRITY" | "OFFICER", officeCode: string | null = null) {
  const email = `${name}-${run}@pmc.local`;
  const user = await db.user.create({
    data: { email, name: `Security ${name}`, role, officeCode, passwordHash: await hashPassword(PASSWORD) },
  });
  return { id: user.id, email };
}

// Signs in through the login form and returns the session cookie as an attacker would copy it.
async function signIn(email: string, password = PASSWORD, locale?: string) {
  const { context, page } = await newPage(browser, locale ? { locale } : {});
  contexts.push(context);
  await login(page, email, password);
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  return { context, page, cookie: session ? `${session.name}=${session.value}` : "" };
}

const get = (path: string, cookie: string, headers: Record<string, string> = {}) =>
  fetch(new URL(path, baseUrl()), { headers: { cookie, accept: "text/html", ...headers }, redirect: "manual" });

async function sessionEndpoint(cookie: string): Promise<unknown> {
  const response = await get("/api/auth/session", cookie, { accept: "application/json" });
  expect(response.status).toBe(200);
  return response.json();
}

// A page that refuses an ended session sends it to the sign-in page (Next.js hands same-origin redirects on as a
// path): a redirect, not the page and not a 500.
async function expectSentToLogin(path: string, cookie: string) {
  const response = await get(path, cookie);
  expect(response.status, path).toBeGreaterThanOrEqual(300);
  expect(response.status, path).toBeLessThan(400);
  const location = new URL(response.headers.get("location") ?? "", baseUrl());
  expect(location.origin, path).toBe(new URL(baseUrl()).origin);
  expect(location.pathname, path).toBe("/login");
}

beforeAll(async () => {
  browser = await launchChromium();
  adminId = (await db.user.findUniqueOrThrow({ where: { email: DEMO_SIGN_IN.admin.email } })).id;
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await db.user.deleteMany({ where: { email: { endsWith: `-${run}@pmc.local` } } });
  await Promise.all([db.$disconnect(), pool.end()]);
});

describe("1. sessions end", () => {
  it("after sign-out a copied cookie no longer opens pages or the session endpoint", async () => {
    const user = await newUser("signout", "MANAGER");
    const { page, cookie } = await signIn(user.email);
    await page.waitForURL("**/dashboard");
    expect((await get("/dashboard", cookie)).status).toBe(200);
    expect(await sessionEndpoint(cookie)).toMatchObject({ user: { email: user.email } });

    await Promise.all([page.waitForURL("**/login**"), page.getByRole("button", { name: "Sign out" }).click()]);
    for (const path of ["/dashboard", "/contracts", "/explore/kpi"]) await expectSentToLogin(path, cookie);
    expect(await sessionEndpoint(cookie)).toBeNull();
  });

  it("after a password reset, a deactivation or a role change the old cookie is refused", async () => {
    const changes = {
      reset: (id: string) => resetUserPassword({ userId: id, password: "another-pass-2026" }, adminId),
      deactivated: (id: string) => setUserActive({ userId: id, active: false }, adminId),
      role: (id: string) =>
        updateUser(
          { userId: id, name: "Security role", role: "INTEGRITY", officeCode: null, officerId: null },
          adminId,
        ),
    };
    for (const [name, change] of Object.entries(changes)) {
      const user = await newUser(name, "MANAGER");
      const { cookie } = await signIn(user.email);
      expect((await get("/contracts", cookie)).status, name).toBe(200);
      await change(user.id);
      await expectSentToLogin("/contracts", cookie);
      expect(await sessionEndpoint(cookie), name).toBeNull();
    }
  });
});

describe("2. a deactivated session on cached pages", () => {
  it("is sent to the sign-in page, never answered with a 500", async () => {
    const user = await newUser("cached", "MANAGER");
    const { cookie } = await signIn(user.email);
    // Put the pages in the page cache for this session first.
    for (const path of ["/dashboard", "/explore/kpi", "/me"]) await get(path, cookie).then((r) => r.arrayBuffer());
    await setUserActive({ userId: user.id, active: false }, adminId);
    for (const path of ["/me", "/dashboard", "/explore/kpi"]) await expectSentToLogin(path, cookie);
  });
});

describe("3. sign-in abuse", () => {
  it("records the socket's address, not a forged X-Forwarded-For, and slows down instead of locking out", async () => {
    const user = await newUser("forged", "MANAGER");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const { context, page } = await newPage(browser);
      await context.setExtraHTTPHeaders({ "X-Forwarded-For": `203.0.113.${attempt}` });
      await login(page, user.email, `wrong-${attempt}`);
      await context.close();
    }
    const failures = await db.auditLog.findMany({ where: { action: "auth.sign_in_failed", entityId: user.id } });
    expect(failures).toHaveLength(5);
    for (const failure of failures)
      expect((failure.data as { ip: string }).ip).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);

    // The owner is at most briefly slowed down, then signs in: no 15-minute lock-out.
    const { context, page } = await newPage(browser);
    contexts.push(context);
    await login(page, user.email, PASSWORD);
    if (new URL(page.url()).pathname === "/login") {
      const message = (await page.locator("form [role=alert]").textContent()) ?? "";
      const seconds = Number(/in (\d+) seconds?/.exec(message)?.[1]);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(2);
      await screenshot(page, "security-login-slowed-en");
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 200));
      await login(page, user.email, PASSWORD);
    }
    await page.waitForURL("**/dashboard");
  });
});

// Every page of the app, with the ids of the e2e data set where a page needs one (a page that answers 403 or 404
// for the administrator must carry the headers too).
const PAGES = [
  "/login",
  "/dashboard",
  "/dashboard/offices/CMDLA1",
  "/dashboard/offices/CMDLA1/units/Assessment%20A",
  "/contracts",
  "/contracts/new",
  "/contracts/apply-template",
  "/contracts/disputes",
  "/contracts/999999",
  "/me",
  "/explore",
  "/explore/kpi?kpi=P1&subject=officer:OF001",
  "/explore/declarations/D001",
  "/integrity",
  "/integrity/flags",
  "/integrity/flags/999999",
  "/integrity/cases",
  "/integrity/cases/999999",
  "/integrity/benford",
  "/integrity/benford/BR01",
  "/integrity/funnel",
  "/integrity/pairs",
  "/integrity/unit-values",
  "/integrity/settings",
  "/analysis",
  "/analysis/trs",
  "/analysis/trs/compare",
  "/analysis/trs/distribution",
  "/analysis/trs/peaks",
  "/analysis/trs/report",
  "/analysis/trs/trend",
  "/analysis/mirror",
  "/analysis/mirror/CN/851713",
  "/analysis/selectivity",
  "/analysis/risk",
  "/data",
  "/data/imports/999999",
  "/admin",
  "/admin/audit",
  "/admin/users/nobody",
  "/no-such-page",
];

describe("5. security headers", () => {
  it("are on every page, with a nonce on every script and no inline script allowed", async () => {
    const { cookie } = await signIn(DEMO_SIGN_IN.admin.email, DEMO_SIGN_IN.admin.password);
    const statuses: Record<string, number> = {};
    for (const path of [...PAGES, "/api/admin/users", "/api/auth/session"]) {
      const response = await get(path, cookie);
      statuses[path] = response.status;
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
      // Plain HTTP here: HSTS would be ignored, and is only sent over HTTPS.
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
      const body = await response.text();
      if (!response.headers.get("content-type")?.startsWith("text/html")) continue;
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(Object.entries(statuses).filter(([, status]) => status >= 500)).toEqual([]);
  });

  it("leave the pages working in Chromium without a single policy violation", async () => {
    const { page } = await signIn(DEMO_SIGN_IN.admin.email, DEMO_SIGN_IN.admin.password);
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ["/dashboard", "/admin", "/integrity", "/analysis/trs", "/contracts/new"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    // Client navigation only works once React has hydrated, which needs the nonce-carrying scripts.
    await page.goto("/admin");
    await Promise.all([page.waitForURL("**/admin/audit"), page.getByRole("link", { name: /whole audit log/ }).click()]);
    expect(violations).toEqual([]);
  });
});

describe("6. out-of-scope pages", () => {
  it("answer HTTP 404, not a 200 saying the page was not found", async () => {
    const { rows } = await pool.query<{ id: number }>(
      `INSERT INTO flags (method, subject_type, subject_id, period_from, period_to, score, n, stats, rule, office_code)
       VALUES ('security-test', 'officer', $1, '2025-03-01', '2025-03-31', 4.2, 10, '{}', '{}', 'CMDLA5') RETURNING id`,
      [`OF-${run}`],
    );
    const flagId = rows[0]!.id;
    try {
      const analyst = await newUser("scoped", "INTEGRITY", "CMDLA1");
      const { cookie } = await signIn(analyst.email);
      const elsewhere = await newUser("otheroffice", "INTEGRITY", "CMDLA5");
      const { cookie: otherCookie } = await signIn(elsewhere.email);
      // The analyst of the flag's own office sees it: the page exists.
      expect((await get(`/integrity/flags/${flagId}`, otherCookie)).status).toBe(200);
      for (const path of [`/integrity/flags/${flagId}`, "/integrity/flags/999999", "/integrity/cases/999999"]) {
        const response = await get(path, cookie);
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).toContain("Page not found");
      }
      const { cookie: adminCookie } = await signIn(DEMO_SIGN_IN.admin.email, DEMO_SIGN_IN.admin.password);
      expect((await get("/admin/users/nobody", adminCookie)).status).toBe(404);
    } finally {
      await pool.query("DELETE FROM flags WHERE id = $1", [flagId]);
    }
  });
});

describe("7. audit of access", () => {
  it("records sign-in, failure, sign-out; the audit page filters, pages, exports and reads them in EN and FR", async () => {
    const user = await newUser("audited", "MANAGER");
    {
      const { context, page } = await newPage(browser);
      await login(page, user.email, "wrong-password");
      await login(page, user.email, PASSWORD);
      await page.waitForURL("**/dashboard");
      await Promise.all([page.waitForURL("**/login**"), page.getByRole("button", { name: "Sign out" }).click()]);
      await context.close();
    }
    const actions = (await db.auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["auth.sign_in_failed", "auth.sign_in", "auth.sign_out"]);

    const { page, cookie } = await signIn(DEMO_SIGN_IN.admin.email, DEMO_SIGN_IN.admin.password);
    await page.goto(`/admin/audit?entityId=${encodeURIComponent(user.email)}`);
    const rows = page.locator('[data-testid="audit-table"] tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.first().getAttribute("data-action")).resolves.toBe("auth.sign_out");
    await expect(page.getByTestId("audit-table").textContent()).resolves.toContain("Sign-in failed");
    await expect(page.getByTestId("audit-table").textContent()).resolves.toContain("wrong email or password");
    await screenshot(page, "security-audit-en");

    const csv = await (await get(`/api/admin/audit.csv?entityId=${encodeURIComponent(user.email)}`, cookie)).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("auth.sign_out");
    expect(lines[3]).toContain("auth.sign_in_failed");
    const xlsx = await get(`/api/admin/audit.xlsx?action=auth.sign_in&page=1`, cookie);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");

    // Paging: 55 entries of one action are 50 on page 1 and 5 on page 2, the newest first.
    const action = `test.paging_${run}`;
    await pool.query(
      `INSERT INTO audit_log (action, entity_type, entity_id, data)
       SELECT $1, 'test', 'entry-' || n, jsonb_build_object('n', n) FROM generate_series(1, 55) n`,
      [action],
    );
    await page.goto(`/admin/audit?action=${action}`);
    await expect(rows.count()).resolves.toBe(50);
    await expect(page.getByTestId("audit-total").textContent()).resolves.toBe("55 entries");
    await Promise.all([page.waitForURL("**page=2**"), page.getByRole("link", { name: "Next" }).click()]);
    await expect(rows.count()).resolves.toBe(5);
    await expect(rows.first().locator("td").nth(3).textContent()).resolves.toContain("entry-5");

    const fr = await signIn(DEMO_SIGN_IN.admin.email, DEMO_SIGN_IN.admin.password, "fr-FR");
    await fr.page.goto(`/admin/audit?entityId=${encodeURIComponent(user.email)}`);
    await expect(fr.page.getByTestId("audit-table").textContent()).resolves.toContain("Échec de connexion");
    await screenshot(fr.page, "security-audit-fr");

    // The user's admin page ends their sessions and clears their failed sign-ins, in either language.
    {
      const { context, page: guesser } = await newPage(browser);
      await login(guesser, user.email, "wrong-again");
      await context.close();
    }
    await page.goto(`/admin/users/${user.id}`);
    await expect(
      page.getByText("1 failed sign-in in the last window slows down the next attempts.").count(),
    ).resolves.toBe(1);
    await page.getByRole("button", { name: "Clear failed sign-ins" }).click();
    await page.getByText("The failed sign-ins have been cleared").waitFor();
    await screenshot(page, "security-admin-user-en");
    await fr.page.goto(`/admin/users/${user.id}`);
    await fr.page.getByRole("button", { name: "Mettre fin à toutes les sessions" }).click();
    await fr.page.getByText("Toutes les sessions de cet utilisateur ont été fermées.").waitFor();
    await screenshot(fr.page, "security-admin-user-fr");
    const ended = await db.auditLog.findMany({
      where: { entityId: user.id, action: { in: ["auth.failures_cleared", "user.sessions_ended"] } },
    });
    expect(ended.map((e) => e.action).sort()).toEqual(["auth.failures_cleared", "user.sessions_ended"]);
  });
});

describe("8. API error bodies", () => {
  it("carry a stable code, a translated sentence and the request id, never zod's report or a message key", async () => {
    const { cookie } = await signIn(DEMO_SIGN_IN.admin.email, DEMO_SIGN_IN.admin.password);
    const invalid = await get("/api/imports/not-a-number", cookie, { accept: "application/json" });
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as {
      error: { code: string; message: string; requestId: string; fields: string[] };
    };
    expect(body.error.code).toBe("INVALID");
    expect(body.error.fields).toEqual(["id"]);
    expect(body.error.requestId).toBe(invalid.headers.get("x-request-id"));
    expect(body.error.message).toBe(
      `The request is not valid: check the fields named. Reference: ${body.error.requestId}.`,
    );
    expect(JSON.stringify(body)).not.toMatch(/✖|expected|received|Invalid input/);

    const { cookie: analystCookie } = await signIn(
      DEMO_SIGN_IN.integrity.email,
      DEMO_SIGN_IN.integrity.password,
      "fr-FR",
    );
    const missing = await fetch(new URL("/api/cases/999999/evidence/1", baseUrl()), {
      headers: { cookie: `${analystCookie}; NEXT_LOCALE=fr`, accept: "application/json" },
    });
    expect(missing.status).toBe(404);
    const notFound = (await missing.json()) as { error: { code: string; message: string } };
    expect(notFound.error.code).toBe("NOT_FOUND");
    expect(notFound.error.message).not.toContain("notFound");
    expect(notFound.error.message).toMatch(/Référence : [0-9a-f-]{36}\.$/);
  });
});
