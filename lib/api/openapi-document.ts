// The OpenAPI 3.1 document of /api/v1, written from the same zod schemas that parse the queries and type the
// answers (zod-openapi), so the description cannot drift from what the endpoints do. Served at
// /api/v1/openapi.json; the integration tests check real answers against it.
import "server-only";
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { API_ENDPOINTS } from "@/lib/api/api-endpoints";

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).meta({ id: "Error" });

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorBody } },
});

let cached: ReturnType<typeof createDocument> | null = null;

export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "PMC Portal API",
      version: "1.0.0",
      description:
        "Read-only JSON for risk engines and partner systems. Every call needs an API token issued by an " +
        "administrator (Authorization: Bearer <token>) whose scopes include the endpoint's; a token restricted to " +
        "an office sees that office only. Lists are paged with cursors. Calls are rate-limited per token and audited.",
    },
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "an API token (pmc_…)" } },
    },
    security: [{ bearerToken: [] }],
    paths: Object.fromEntries(
      API_ENDPOINTS.map((endpoint) => [
        endpoint.path,
        {
          get: {
            summary: endpoint.summary,
            description: `${endpoint.description} Scope: ${endpoint.scope}.`,
            operationId: endpoint.path.replace("/api/v1/", "").replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
            requestParams: { query: endpoint.query },
            responses: {
              "200": { description: "a page", content: { "application/json": { schema: endpoint.response } } },
              "401": errorResponse("no token, or an unknown, expired or revoked one"),
              "403": errorResponse("the token's scopes do not include this endpoint's"),
              "422": errorResponse("a query parameter or the cursor is not valid"),
              "429": errorResponse("the token's calls per minute are spent (see Retry-After)"),
            },
          },
        },
      ]),
    ),
  });
  return cached;
}
