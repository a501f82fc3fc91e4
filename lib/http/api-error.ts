// What an API client sees when a request fails: a stable code, a sentence in the user's language and the request's
// id; the message key, the stack and zod's report go to the log under the same id (docs/security.md, V7).
import "server-only";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
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

async function reasonSentence(reason: string, values: Record<string, string | number>): Promise<string | null> {
  for (const namespace of REASON_NAMESPACES) {
    const t = await getTranslations(namespace);
    if (!t.has(reason)) continue;
    try {
      return t(reason, values);
    } catch {
      // A message that needs values the error did not carry: the code's own sentence is better than a broken one.
      return null;
    }
  }
  return null;
}

export async function apiErrorResponse(input: ApiErrorInput): Promise<Response> {
  const id = await requestId();
  const t = await getTranslations("common.apiErrors");
  const sentence =
    (input.reason ? await reasonSentence(input.reason, input.values ?? {}) : null) ?? t(`codes.${input.code}`);
  const message = t("withReference", { sentence, requestId: id });
  const log = { requestId: id, code: input.code, status: input.status, reason: input.reason, err: input.cause };
  if (input.status >= 500) logger.error(log, "request failed");
  else logger.info(log, "request refused");
  return Response.json(
    { error: { code: input.code, message, requestId: id, ...(input.fields ? { fields: input.fields } : {}) } },
    { status: input.status, headers: { "cache-control": "no-store" } },
  );
}
