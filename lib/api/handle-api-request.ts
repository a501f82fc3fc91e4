// Every /api/v1 call goes through here: the token (known, unexpired, not revoked), the endpoint's scope, the token's
// rate limit, the query (zod), then the endpoint; the token's office narrows every query. Each call a token makes is
// written to the audit log with the token's name, whatever its outcome, and a call that returned officers' figures
// is in each officer's view log.
import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/kernel/app-error";
import { logger } from "@/lib/logger";
import { authenticateApiToken, hashToken, type ApiTokenContext } from "@/lib/api/api-tokens";
import { consumeApiCall, type RateLimitState } from "@/lib/api/api-rate-limit";
import type { ApiEndpoint } from "@/lib/api/api-endpoint";
import { isOfficerScope } from "@/lib/api/api-scopes";
import { pseudonymizer } from "@/lib/privacy/pseudonyms";
import { pseudonymKey } from "@/lib/privacy/pseudonym-key";
import { recordViewsQuietly } from "@/lib/view-log/record-view";

type Outcome = { status: number; body: unknown; rows?: number };

const errorBody = (code: string, message: string) => ({ error: { code, message } });

function respond(outcome: Outcome, limit: RateLimitState | null): Response {
  const headers = new Headers({ "cache-control": "no-store" });
  if (limit) {
    headers.set("x-ratelimit-limit", String(limit.limit));
    headers.set("x-ratelimit-remaining", String(limit.remaining));
    headers.set("x-ratelimit-reset", String(limit.resetSeconds));
    if (!limit.allowed) headers.set("retry-after", String(limit.resetSeconds));
  }
  return Response.json(outcome.body, { status: outcome.status, headers });
}

// A presented token that is known but refused (revoked, expired) is still audited under its name.
async function knownToken(authorization: string | null): Promise<{ id: string; name: string } | null> {
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!secret) return null;
  return db.apiToken.findUnique({ where: { tokenHash: hashToken(secret) }, select: { id: true, name: true } });
}

async function audit(token: { id: string; name: string }, request: Request, outcome: Outcome): Promise<void> {
  const url = new URL(request.url);
  try {
    await writeAudit({
      actorId: null,
      action: "api.call",
      entityType: "api_token",
      entityId: token.id,
      data: {
        token: token.name,
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status: outcome.status,
        ...(outcome.rows === undefined ? {} : { rows: outcome.rows }),
      },
    });
  } catch (error) {
    logger.error({ err: (error as Error).message, token: token.name }, "could not audit an API call");
  }
}

async function run(endpoint: ApiEndpoint, token: ApiTokenContext, request: Request): Promise<Outcome> {
  if (!token.scopes.includes(endpoint.scope)) {
    return { status: 403, body: errorBody("FORBIDDEN", `This token's scopes do not include ${endpoint.scope}`) };
  }
  const parsed = endpoint.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return { status: 422, body: errorBody("INVALID", z.prettifyError(parsed.error)) };
  const purpose = token.pseudonymPurpose;
  const officerPurpose = purpose ?? `api-token.${token.id}`;
  const officers = pseudonymizer(pseudonymKey(), officerPurpose);
  const result = await endpoint.run(
    {
      token,
      party: purpose ? pseudonymizer(pseudonymKey(), purpose) : (_kind, id) => id,
      officer: (id) => officers("officer", id),
    },
    parsed.data,
  );
  if (result.viewedOfficers?.length && isOfficerScope(endpoint.scope)) {
    await recordViewsQuietly(
      result.viewedOfficers.map((officerId) => ({
        officerId,
        what: "api" as const,
        source: endpoint.path,
        viewerUserId: null,
        viewerTokenId: token.id,
        viewerLabel: `API token ${token.name}`,
      })),
    );
  }
  const data = (result.body as { data?: unknown[] }).data;
  return { status: 200, body: result.body, rows: Array.isArray(data) ? data.length : undefined };
}

export async function handleApiRequest(request: Request, endpoint: ApiEndpoint): Promise<Response> {
  const authorization = request.headers.get("authorization");
  const auth = await authenticateApiToken(authorization);
  if (!auth.ok) {
    const outcome = { status: 401, body: errorBody("UNAUTHENTICATED", auth.reason) };
    const known = await knownToken(authorization);
    if (known) await audit(known, request, outcome);
    return respond(outcome, null);
  }
  const token = auth.token;
  const limit = await consumeApiCall(token.id, token.rateLimitPerMinute);
  let outcome: Outcome;
  if (!limit.allowed) {
    outcome = {
      status: 429,
      body: errorBody("RATE_LIMITED", `More than ${token.rateLimitPerMinute} calls in a minute: wait and retry`),
    };
  } else {
    try {
      outcome = await run(endpoint, token, request);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome = { status: error.status, body: errorBody(error.code, error.message) };
    }
  }
  await audit(token, request, outcome);
  return respond(outcome, limit);
}
