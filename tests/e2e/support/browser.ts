// Browser helpers of the auth e2e tests, on top of the shared Chromium launcher (tests/support/browser.ts):
// a fresh context per user, a login helper, and screenshots saved as screenshots/<name>.png.
import { mkdir } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { SCREENSHOTS_DIR, baseUrl, launchChromium, screenshotPath } from "../../support/browser";

export { launchChromium, baseUrl };

// Each context is a separate browser profile: its own cookies, so its own session and NEXT_LOCALE.
export async function newPage(
  browser: Browser,
  options: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const locale = options.locale ?? "en-GB";
  const context = await browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1366, height: 900 } });
  // The language cookie wins over a preference an earlier test may have saved for the same demo user.
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale.slice(0, 2), url: baseUrl() }]);
  return { context, page: await context.newPage() };
}

// Fills and submits the login form; resolves once the next page (or the refusal message) is there.
export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForFunction(
      () => !location.pathname.startsWith("/login") || document.querySelector('form [role="alert"]') !== null,
    ),
    page.locator('form:has(input[name="password"]) button[type="submit"]').click(),
  ]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const file = screenshotPath(name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The signed-in pages of one test file: signIn opens a fresh context per call (optionally in a language), and
// closeAll closes every context opened.
export function signedInSessions(browser: () => Browser) {
  const contexts: BrowserContext[] = [];
  return {
    async signIn(user: { email: string; password: string }, locale?: string): Promise<Page> {
      const { context, page } = await newPage(browser(), locale ? { locale } : {});
      contexts.push(context);
      await login(page, user.email, user.password);
      return page;
    },
    closeAll: () => Promise.all(contexts.splice(0).map((c) => c.close())),
  };
}
