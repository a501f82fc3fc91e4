// Debian's Chromium, driven by playwright-core for PDFs and for the e2e tests: Playwright's own browsers cannot be
// downloaded here, and these flags keep it headless, quiet and offline (shared notes/platform.md).
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
