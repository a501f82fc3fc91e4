// Prints one of the portal's own print pages to PDF with Chromium (playwright-core driving Debian's build), as the
// requesting user: their session cookie and language go into the browser context, so the page renders with their
// rights and in their language, and a PDF can never show more than the page would.
import "server-only";
import { chromium, type Browser } from "playwright-core";
import { cookies } from "next/headers";
import type { SessionUser } from "@/lib/auth/session-user";
import { LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/locales";
import { apiErrorResponse } from "@/lib/http/api-error";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/lib/chromium";

const RENDER_TIMEOUT_MS = 60_000;
// Each render is a browser process: a few at a time, the others wait their turn.
const MAX_CONCURRENT = 2;

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

// Auth.js session cookies (chunked when large, "__Secure-" on HTTPS).
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function forwardedCookies(cookieHeader: string | null, locale: Locale): { name: string; value: string }[] {
  const cookies = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return { name: part.slice(0, at), value: part.slice(at + 1) };
    })
    .filter((c) => SESSION_COOKIE.test(c.name));
  return [...cookies, { name: LOCALE_COOKIE, value: locale }];
}

export class PdfRenderError extends Error {}

export async function renderPdf({
  origin,
  path,
  cookieHeader,
  locale,
}: {
  origin: string;
  path: string;
  cookieHeader: string | null;
  locale: Locale;
}): Promise<Buffer> {
  return slot(async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        timeout: RENDER_TIMEOUT_MS,
      });
      const context = await browser.newContext({ locale: locale === "fr" ? "fr-FR" : "en-GB" });
      const secure = origin.startsWith("https:");
      await context.addCookies(forwardedCookies(cookieHeader, locale).map((c) => ({ ...c, url: origin, secure })));
      const page = await context.newPage();
      const response = await page.goto(`${origin}${path}`, { waitUntil: "networkidle", timeout: RENDER_TIMEOUT_MS });
      if (!response || response.status() !== 200)
        throw new PdfRenderError(`print page answered ${response?.status() ?? "nothing"}`);
      await page.locator("[data-testid$='-print']").waitFor({ timeout: RENDER_TIMEOUT_MS });
      return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser?.close();
    }
  });
}

// A route handler's answer: the print page at `path` as a PDF download in the user's language (their language cookie,
// else their saved preference), named `${fileStem}-${locale}.pdf`; 503 with a logged reason when printing fails.
export async function printedPageResponse(
  request: Request,
  user: SessionUser,
  page: { path: string; fileStem: string; log: Record<string, unknown> },
): Promise<Response> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : user.locale;
  try {
    const pdf = await renderPdf({
      origin: new URL(request.url).origin,
      path: page.path,
      cookieHeader: request.headers.get("cookie"),
      locale,
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${page.fileStem}-${locale}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return apiErrorResponse({ status: 503, code: "PDF_FAILED", reason: "pdfFailed", cause: { ...page.log, error } });
  }
}
