// Sign-in, throttling, role guards and language switch, through Chromium against the running portal
// (E2E_BASE_URL, demo users seeded by the e2e global setup).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, login, newPage, screenshot } from "./support/browser";
import { DEMO_SIGN_IN } from "@/lib/users/seed-demo-users";

const { admin: ADMIN, officer: OFFICER, officer2: OFFICER2 } = DEMO_SIGN_IN;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("sign-in", () => {
  it("lets the administrator in and on to /admin", async () => {
    const { context, page } = await newPage(browser);
    await login(page, ADMIN.email, ADMIN.password);
    await page.waitForURL("**/dashboard");
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Administration");
    await expect(page.getByTestId("current-user").textContent()).resolves.toContain("Administrator");
    await screenshot(page, "auth-admin-en");
    await context.close();
  });

  it("refuses a wrong password with a message and stays on the login page", async () => {
    const { context, page } = await newPage(browser);
    await login(page, ADMIN.email, "not-the-password");
    await expect(page.locator("form [role=alert]").textContent()).resolves.toBe(
      "Email address or password is incorrect.",
    );
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "auth-login-refused-en");
    await context.close();
  });

  // Failed sign-ins slow an account down instead of locking it: tests/e2e/security.test.ts ("sign-in abuse").

  it("sends an anonymous visitor to the login page, remembering where they were going", async () => {
    const { context, page } = await newPage(browser);
    await page.goto("/integrity");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("callbackUrl")).toBe("/integrity");
    await context.close();
  });
});

describe("role guards", () => {
  it("answers an officer opening /admin or /data with a 403 page, and the admin endpoint with 403", async () => {
    const { context, page } = await newPage(browser);
    await login(page, OFFICER.email, OFFICER.password);
    await page.waitForURL("**/me");

    for (const path of ["/admin", "/data"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.locator("h1").textContent()).resolves.toBe("You do not have access to this page");
    }
    await screenshot(page, "auth-forbidden-en");

    const api = await context.request.get("/api/admin/users");
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    await context.close();
  });

  it("answers the admin endpoint with 401 when nobody is signed in", async () => {
    const { context } = await newPage(browser);
    const api = await context.request.get("/api/admin/users");
    expect(api.status()).toBe(401);
    await context.close();
  });
});

describe("language", () => {
  it("switches the portal to French from the header, and back", async () => {
    const { context, page } = await newPage(browser);
    await login(page, OFFICER2.email, OFFICER2.password);
    await page.waitForURL("**/me");
    await expect(page.locator("h1").textContent()).resolves.toBe("My indicators");

    try {
      await page.getByRole("button", { name: "Français" }).click();
      await page.waitForFunction(() => document.documentElement.lang === "fr");
      await expect(page.locator("h1").textContent()).resolves.toBe("Mes indicateurs");
      await expect(page.getByRole("button", { name: "Se déconnecter" }).count()).resolves.toBe(1);
      await expect(page.getByTestId("current-user").textContent()).resolves.toContain("Agent");
      await screenshot(page, "auth-me-fr");
    } finally {
      // The choice is also saved as the user's preference: put it back for other tests signing in as this user.
      await page.getByRole("button", { name: "English" }).click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      await context.close();
    }
  });

  it("shows the login page in French to a browser that asks for French", async () => {
    const { context, page } = await newPage(browser, { locale: "fr-FR" });
    await page.goto("/login");
    await expect(page.locator("h1").textContent()).resolves.toBe("Connexion");
    await expect(page.locator('label[for="password"]').textContent()).resolves.toBe("Mot de passe");
    await screenshot(page, "auth-login-fr");
    await context.close();
  });
});
