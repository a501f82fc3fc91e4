// Chromium for e2e tests: Debian's build driven by playwright-core, since Playwright's own browsers cannot be
// downloaded here (shared notes/platform.md lists the flags that keep it quiet and offline).
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../lib/chromium";
import { projectRoot } from "./local-services";

export const SCREENSHOTS_DIR = path.join(projectRoot, "screenshots");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Where a test saves the screenshot called `name` (screenshots/ is git-ignored). */
export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS_DIR, `${name.replace(/[^\w.-]+/g, "-")}.png`);
}

/** The portal under test, as started by tests/support/e2e-setup.ts. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run e2e tests through `npm run test:e2e`");
  return url;
}
