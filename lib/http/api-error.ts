// What an API client sees when a request fails: a stable code, a sentence in the user's language and the request's
// id; the message key, the stack and zod's report go to the log under the same id (docs/security.md, V7).
import "server-only";
import { headers } from "next/headers";
import { createTranslator } from "next-intl";
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "@/lib/i18n/messages";
import { logger } from "@/lib/logger";
import { REQUEST_ID_HEADER } from "@/lib/http/security-headers";

export type ApiErrorCode =
  "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "RATE_LIMITED" | "PDF_FAILED" | "INTERNAL";

export type ApiErrorInput = {
  status: number;
  code: ApiErrorCode;
  // The domain's own reason (a message key such as "notFound" or "pdfFailed") and its values: logged, and
  // translated when an errors namespace knows it, never shown as it is.
  reason?: string;
  values?: Record<string, string | number>;
  // Paths of the fields an invalid request got wrong.
  fields?: string[];
  cause?: unknown;
};

export async function requestId(): Promise<string> {
  try {
    return (await headers()).get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  } catch {
    return crypto.randomUUID();
  }
}

// The domains' refusal messages, which the forms already show; a key they share means the same in each.
const REASON_NAMESPACES = [
  "common.apiErrors.reasons",
  "contracts.errors",
  "cases.errors",
  "disputes.errors",
  "integrity.errors",
  "admin.errors",
] as const;

// The request's language; English when called outside a request (a route handler run directly by a test).
async function errorLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

// Keys are only known at run time here (a domain's reason), so the translator is used untyped.
type LooseTranslator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
const translator = (locale: Locale, messages: Messages) =>
  // A message that cannot be formatted (values missing) comes back empty instead of as its key.
  createTranslator({
    locale,
    messages,
    onError: () => undefined,
    getMessageFallback: () => "",
  }) as unknown as LooseTranslator;

function reasonSentence(
  messages: Messages,
  locale: Locale,
  reason: string,
  values: Record<string, string | number>,
): string | null {
  const t = translator(locale, messages);
  for (const namespace of REASON_NAMESPACES) {
    if (!t.has(`${namespace}.${reason}`)) continue;
    // A message that needs values the error did not carry: the code's own sentence is better than a broken one.
    return t(`${namespace}.${reason}`, values) || null;
  }
  return null;
}

export async function apiErrorResponse(input: ApiErrorInput): Promise<Response> {
  const id = await requestId();
  const locale = await errorLocale();
  const messages = await loadMessages(locale);
  const t = translator(locale, messages);
  const sentence =
    (input.reason ? reasonSentence(messages, locale, input.reason, input.values ?? {}) : null) ??
    t(`common.apiErrors.codes.${input.code}`);
  const message = t("common.apiErrors.withReference", { sentence, requestId: id });
  const log = { requestId: id, code: input.code, status: input.status, reason: input.reason, err: input.cause };
  if (input.status >= 500) logger.error(log, "request failed");
  else logger.info(log, "request refused");
  return Response.json(
    { error: { code: input.code, message, requestId: id, ...(input.fields ? { fields: input.fields } : {}) } },
    { status: input.status, headers: { "cache-control": "no-store" } },
  );
}
